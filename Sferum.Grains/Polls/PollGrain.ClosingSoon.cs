using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Localization;
using Sferum.Notifications;

namespace Sferum.Polls;

/// <summary>
/// «Опрос скоро закроется»: an hour before a poll's deadline an Orleans reminder (stored in PostgreSQL, so a restart
/// does not lose it) tells the members who have not answered. A poll whose deadline is less than an hour away when it
/// is posted gets no reminder: its own message is the news.
/// </summary>
public sealed partial class PollGrain
{
    public const string ClosingSoonReminder = "closing-soon";

    /// <summary>How long before the deadline the members who did not answer are reminded.</summary>
    public static readonly TimeSpan ClosingSoonLead = TimeSpan.FromHours(1);

    private async Task ScheduleClosingSoonAsync()
    {
        if (poll is { Deadline: { } deadline } && deadline - ClosingSoonLead is var at && at > clock.GetUtcNow())
        {
            await this.RegisterOrUpdateReminder(ClosingSoonReminder, at - clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (reminderName != ClosingSoonReminder || poll is not { Seq: { } seq } p || p.IsClosed(clock.GetUtcNow()))
        {
            return;
        }

        var tally = await TallyAsync();
        var voted = tally.Named?.Keys.ToHashSet() ?? tally.AnonymousVoters ?? [];
        var chat = GrainFactory.GetGrain<IChatGrain>(p.ChatId);
        var waiting = (await chat.MemberIdsAsync()).Where(u => !voted.Contains(u) && u != p.CreatedBy).ToList();
        logger.LogInformation("Poll {PollId} closes soon: {Count} members not answered are told", PollId, waiting.Count);
        if (waiting.Count > 0)
        {
            await chat.NotifyMembersAsync(new ChatNotice(NotificationKind.PollClosing, p.CreatedBy, await NameAsync(p.CreatedBy),
                GrainTexts.Format("Notice.PollClosing", p.Question), seq, Recipients: waiting));
        }
    }
}
