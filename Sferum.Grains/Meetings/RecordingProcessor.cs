using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sferum.Meetings;

/// <summary>
/// Turns the tracks Janus recorded for one meeting (one <c>.mjr</c> file per track) into one WebM: the host's camera
/// video and every participant's audio mixed, each placed at the time it started. Uses Debian's <c>janus-pp-rec</c>
/// (janus-tools) and <c>ffmpeg</c>; nothing here knows about grains.
/// </summary>
public static partial class RecordingProcessor
{
    public const string PostProcessor = "/usr/bin/janus-pp-rec";
    public const string Ffmpeg = "/usr/bin/ffmpeg";
    public const string Ffprobe = "/usr/bin/ffprobe";

    /// <summary>Janus's names: <c>videoroom-ROOM-user-PARTICIPANT-MICROSECONDS-audio|video-MINDEX.mjr</c>.</summary>
    [GeneratedRegex(@"^videoroom-[0-9a-f]+-user-(?<who>[0-9a-f]+)-(?<at>\d+)-(?<kind>audio|video)-\d+\.mjr$")]
    private static partial Regex TrackName();

    public sealed record Track(string Path, string Participant, long StartedMicros, bool Video);

    public static IReadOnlyList<Track> Tracks(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.mjr")
                .Select(path => (path, match: TrackName().Match(System.IO.Path.GetFileName(path))))
                .Where(x => x.match.Success)
                .Select(x => new Track(x.path, x.match.Groups["who"].Value, long.Parse(x.match.Groups["at"].Value, CultureInfo.InvariantCulture),
                    x.match.Groups["kind"].Value == "video"))
                .ToList()
            : [];

    /// <summary>Makes <paramref name="output"/> and returns its duration in seconds; throws with the tool's words when it fails.</summary>
    public static async Task<double> ProduceAsync(string folder, string hostParticipant, string output, CancellationToken cancellationToken)
    {
        var tracks = Tracks(folder);
        // The host's longest camera track: a lesson is the teacher's picture with everyone's voice.
        var video = tracks.Where(t => t.Video && t.Participant == hostParticipant).MaxBy(t => new FileInfo(t.Path).Length)
            ?? throw new RecordingException("нет видео организатора: камера была выключена всё время записи");
        var audio = tracks.Where(t => !t.Video).ToList();
        var work = Directory.CreateTempSubdirectory("sferum-recording-");
        try
        {
            var videoFile = System.IO.Path.Combine(work.FullName, "video.webm");
            await RunAsync(PostProcessor, [video.Path, videoFile], cancellationToken);
            var inputs = new List<string> { "-i", videoFile };
            var delays = new List<long>();
            foreach (var (track, index) in audio.Select((t, i) => (t, i)))
            {
                var file = System.IO.Path.Combine(work.FullName, $"audio-{index}.opus");
                await RunAsync(PostProcessor, [track.Path, file], cancellationToken);
                if (File.Exists(file) && new FileInfo(file).Length > 0)
                {
                    inputs.AddRange(["-i", file]);
                    delays.Add(Math.Max(0, (track.StartedMicros - video.StartedMicros) / 1000));
                }
            }

            var arguments = new List<string> { "-y", "-v", "error" };
            arguments.AddRange(inputs);
            if (delays.Count == 0)
            {
                arguments.AddRange(["-map", "0:v", "-c:v", "copy", output]);
            }
            else
            {
                var filters = string.Join(";", delays.Select((d, i) => $"[{i + 1}:a]adelay={d}:all=1[a{i}]"));
                var mix = string.Concat(delays.Select((_, i) => $"[a{i}]")) + $"amix=inputs={delays.Count}:normalize=0:duration=longest[mix]";
                // Not -shortest: janus-pp-rec's WebM carries no duration, and ffmpeg then cuts everything to the first packets.
                arguments.AddRange(["-filter_complex", $"{filters};{mix}", "-map", "0:v", "-map", "[mix]", "-c:v", "copy", "-c:a", "libopus", output]);
            }

            await RunAsync(Ffmpeg, arguments, cancellationToken);
            var duration = await RunAsync(Ffprobe, ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", output],
                cancellationToken);
            return double.TryParse(duration.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : throw new RecordingException($"ffprobe не определил длительность ({duration.Trim()})");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(program))
        {
            throw new RecordingException($"не установлен {program} (apt-get install janus-tools ffmpeg)");
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var said = (await stderr).Trim();
            throw new RecordingException($"{System.IO.Path.GetFileName(program)} завершился с кодом {process.ExitCode}: {said[^Math.Min(said.Length, 300)..]}");
        }

        return await stdout;
    }
}

public sealed class RecordingException(string message) : Exception(message);
