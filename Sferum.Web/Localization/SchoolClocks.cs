using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Web.Localization;

/// <summary>
/// Which <see cref="SchoolClock"/> a page reads its times on: a school's page its school's; a personal page (sessions,
/// my data, notifications) the person's school's — the school of their first class (lowest id, so the choice is
/// stable), else the first school they administer, else <see cref="SchoolClock.Fallback"/>.
/// </summary>
public static class SchoolClocks
{
    public static async Task<SchoolClock> ForSchoolAsync(IClusterClient cluster, Guid schoolId) =>
        SchoolClock.For((await cluster.GetGrain<ISchoolGrain>(schoolId).GetAsync())?.TimeZone);

    public static async Task<SchoolClock> ForPersonAsync(IClusterClient cluster, Guid userId)
    {
        var user = cluster.GetGrain<IUserGrain>(userId);
        var classIds = await user.GetClassIdsAsync();
        if (classIds.Count > 0)
        {
            var details = await cluster.GetGrain<IClassGrain>(classIds.Min()).GetAsync(userId);
            return await ForSchoolAsync(cluster, details.SchoolId);
        }

        var administered = await user.GetAdministeredSchoolsAsync();
        return SchoolClock.For(administered.FirstOrDefault()?.TimeZone);
    }
}
