using Sferum.Common;
using Sferum.Identity;
using Sferum.Platform;

namespace Sferum.Schools;

public sealed class SchoolDirectoryGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<SchoolDirectoryState> state) : Grain, ISchoolDirectoryGrain
{
    public async Task<SchoolSummary> CreateSchoolAsync(Guid requesterUserId, SchoolDraft draft)
    {
        await RequireOperatorAsync(requesterUserId);
        return await AddAsync(Guid.NewGuid(), draft);
    }

    public async Task<SchoolSummary> EnsureSeededSchoolAsync(Guid schoolId, SchoolDraft draft)
    {
        var existing = await GrainFactory.GetGrain<ISchoolGrain>(schoolId).GetAsync();
        return existing ?? await AddAsync(schoolId, draft);
    }

    public async Task<IReadOnlyList<SchoolSummary>> ListAsync(Guid requesterUserId)
    {
        await RequireOperatorAsync(requesterUserId);
        var schools = await Task.WhenAll(state.State.SchoolIds.Select(id => GrainFactory.GetGrain<ISchoolGrain>(id).GetAsync()));
        return schools.OfType<SchoolSummary>().OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task<SchoolSummary> AddAsync(Guid schoolId, SchoolDraft draft)
    {
        var summary = await GrainFactory.GetGrain<ISchoolGrain>(schoolId).CreateAsync(draft);
        if (!state.State.SchoolIds.Contains(schoolId))
        {
            state.State.SchoolIds.Add(schoolId);
            await state.WriteStateAsync();
        }

        return summary;
    }

    private Task RequireOperatorAsync(Guid requesterUserId) =>
        Platform.Operators.RequireAsync(GrainFactory, requesterUserId,
            DomainException.Forbidden("school.forbidden-directory", "Список школ доступен только операторам платформы."));
}
