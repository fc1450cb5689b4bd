using Sferum.Audit;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Platform;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>
/// One school's personal-data desk: its admins look up and correct a person's roster record, keep the school's destruction
/// policy (this grain's state) and read the acts of destruction. Every method checks that the requester administers
/// this school. The operator details the acts name come from the one store, <see cref="OperatorStore"/>.
/// </summary>
public sealed class PersonalDataGrain(
    // Its own state name: rows are keyed by state name and grain key, and the school grain (same key) uses "state".
    [PersistentState("personal-data", GrainStorage.Default)] IPersistentState<PersonalDataGrain.SettingsState> state,
    PersonRecordStore records,
    DestructionActStore acts,
    OperatorStore operators,
    AuditLog audit) : Grain, IPersonalDataGrain, ISchoolScoped
{
    [GenerateSerializer, Alias("Sferum.PersonalDataSettingsState")]
    public sealed class SettingsState
    {
        /// <summary>Older versions kept the operator details here too; activation moves them to the one store.</summary>
        [Id(0)] public PersonalDataSettings? Settings { get; set; }

        [Id(1)] public DestructionPolicy? Policy { get; set; }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Settings is { } old)
        {
            await operators.FillMissingAsync(SchoolId,
                new OperatorDetails(old.OperatorName, old.OperatorAddress, old.ResponsibleName, old.ResponsiblePosition, old.Processor ?? ""));
            state.State.Policy ??= new DestructionPolicy(old.DeleteMessages, old.DeleteRecordings);
            state.State.Settings = null;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private Guid SchoolId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => SchoolId;

    public async Task<PersonRecord> GetPersonAsync(Guid requesterUserId, string memberKey)
    {
        await RequireAdminAsync(requesterUserId);
        return await RecordAsync(memberKey);
    }

    public async Task<PersonRecord> CorrectAsync(Guid requesterUserId, string memberKey, PersonCorrection correction)
    {
        await RequireAdminAsync(requesterUserId);
        var person = await RecordAsync(memberKey);
        if (!person.OnRoster)
        {
            throw new DomainException("correction.not-on-roster",
                "Этот человек в школе по приглашению: его ФИО приходят с Госуслуг, исправить их можно только там.");
        }

        var value = PersonCorrections.Normalize(correction);
        var classes = await records.CorrectAsync(SchoolId, memberKey, correction.Field, value);
        // Whom and what, never the values: the log must stay erasable of the person while it may not change.
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "person.corrected",
            $"Исправлены данные в записи списка школы: {PersonCorrections.Label(correction.Field)}",
            new Dictionary<string, object?> { ["field"] = correction.Field.ToString(), ["journalId"] = memberKey, ["reason"] = correction.Reason.Trim() },
            SubjectUserId: person.UserId));
        await Task.WhenAll(classes.Select(c => GrainFactory.GetGrain<IClassGrain>(c).RefreshAsync()));
        return await RecordAsync(memberKey);
    }

    public async Task<DestructionPolicy> GetPolicyAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return state.State.Policy ?? new DestructionPolicy();
    }

    public async Task SetPolicyAsync(Guid requesterUserId, DestructionPolicy policy)
    {
        await RequireAdminAsync(requesterUserId);
        if ((state.State.Policy ?? new DestructionPolicy()) == policy)
        {
            return;
        }

        state.State.Policy = policy;
        await state.WriteStateAsync();
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "personal-data.settings",
            $"Изменены настройки уничтожения персональных данных: удалять сообщения — {(policy.DeleteMessages ? "да" : "нет")}, "
            + $"удалять записи встреч с участием человека — {(policy.DeleteRecordings ? "да" : "нет")}"));
    }

    public async Task<PersonalDataSettings> GetSettingsForErasureAsync()
    {
        var policy = state.State.Policy ?? new DestructionPolicy();
        if (await operators.GetAsync(SchoolId) is { NamesOperator: true } op)
        {
            return new PersonalDataSettings(op.LegalName, op.Address, op.Processors.Length == 0 ? null : op.Processors,
                op.ResponsibleName, op.ResponsiblePosition, policy.DeleteMessages, policy.DeleteRecordings);
        }

        // Until the admins fill them in, the school's own name stands for the operator.
        var school = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).GetAsync();
        return new PersonalDataSettings(school?.Name ?? "", school?.Region ?? "", null, "Администратор школы", "администратор информационной системы",
            policy.DeleteMessages, policy.DeleteRecordings);
    }

    public async Task<IReadOnlyList<DestructionActSummary>> ListActsAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await acts.ListAsync(SchoolId);
    }

    public async Task<byte[]> GetActPdfAsync(Guid requesterUserId, Guid actId, bool extract)
    {
        await RequireAdminAsync(requesterUserId);
        return await acts.PdfAsync(SchoolId, actId, extract)
            ?? throw new DomainException("act.unknown", "Такого акта нет (или он ещё не готов).");
    }

    private async Task<PersonRecord> RecordAsync(string memberKey)
    {
        var row = await records.LoadAsync(SchoolId, memberKey ?? "")
            ?? throw new DomainException("person.unknown", "Такого человека в школе нет: возможно, его данные уже уничтожены.");
        var erasureKey = row.UserId is { } user ? PersonKeys.ForUser(user) : PersonKeys.ForRosterEntry(SchoolId, row.MemberKey);
        var erasure = await GrainFactory.GetGrain<IPersonErasureGrain>(erasureKey).GetStatusAsync();
        return new PersonRecord(SchoolId, row.MemberKey, erasureKey, row.UserId, row.LastName, row.FirstName, row.MiddleName, row.BirthDate,
            row.Email, row.Phone, row.Role, row.OnRoster, row.LeftRoster, erasure);
    }

    private async Task RequireAdminAsync(Guid userId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("Персональные данные людей школы и акты об уничтожении доступны только администраторам этой школы.");
        }
    }
}
