using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Schools;

public sealed class SchoolGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<SchoolState> state,
    TimeProvider clock) : Grain, ISchoolGrain
{
    public async Task<SchoolSummary> CreateAsync(SchoolDraft draft)
    {
        draft = SchoolDraftValidator.Normalize(draft);
        var s = state.State;
        if (s.Created)
        {
            return s.Name == draft.Name && s.Region == draft.Region && s.TimeZone == draft.TimeZone
                ? ToSummary()
                : throw new DomainException("school.exists", "Школа с этим идентификатором уже существует.");
        }

        s.Created = true;
        s.Name = draft.Name;
        s.Region = draft.Region;
        s.TimeZone = draft.TimeZone;
        s.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return ToSummary();
    }

    public Task<SchoolSummary?> GetAsync() => Task.FromResult(state.State.Created ? ToSummary() : null);

    private SchoolSummary ToSummary() =>
        new(this.GetPrimaryKey(), state.State.Name, state.State.Region, state.State.TimeZone, state.State.CreatedAt);
}
