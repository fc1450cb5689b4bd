namespace Sferum.Meetings;

/// <summary>
/// Configuration section <c>Sferum:Video</c>: where the video server (Janus) is and its secrets. Silos use the admin
/// API to drive rooms; web nodes use the client API (with <see cref="ApiSecret"/>) to proxy people's signalling.
/// </summary>
public sealed class VideoOptions
{
    public const string Section = "Sferum:Video";

    /// <summary>Janus's client API, e.g. <c>http://127.0.0.1:8088/janus</c>. Empty: video is off.</summary>
    public string JanusUrl { get; set; } = "";

    /// <summary>Janus's admin API, e.g. <c>http://127.0.0.1:7088/admin</c>.</summary>
    public string AdminUrl { get; set; } = "";

    public string AdminSecret { get; set; } = "";

    /// <summary>The VideoRoom plugin's <c>admin_key</c>: without it nobody creates rooms.</summary>
    public string RoomAdminKey { get; set; } = "";

    /// <summary>Janus's <c>api_secret</c>: only Sferum's proxy talks to Janus's client API.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>Where Janus writes recordings (rooms' <c>rec_dir</c>); the silo reads them from the same path.</summary>
    public string RecordingsFolder { get; set; } = "";

    /// <summary>How often a live meeting compares Janus's room with what it allows (removals, Janus restarts, attendance).</summary>
    public double ReconcileSeconds { get; set; } = 2;

    /// <summary>A live meeting nobody is in ends by itself after this long.</summary>
    public double EmptyMinutes { get; set; } = 30;

    /// <summary>How long before a planned meeting its chat is reminded.</summary>
    public double ReminderMinutes { get; set; } = 10;

    /// <summary>A planned meeting whose host never opened it ends by itself this long after its start time.</summary>
    public double AbandonMinutes { get; set; } = 60;

    /// <summary>How long a failed recording job waits before its next attempt (of <c>RecordingGrain.MaxAttempts</c>).</summary>
    public double RecordingRetrySeconds { get; set; } = 60;

    public bool Enabled => JanusUrl.Length > 0 && AdminUrl.Length > 0;
}
