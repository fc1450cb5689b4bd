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

    /// <summary>The students of this chat while it is quiet at the school; null otherwise.</summary>
    private IReadOnlyList<Guid>? SilentNow() =>
        quietHours?.IsQuiet(clock.GetUtcNow()) == true && membership.StudentIds.Count > 0 ? membership.StudentIds.ToList() : null;
}
