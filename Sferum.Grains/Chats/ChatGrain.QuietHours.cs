using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Chats;

/// <summary>The school's quiet hours as this chat applies them: which members a new message must not notify now.</summary>
public sealed partial class ChatGrain
{
    private QuietHours? quietHours;
    private DateTimeOffset quietHoursReadAt;

    // Read from the school at most once a minute (Sferum:Chats:QuietHoursRefreshSeconds): a policy change reaches every
    // chat within a minute, and a busy chat does not ask the school grain on every message.
    private async Task RefreshQuietHoursAsync()
    {
        var now = clock.GetUtcNow();
        if (quietHours is not null && now - quietHoursReadAt < TimeSpan.FromSeconds(options.Value.QuietHoursRefreshSeconds))
        {
            return;
        }

        quietHours = await GrainFactory.GetGrain<ISchoolGrain>(membership.SchoolId).GetQuietHoursAsync();
        quietHoursReadAt = now;
    }

    /// <summary>"25.11.2026 08:00" in the school's time zone (once the quiet hours were read; the clock's fallback before).</summary>
    private string SchoolTimeText(DateTimeOffset at) => SchoolClock.For(quietHours?.TimeZone).Format(at);

    /// <summary>Whether it is quiet at the school now and this chat has students, whom a new message must not notify.</summary>
    private bool QuietForStudentsNow() => membership.StudentIds.Count > 0 && quietHours?.IsQuiet(clock.GetUtcNow()) == true;

    /// <summary>Whether a notification to <paramref name="userId"/> must be silent (a set lookup, once per recipient).</summary>
    private bool Silenced(Guid userId, bool quietForStudents) => quietForStudents && membership.StudentIds.Contains(userId);
}
