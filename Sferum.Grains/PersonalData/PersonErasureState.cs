namespace Sferum.PersonalData;

/// <summary>
/// An erasure's progress (grain state). It holds ids only — never a name: the names to take out of the copies are kept
/// in the act's row until the erasure completes, so that a silo dying half-way leaves nothing personal in grain storage.
/// </summary>
[GenerateSerializer, Alias("Sferum.PersonErasureState")]
public sealed class PersonErasureState
{
    [Id(0)] public ErasureStep Step { get; set; }
    [Id(1)] public Guid SchoolId { get; set; }
    [Id(2)] public ErasureReason Reason { get; set; }
    [Id(3)] public Guid? OrderedBy { get; set; }
    [Id(4)] public Guid? ActId { get; set; }
    [Id(5)] public long? ActNumber { get; set; }
    [Id(6)] public Guid? UserId { get; set; }
    [Id(7)] public List<Guid> Schools { get; set; } = [];
    [Id(8)] public List<Guid> Chats { get; set; } = [];
    [Id(9)] public List<Guid> Meetings { get; set; } = [];
    [Id(10)] public List<Guid> Classes { get; set; } = [];
    [Id(11)] public List<Guid> Polls { get; set; } = [];
    [Id(12)] public List<Guid> Invitations { get; set; } = [];

    /// <summary>Recordings (their messages' client ids) of meetings the person was in, removed when the school says so.</summary>
    [Id(13)] public List<string> Recordings { get; set; } = [];

    /// <summary>Content hashes of the files detached from the person's messages and materials, to leave the file store.</summary>
    [Id(14)] public List<string> Files { get; set; } = [];

    [Id(15)] public List<(Guid SchoolId, string JournalId)> RosterEntries { get; set; } = [];

    /// <summary>A roster key whose entry belongs to an account hands the erasure to the account's key.</summary>
    [Id(16)] public string? HandedTo { get; set; }

    [Id(17)] public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>The steps, in order; each can run again without harm.</summary>
[GenerateSerializer, Alias("Sferum.ErasureStep")]
public enum ErasureStep
{
    NotOrdered = 0,
    Ordered = 1,
    FilesListed = 2,
    DatabaseDestroyed = 3,
    FilesRemoved = 4,
    GrainStateScrubbed = 5,
    CachesDropped = 6,
    AuditRedacted = 7,
    Done = 8,
}
