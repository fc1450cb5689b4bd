using System.Globalization;
using Sferum.Schools;

namespace Sferum.Web.PersonalData;

/// <summary>
/// Dates and times on the personal-data pages in the school's own time zone: a letter received, an incident detected
/// "at 14:10" mean the school's 14:10, whatever the server's zone.
/// </summary>
public sealed class SchoolClock(TimeZoneInfo zone)
{
    public static async Task<SchoolClock> ForAsync(IClusterClient cluster, Guid schoolId)
    {
        var school = await cluster.GetGrain<ISchoolGrain>(schoolId).GetAsync();
        return new SchoolClock(school is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(school.TimeZone));
    }

    public string ZoneName => zone.Id;

    public DateTime Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;

    /// <summary>The instant on the school's clock, for a format of the page's own.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    public string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The value for an <c>input type="datetime-local"</c>.</summary>
    public string Input(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time typed in the school's zone, as an instant.</summary>
    public DateTimeOffset FromInput(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
