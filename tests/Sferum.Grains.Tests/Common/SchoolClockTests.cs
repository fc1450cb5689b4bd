using Sferum.Common;

namespace Sferum.Grains.Tests.Common;

public sealed class SchoolClockTests
{
    // 04.12.2026 23:30 UTC: already Saturday in Vladivostok (UTC+10), still Friday evening in Kaliningrad (UTC+2).
    private static readonly DateTimeOffset LateFridayUtc = new(2026, 12, 4, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Vladivostok_and_Kaliningrad_read_the_same_instant_on_their_own_clocks_and_calendars()
    {
        var vladivostok = SchoolClock.For("Asia/Vladivostok");
        var kaliningrad = SchoolClock.For("Europe/Kaliningrad");

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(10)), vladivostok.Local(LateFridayUtc));
        Assert.Equal(TimeSpan.FromHours(10), vladivostok.Local(LateFridayUtc).Offset);
        Assert.Equal("05.12.2026 09:30", vladivostok.Format(LateFridayUtc));
        Assert.Equal(new DateOnly(2026, 12, 5), vladivostok.Date(LateFridayUtc));

        Assert.Equal("05.12.2026 01:30", kaliningrad.Format(LateFridayUtc));
        Assert.Equal(new DateOnly(2026, 12, 5), kaliningrad.Date(LateFridayUtc));
        Assert.Equal(new DateOnly(2026, 12, 4), kaliningrad.Date(LateFridayUtc.AddHours(-2)));
        Assert.Equal("04.12.2026 23:30", SchoolClock.For("Etc/UTC").Format(LateFridayUtc));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    public void An_empty_or_unknown_zone_reads_Moscow_time(string? zone)
    {
        var clock = SchoolClock.For(zone);

        Assert.Same(SchoolClock.Fallback, clock);
        Assert.Equal(SchoolClock.FallbackZoneId, clock.ZoneId);
        Assert.Equal("05.12.2026 02:30", clock.Format(LateFridayUtc));
    }

    [Theory]
    [InlineData("Europe/Kaliningrad", 2)]
    [InlineData("Europe/Moscow", 3)]
    [InlineData("Europe/Samara", 4)]
    [InlineData("Asia/Yekaterinburg", 5)]
    [InlineData("Asia/Novosibirsk", 7)]
    [InlineData("Asia/Irkutsk", 8)]
    [InlineData("Asia/Vladivostok", 10)]
    [InlineData("Asia/Kamchatka", 12)]
    public void Russian_zones_keep_one_offset_all_year(string zone, int hours)
    {
        var clock = SchoolClock.For(zone);
        foreach (var month in Enumerable.Range(1, 12))
        {
            Assert.Equal(TimeSpan.FromHours(hours), clock.Local(new DateTimeOffset(2026, month, 15, 12, 0, 0, TimeSpan.Zero)).Offset);
        }
    }

    [Fact]
    public void A_wall_clock_time_of_the_school_is_the_instant_it_names_there()
    {
        var vladivostok = SchoolClock.For("Asia/Vladivostok");

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 14, 0, 0, TimeSpan.Zero), vladivostok.StartOf(new DateOnly(2026, 12, 5)));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 4, 10, 0, TimeSpan.Zero), vladivostok.FromInput(new DateTime(2026, 12, 5, 14, 10, 0)));
        Assert.Equal("2026-12-05T14:10", vladivostok.Input(vladivostok.FromInput(new DateTime(2026, 12, 5, 14, 10, 0))));
        Assert.Equal("Asia/Vladivostok, UTC+10:00", vladivostok.Describe(LateFridayUtc));
    }

    [Fact]
    public void The_Russian_display_format_names_the_month_in_the_genitive()
    {
        Assert.Equal("5 декабря 2026, 09:30", SchoolClock.For("Asia/Vladivostok").Format(LateFridayUtc, "d MMMM yyyy, HH:mm"));
    }
}
