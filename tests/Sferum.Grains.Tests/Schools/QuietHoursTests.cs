using Sferum.Schools;

namespace Sferum.Grains.Tests.Schools;

/// <summary>The quiet-hours window in a school's time zone (pure logic).</summary>
public sealed class QuietHoursTests
{
    private static readonly QuietHours Default = QuietHours.For(SchoolChatPolicy.SchoolMode, "Europe/Moscow");

    [Theory]
    [InlineData("2026-11-24T18:30:00Z", true)]  // 21:30 in Moscow
    [InlineData("2026-11-25T04:59:00Z", true)]  // 07:59
    [InlineData("2026-11-25T05:00:00Z", false)] // 08:00: the morning
    [InlineData("2026-11-25T09:00:00Z", false)] // 12:00
    [InlineData("2026-11-24T17:59:00Z", false)] // 20:59
    public void The_default_window_is_nine_in_the_evening_to_eight_in_the_morning_school_time(string utc, bool quiet) =>
        Assert.Equal(quiet, Default.IsQuiet(DateTimeOffset.Parse(utc)));

    [Fact]
    public void Quiet_hours_end_the_next_morning_at_eight_school_time()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T08:00:00+03:00"), Default.EndOf(DateTimeOffset.Parse("2026-11-24T18:30:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T08:00:00+03:00"), Default.EndOf(DateTimeOffset.Parse("2026-11-25T01:00:00Z")));
        Assert.Null(Default.EndOf(DateTimeOffset.Parse("2026-11-25T09:00:00Z")));
        Assert.Equal("21:00–08:00", Default.Window);
    }

    [Fact]
    public void A_daytime_window_a_switched_off_policy_and_another_time_zone_are_honoured()
    {
        var vladivostok = QuietHours.For(new SchoolChatPolicy(QuietStartMinute: 13 * 60, QuietEndMinute: 15 * 60), "Asia/Vladivostok");
        Assert.True(vladivostok.IsQuiet(DateTimeOffset.Parse("2026-11-25T04:00:00Z")));  // 14:00 in Vladivostok
        Assert.False(vladivostok.IsQuiet(DateTimeOffset.Parse("2026-11-25T06:00:00Z"))); // 16:00
        Assert.False(QuietHours.For(new SchoolChatPolicy(QuietHoursOff: true), "Europe/Moscow").IsQuiet(DateTimeOffset.Parse("2026-11-24T20:00:00Z")));
        // A school stored before quiet hours existed (0–0) gets the default window.
        Assert.Equal("21:00–08:00", QuietHours.For(new SchoolChatPolicy(QuietStartMinute: 0, QuietEndMinute: 0), "Europe/Moscow").Window);
        Assert.Equal(21 * 60 + 30, QuietHours.ParseClock("21:30"));
        Assert.Null(QuietHours.ParseClock("25:00"));
    }
}
