using System.Diagnostics.Metrics;
using Sferum.Chats;
using Sferum.Rosters;

namespace Sferum.Platform;

/// <summary>
/// What the grains count for the operator (README: Observability), exported over OTLP when the silo is told where
/// to. Tags carry kinds and outcomes only, never a person, a chat's words or a school's data.
/// </summary>
public sealed class GrainMetrics
{
    public const string MeterName = "Sferum.Grains";

    private readonly Counter<long> chatEvents;
    private readonly Histogram<double> commitDuration;
    private readonly Counter<long> rateLimitHits;
    private readonly Counter<long> importRuns;
    private readonly Counter<long> importRowErrors;

    public GrainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        chatEvents = meter.CreateCounter<long>("sferum.chat.events.accepted", "{event}",
            "Chat events committed to a chat's log (posted messages, edits, deletions, reactions, pins)");
        commitDuration = meter.CreateHistogram<double>("sferum.chat.commit.duration", "s",
            "Time of one batch commit of a chat's log, the database's fsync included");
        rateLimitHits = meter.CreateCounter<long>("sferum.rate_limit.hits", "{refusal}", "Requests refused by a per-person or per-address limit");
        importRuns = meter.CreateCounter<long>("sferum.roster.imports", "{run}", "Roster imports previewed and applied, by outcome");
        importRowErrors = meter.CreateCounter<long>("sferum.roster.import.row_errors", "{problem}", "Problems found in the rows of roster files");
    }

    public void Committed(ChatKind kind, IEnumerable<ChatEventType> events, TimeSpan duration)
    {
        foreach (var group in events.GroupBy(e => e))
        {
            chatEvents.Add(group.Count(), new("sferum.chat.kind", kind.ToString()), new("sferum.chat.event", group.Key.ToString()));
        }

        commitDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("sferum.chat.kind", kind.ToString()));
    }

    /// <param name="limit">Which limit: <c>chat.send</c>, <c>invitation.attempts</c>.</param>
    public void RateLimited(string limit) => rateLimitHits.Add(1, new KeyValuePair<string, object?>("sferum.limit", limit));

    /// <param name="stage"><c>preview</c> or <c>apply</c>.</param>
    /// <param name="source"><c>upload</c> (an admin's browser) or <c>api</c> (a journal's push).</param>
    public void Imported(string stage, string source, ImportStatus outcome, int problems)
    {
        importRuns.Add(1, new("sferum.import.stage", stage), new("sferum.import.source", source), new("sferum.import.outcome", outcome.ToString()));
        if (problems > 0)
        {
            importRowErrors.Add(problems, new KeyValuePair<string, object?>("sferum.import.source", source));
        }
    }
}
