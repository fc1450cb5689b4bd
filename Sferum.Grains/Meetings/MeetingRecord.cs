namespace Sferum.Meetings;

/// <summary>A meeting's grain state. People are kept by user id; a meeting of a whole school is a few thousand entries.</summary>
[GenerateSerializer, Alias("Sferum.MeetingRecord")]
public sealed class MeetingRecord
{
    [Id(0)] public Guid ChatId { get; set; }
    [Id(1)] public Guid SchoolId { get; set; }
    [Id(2)] public MeetingKind Kind { get; set; }
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public Guid HostId { get; set; }
    [Id(5)] public string HostName { get; set; } = "";
    [Id(6)] public MeetingState State { get; set; }
    [Id(7)] public DateTimeOffset? StartsAt { get; set; }
    [Id(8)] public DateTimeOffset? StartedAt { get; set; }
    [Id(9)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Janus's room: unguessable id, the secret that manages it and the pin that joins it (never sent to browsers).</summary>
    [Id(10)] public string RoomId { get; set; } = "";
    [Id(11)] public string RoomSecret { get; set; } = "";
    [Id(12)] public string Pin { get; set; } = "";

    [Id(13)] public Dictionary<Guid, MeetingPerson> People { get; set; } = [];
    [Id(14)] public bool Recording { get; set; }
    [Id(15)] public bool EverRecorded { get; set; }
    [Id(16)] public RecordingStatus RecordingStatus { get; set; }
    [Id(17)] public string? RecordingProblem { get; set; }
    [Id(18)] public List<AttendanceEntry> Attendance { get; set; } = [];
    [Id(19)] public bool PublishingLocked { get; set; }
    [Id(20)] public DateTimeOffset? EmptySince { get; set; }
    [Id(21)] public bool Created { get; set; }
    [Id(22)] public List<GuestLink> GuestLinks { get; set; } = [];
    [Id(23)] public List<BreakoutRoom> Breakouts { get; set; } = [];

    /// <summary>The group the host is in now (its index); null: the main room.</summary>
    [Id(24)] public int? HostVisiting { get; set; }
    [Id(25)] public string? Notice { get; set; }
}

/// <summary>A breakout group: its own Janus room (id and pin like the main room's) and its members.</summary>
[GenerateSerializer, Alias("Sferum.MeetingBreakoutRoom")]
public sealed class BreakoutRoom
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string RoomId { get; set; } = "";
    [Id(2)] public string Pin { get; set; } = "";
    [Id(3)] public List<Guid> Members { get; set; } = [];
    [Id(4)] public bool CallsHost { get; set; }
}

/// <summary>A personal guest link: its secret's SHA-256, for whom the host made it, until when, and who took it.</summary>
[GenerateSerializer, Alias("Sferum.MeetingGuestLink")]
public sealed class GuestLink
{
    [Id(0)] public string SecretHash { get; set; } = "";
    [Id(1)] public string InvitedName { get; set; } = "";
    [Id(2)] public DateTimeOffset ValidUntil { get; set; }
    [Id(3)] public Guid? TakenBy { get; set; }
}

[GenerateSerializer, Alias("Sferum.MeetingPerson")]
public sealed class MeetingPerson
{
    [Id(0)] public string Name { get; set; } = "";

    /// <summary>The Janus participant ids Sferum chose for this person (camera, screen): any other id in the room is an intruder.</summary>
    [Id(1)] public string ParticipantId { get; set; } = "";
    [Id(2)] public string ScreenParticipantId { get; set; } = "";
    [Id(3)] public bool Admitted { get; set; }
    [Id(4)] public bool InLobby { get; set; }
    [Id(5)] public bool MayPublish { get; set; }
    [Id(6)] public bool HandRaised { get; set; }
    [Id(7)] public bool Removed { get; set; }

    /// <summary>Janus sessions the proxy opened for this person; closed when they lose access.</summary>
    [Id(8)] public List<long> Sessions { get; set; } = [];
    [Id(9)] public bool Inside { get; set; }
    [Id(10)] public List<string> ChildNames { get; set; } = [];

    /// <summary>Muted by the meeting (publishing without leave); cleared when they are allowed.</summary>
    [Id(11)] public bool Moderated { get; set; }

    /// <summary>A guest from outside the chat, through a personal link: the name the host invited them as.</summary>
    [Id(12)] public string? GuestOf { get; set; }
}
