namespace Sferum.Meetings;

[GenerateSerializer, Alias("Sferum.RecordingStatus")]
public enum RecordingStatus
{
    None = 0,

    /// <summary>The meeting is being recorded now.</summary>
    Recording = 1,

    /// <summary>The meeting ended; its tracks are being turned into one file.</summary>
    Processing = 2,

    /// <summary>The file is in the chat's materials.</summary>
    Ready = 3,

    /// <summary>Post-processing failed after its retries; the host was told why.</summary>
    Failed = 4,
}
