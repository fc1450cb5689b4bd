using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sferum.Audit;
using Sferum.Common;
using Sferum.Files;
using Sferum.Identity;
using Sferum.Platform;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>
/// Owns the erasure of one person (keys: <see cref="PersonKeys"/>): checks who may order it, then runs the steps of
/// <see cref="ErasureStep"/> one after another, recording each in grain state, with a reminder that finishes the
/// procedure should the silo die half-way. The act of destruction (one per person) is opened before anything is
/// destroyed and issued when the last step is done.
/// </summary>
public sealed partial class PersonErasureGrain(
    // A state name of its own (rows are keyed by state name and key): no other grain may share its row.
    [PersistentState("erasure", GrainStorage.Default)] IPersistentState<PersonErasureState> state,
    ErasureTargetReader reader,
    PersonalDataEraser eraser,
    DestructionActStore acts,
    DestructionActCompletion completion,
    IFileStore files,
    TimeProvider clock,
    ILogger<PersonErasureGrain> logger) : Grain, IPersonErasureGrain, IRemindable, ISchoolScoped
{
    private const string ResumeReminder = "resume";
    private const int MaxReasonLength = AdminErasureOrder.MaxReasonLength;

    private PersonErasureState S => state.State;

    private string Key => this.GetPrimaryKeyString();

    public Guid? AuditSchoolId => S.Step == ErasureStep.NotOrdered ? null : S.SchoolId;

    public async Task<ErasureStatus> OrderAsync(Guid requesterUserId, AdminErasureOrder order)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(order.SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("erasure.forbidden", "Уничтожение персональных данных назначает только администратор школы этого человека.");
        }

        if (S.Step != ErasureStep.NotOrdered)
        {
            return await ContinueAsync();
        }

        var reason = (order.Reason ?? "").Trim();
        var position = (order.PerformerPosition ?? "").Trim();
        if (reason.Length is < 3 or > MaxReasonLength)
        {
            throw new DomainException("erasure.reason-invalid", "Основание: от 3 до {0} символов (например, «заявление от 01.12.2026»).", MaxReasonLength);
        }

        if (position.Length is < 2 or > 200)
        {
            throw new DomainException("erasure.position-invalid", "Должность: от 2 до 200 символов — её называет акт об уничтожении.");
        }

        if (!order.Confirmed)
        {
            throw new DomainException("erasure.not-confirmed", "Подтвердите, что данные человека нужно уничтожить: это нельзя отменить.");
        }

        var requester = await GrainFactory.GetGrain<IUserGrain>(requesterUserId).GetProfileAsync();
        await RequireErasableFromAsync(order.SchoolId, requesterUserId);
        return await StartAsync(ErasureReason.AdminOrder, order.SchoolId, reason, requesterUserId, requester!.Name.FullName, position,
            (target, school) => target.OrderAsync(requesterUserId, order));
    }

    public async Task<ErasureStatus> EraseAsync(ErasureReason reason, Guid schoolId, string reasonText)
    {
        if (S.Step != ErasureStep.NotOrdered)
        {
            return await ContinueAsync();
        }

        var settings = await GrainFactory.GetGrain<IPersonalDataGrain>(schoolId).GetSettingsForErasureAsync();
        var text = (reasonText ?? "").Trim();
        return await StartAsync(reason, schoolId, text.Length > MaxReasonLength ? text[..MaxReasonLength] : text, null,
            $"{settings.ResponsibleName} (автоматически, информационной системой)", settings.ResponsiblePosition,
            (target, school) => target.EraseAsync(reason, school, reasonText ?? ""));
    }

    public async Task<ErasureStatus> GetStatusAsync()
    {
        if (S.HandedTo is { } other)
        {
            return await GrainFactory.GetGrain<IPersonErasureGrain>(other).GetStatusAsync();
        }

        return Status();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Step == ErasureStep.NotOrdered && await acts.FindAsync(Key) is { CompletedAt: null } open)
        {
            // The act was opened but the silo died before this grain recorded it: nothing is destroyed yet, so the
            // target is read again from intact sources.
            await PrepareAsync(open.SchoolId, open.Reason, open.ReasonText, null, open.PerformerName, open.PerformerPosition);
        }

        await ContinueAsync();
    }

    /// <summary>An admin may order the erasure of someone in their school who is not still in another school, and not a fellow admin.</summary>
    private async Task RequireErasableFromAsync(Guid schoolId, Guid requesterUserId)
    {
        if (PersonKeys.TryParseUser(Key, out var userId))
        {
            if (userId == requesterUserId)
            {
                throw new DomainException("erasure.self", "Свои данные администратор не уничтожает сам: это делает другой администратор школы.");
            }

            if (!await reader.BelongsToSchoolAsync(userId, schoolId))
            {
                throw DomainException.Forbidden("erasure.forbidden-other-school", "Этот человек не состоит в вашей школе.");
            }

            if (await GrainFactory.GetGrain<ISchoolGrain>(schoolId).IsAdminAsync(userId))
            {
                throw new DomainException("erasure.admin", "Этот человек — администратор школы: сначала снимите его с этой роли.");
            }

            if (await reader.IsCurrentElsewhereAsync(userId, schoolId, null))
            {
                throw new DomainException("erasure.other-school",
                    "Этот человек состоит и в другой школе: его учётную запись обрабатывает и она. Обратитесь к оператору платформы.");
            }
        }
        else if (!PersonKeys.TryParseRosterEntry(Key, out var school, out _) || school != schoolId)
        {
            throw DomainException.Forbidden("erasure.forbidden-other-school", "Этот человек не состоит в вашей школе.");
        }
    }

    private ErasureStatus Status() => new(
        S.Step switch { ErasureStep.NotOrdered => ErasureState.NotOrdered, ErasureStep.Done => ErasureState.Done, _ => ErasureState.Running },
        S.ActId, S.ActNumber);

    private TimeSpan JobPeriod => TimeSpan.FromMinutes(1);
}
