using Orleans.Concurrency;

namespace Sferum.Consents;

/// <summary>
/// Stateless: finds the schools the person is in and asks each school's consents grain, which decides what the person
/// may see and do there.
/// </summary>
[StatelessWorker]
public sealed class PersonConsentsGrain(ConsentSubjects subjects) : Grain, IPersonConsentsGrain
{
    public async Task<IReadOnlyList<ConsentOverview>> GetAsync()
    {
        var userId = this.GetPrimaryKey();
        var overviews = await Task.WhenAll((await subjects.SchoolsOfAsync(userId))
            .Select(school => GrainFactory.GetGrain<ISchoolConsentsGrain>(school).GetOverviewAsync(userId)));
        return overviews.OfType<ConsentOverview>().OrderBy(o => o.SchoolName, StringComparer.CurrentCulture).ToList();
    }
}
