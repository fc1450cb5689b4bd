using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Files;
using Sferum.Platform;

namespace Sferum.Meetings;

/// <summary>
/// The post-processing of one meeting's recording. The job is kept in grain state and a reminder retries it (the silo
/// may die mid-way); after <see cref="MaxAttempts"/> failures the host is told why in the meeting, never silently.
/// </summary>
public sealed class RecordingGrain(
    // Its own state name: grain storage keys rows by state name and key, and the meeting grain (same key) uses "state".
    [PersistentState("recording", GrainStorage.Default)] IPersistentState<RecordingGrain.JobState> state,
    IFileStore files,
    IOptions<VideoOptions> options,
    ILogger<RecordingGrain> logger) : Grain, IRecordingGrain, IRemindable
{
    public const int MaxAttempts = 3;
    private const string Retry = "retry";
    private const long MaxBytes = 4L * 1024 * 1024 * 1024;
    private IGrainTimer? now;

    [GenerateSerializer, Alias("Sferum.RecordingJobState")]
    public sealed class JobState
    {
        [Id(0)] public RecordingJob? Job { get; set; }
        [Id(1)] public int Attempts { get; set; }
        [Id(2)] public bool Done { get; set; }
    }

    public async Task ProcessAsync(RecordingJob job)
    {
        if (state.State.Job is null)
        {
            state.State.Job = job;
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(Retry, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        // Not inside this call: the meeting that asked must not wait for ffmpeg.
        now ??= this.RegisterGrainTimer(_ => AttemptAsync(), TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => AttemptAsync();

    private async Task AttemptAsync()
    {
        now?.Dispose();
        now = null;
        if (state.State is not { Job: { } job, Done: false })
        {
            await StopAsync();
            return;
        }

        state.State.Attempts++;
        await state.WriteStateAsync();
        var meeting = GrainFactory.GetGrain<IMeetingGrain>(job.MeetingId);
        try
        {
            var folder = Path.Combine(options.Value.RecordingsFolder, job.MeetingId.ToString("N"));
            var output = Path.Combine(Path.GetTempPath(), $"sferum-{job.MeetingId:N}.webm");
            var seconds = await RecordingProcessor.ProduceAsync(folder, job.HostParticipantId, output, CancellationToken.None);
            (string Hash, long Size) stored;
            await using (var stream = File.OpenRead(output))
            {
                stored = await files.PutAsync(stream, MaxBytes);
            }

            File.Delete(output);
            var date = job.StartedAt.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var length = TimeSpan.FromSeconds(Math.Round(seconds));
            var name = AttachmentRules.CleanName($"Запись {job.Title} {date}.webm");
            await GrainFactory.GetGrain<IChatGrain>(job.ChatId).SendAsync(job.HostId, new SendMessage(
                $"recording-{job.MeetingId:N}", $"Запись: «{job.Title}», {date}, {Duration(length)}", null,
                [new ChatAttachment(stored.Hash, name, "video/webm", stored.Size)]));
            state.State.Done = true;
            await state.WriteStateAsync();
            await meeting.RecordingDoneAsync(true, null);
            Directory.Delete(folder, recursive: true);
            await StopAsync();
        }
        catch (Exception ex) when (ex is RecordingException or IOException or Common.DomainException)
        {
            logger.LogWarning("Recording of meeting {MeetingId}: attempt {Attempt} failed: {Error}", job.MeetingId, state.State.Attempts, ex.Message);
            if (state.State.Attempts >= MaxAttempts)
            {
                state.State.Done = true;
                await state.WriteStateAsync();
                await meeting.RecordingDoneAsync(false, $"Запись не удалось обработать: {ex.Message}");
                await StopAsync();
            }
            else
            {
                // The next attempt on a timer; the reminder stays as the backstop should this activation be lost.
                now = this.RegisterGrainTimer(_ => AttemptAsync(), TimeSpan.FromSeconds(options.Value.RecordingRetrySeconds), Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours} ч {t.Minutes} мин" : t.TotalMinutes >= 1 ? $"{t.Minutes} мин {t.Seconds} с" : $"{t.Seconds} с";

    private async Task StopAsync()
    {
        if (await this.GetReminder(Retry) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
