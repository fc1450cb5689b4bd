namespace Sferum.Meetings;

/// <summary>
/// Turns one ended meeting's recorded tracks into one playable file (janus-pp-rec, then ffmpeg), stores it with the
/// other files and files it in the chat's materials. Retried by a reminder until it succeeds or gives up.
/// </summary>
[Alias("Sferum.IRecordingGrain")]
public interface IRecordingGrain : IGrainWithGuidKey
{
    [Alias("Process")]
    Task ProcessAsync(RecordingJob job);
}

[GenerateSerializer, Immutable, Alias("Sferum.RecordingJob")]
public sealed record RecordingJob(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] Guid HostId,
    [property: Id(3)] string Title,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] string HostParticipantId);
