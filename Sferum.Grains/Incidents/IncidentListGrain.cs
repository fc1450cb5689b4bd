using Orleans.Concurrency;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Incidents;

[StatelessWorker]
public sealed class IncidentListGrain(IncidentStore store) : Grain, IIncidentListGrain
{
    public async Task<IReadOnlyList<IncidentSummary>> ForSchoolAsync(Guid requesterUserId, Guid schoolId)
    {
        var school = GrainFactory.GetGrain<ISchoolGrain>(schoolId);
        if (!await IsOperatorAsync(requesterUserId) && !await school.IsAppointedAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("incident.forbidden-school-list", "Инциденты школы видят только её администраторы и операторы платформы.");
        }

        var name = (await school.GetAsync())?.Name ?? "";
        return (await store.ListForSchoolAsync(schoolId)).Select(r => r.ToSummary(name)).ToList();
    }

    public async Task<IReadOnlyList<IncidentSummary>> UnresolvedAsync(Guid requesterUserId)
    {
        if (!await IsOperatorAsync(requesterUserId))
        {
            throw DomainException.Forbidden("incident.forbidden-all-list", "Инциденты всех школ видят только операторы платформы.");
        }

        var names = new Dictionary<Guid, string>();
        var summaries = new List<IncidentSummary>();
        foreach (var r in await store.ListUnresolvedAsync())
        {
            if (!names.TryGetValue(r.SchoolId, out var name))
            {
                names[r.SchoolId] = name = (await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).GetAsync())?.Name ?? "";
            }

            summaries.Add(r.ToSummary(name));
        }

        return summaries;
    }

    private async Task<bool> IsOperatorAsync(Guid userId) =>
        await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync() is { IsPlatformOperator: true, Trust: TrustLevel.Confirmed };
}
