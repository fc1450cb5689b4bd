using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Sferum.Audit;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Invitations;
using Sferum.Meetings;
using Sferum.Polls;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>The steps of an erasure, in the order of <see cref="ErasureStep"/>; each one can run again without harm.</summary>
public sealed partial class PersonErasureGrain
{
    private async Task<ErasureStatus> StartAsync(ErasureReason reason, Guid schoolId, string reasonText, Guid? orderedBy,
        string performerName, string performerPosition, Func<IPersonErasureGrain, Guid, Task<ErasureStatus>> handOver)
    {
        // A roster entry that belongs to an account which is in no other school now: the account's erasure covers it.
        if (PersonKeys.TryParseRosterEntry(Key, out var rosterSchool, out var journalId)
            && await reader.RosterEntryAsync(rosterSchool, journalId) is { UserId: { } owner }
            && !await reader.IsCurrentElsewhereAsync(owner, rosterSchool, journalId))
        {
            S.HandedTo = PersonKeys.ForUser(owner);
            await state.WriteStateAsync();
            return await handOver(GrainFactory.GetGrain<IPersonErasureGrain>(S.HandedTo), schoolId);
        }

        // First the reminder, so that whatever happens after this line is finished by it.
        await this.RegisterOrUpdateReminder(ResumeReminder, JobPeriod, JobPeriod);
        await PrepareAsync(schoolId, reason, reasonText, orderedBy, performerName, performerPosition);
        return await ContinueAsync();
    }

    /// <summary>Reads the target, opens the act (with the names, in the act's row only) and records the ids to visit.</summary>
    private async Task PrepareAsync(Guid schoolId, ErasureReason reason, string reasonText, Guid? orderedBy, string performerName, string performerPosition)
    {
        ErasureTarget? target;
        if (PersonKeys.TryParseUser(Key, out var userId))
        {
            target = await reader.ForUserAsync(userId, await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync());
        }
        else
        {
            PersonKeys.TryParseRosterEntry(Key, out var school, out var journal);
            target = await reader.ForRosterEntryAsync(school, journal);
        }

        if (target is null || (target.UserId is not null && target.RosterEntries.Count == 0 && target.Schools.Count == 0 && target.Names.Count == 0))
        {
            throw new DomainException("erasure.unknown", "Такого человека нет: возможно, его данные уже уничтожены.");
        }

        var settings = await GrainFactory.GetGrain<IPersonalDataGrain>(schoolId).GetSettingsForErasureAsync();
        var act = await acts.OpenAsync(
            new DestructionAct(Guid.NewGuid(), 0, schoolId, Key, target.UserId, target.PersonName, target.Role, target.Categories, reason,
                reasonText, performerName, performerPosition, settings.OperatorName, settings.OperatorAddress, settings.Processor,
                clock.GetUtcNow(), null, target.Names, []),
            new AuditEntry(schoolId, orderedBy, null, "person.erasure-started",
                $"Начато уничтожение персональных данных человека ({ErasureReasons.Describe(reason)})",
                new Dictionary<string, object?> { ["reason"] = ErasureReasons.Code(reason), ["categories"] = target.Categories },
                SubjectUserId: target.UserId));

        var recordings = new List<string>();
        if (target.UserId is { } user)
        {
            // Cut access first: every session ends now, before anything else is destroyed.
            await GrainFactory.GetGrain<Sessions.IUserSessionsGrain>(user).EndAllAsync("erased");
            foreach (var meeting in target.Meetings)
            {
                if (await GrainFactory.GetGrain<IMeetingGrain>(meeting).HadPersonAsync(user))
                {
                    recordings.Add($"recording-{meeting:N}");
                }
            }
        }

        (S.SchoolId, S.Reason, S.OrderedBy, S.ActId, S.ActNumber, S.UserId) = (act.SchoolId, act.Reason, orderedBy, act.ActId, act.Number, target.UserId);
        (S.Schools, S.Chats, S.Meetings, S.Classes) = (target.Schools.ToList(), target.Chats.ToList(), target.Meetings.ToList(), target.Classes.ToList());
        (S.Polls, S.Invitations, S.Recordings, S.RosterEntries) = (target.Polls.ToList(), target.Invitations.ToList(), recordings, target.RosterEntries.ToList());
        S.Step = act.CompletedAt is null ? ErasureStep.Ordered : ErasureStep.Done;
        await state.WriteStateAsync();
        logger.LogInformation("Erasure {Key} ordered: act {ActNumber}", Key, act.Number);
    }

    private async Task<ErasureStatus> ContinueAsync()
    {
        if (S.HandedTo is { } other)
        {
            return await GrainFactory.GetGrain<IPersonErasureGrain>(other).GetStatusAsync();
        }

        while (S.Step is > ErasureStep.NotOrdered and < ErasureStep.Done)
        {
            await RunStepAsync(S.Step);
            S.Step++;
            await state.WriteStateAsync();
            logger.LogInformation("Erasure {Key}: {Step}", Key, S.Step);
        }

        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return Status();
    }

    private async Task RunStepAsync(ErasureStep done)
    {
        var act = await acts.FindAsync(Key) ?? throw new InvalidOperationException($"Erasure {Key}: its act is missing.");
        var settings = await GrainFactory.GetGrain<IPersonalDataGrain>(S.SchoolId).GetSettingsForErasureAsync();
        switch (done)
        {
            case ErasureStep.Ordered:
                S.Files = await eraser.FilesAsync(S.UserId, S.Chats, settings.DeleteRecordings ? S.Recordings : []);
                break;
            case ErasureStep.FilesListed:
                var snils = S.UserId is { } user ? (await GrainFactory.GetGrain<IUserGrain>(user).GetProfileAsync())?.Snils : null;
                await eraser.DestroyAsync(Target(act), snils, settings, S.Recordings);
                break;
            case ErasureStep.DatabaseDestroyed:
                foreach (var hash in await eraser.UnreferencedAsync(S.Files))
                {
                    await files.DeleteAsync(hash);
                }

                break;
            case ErasureStep.FilesRemoved:
                await Task.WhenAll(S.Meetings.Select(m => GrainFactory.GetGrain<IMeetingGrain>(m).ForgetPersonAsync(S.UserId ?? Guid.Empty, act.PendingNames)));
                if (S.UserId is { } erased)
                {
                    await GrainFactory.GetGrain<IUserGrain>(erased).EraseAsync();
                    await GrainFactory.GetGrain<Notifications.INotificationsGrain>(erased).EraseAsync();
                }

                break;
            case ErasureStep.GrainStateScrubbed:
                await DropCachesAsync();
                break;
            case ErasureStep.CachesDropped:
                await acts.RedactAuditAsync(act, S.Schools.Append(S.SchoolId).Distinct().ToList(), S.OrderedBy);
                break;
            case ErasureStep.AuditRedacted:
                await IssueAsync(act);
                break;
        }
    }

    /// <summary>Grains that keep names in memory read them again: chats, classes, the school's channel; polls, invitations and schools start afresh.</summary>
    private async Task DropCachesAsync()
    {
        var person = S.UserId ?? Guid.Empty;
        await Task.WhenAll(S.Chats.Select(c => GrainFactory.GetGrain<IChatGrain>(c).PersonErasedAsync(person)));
        await Task.WhenAll(S.Classes.Select(c => GrainFactory.GetGrain<IClassGrain>(c).RefreshAsync()));
        await Task.WhenAll(S.Schools.Select(s => GrainFactory.GetGrain<ISchoolChatsGrain>(s).RefreshChannelAsync()));
        var stale = S.Polls.Select(p => GrainFactory.GetGrain<IPollGrain>(p).AsReference<IGrainManagementExtension>())
            .Concat(S.Invitations.Select(i => GrainFactory.GetGrain<IInvitationGrain>(i).AsReference<IGrainManagementExtension>()))
            .Concat(S.Schools.Select(s => GrainFactory.GetGrain<ISchoolGrain>(s).AsReference<IGrainManagementExtension>()));
        foreach (var grain in stale)
        {
            await grain.DeactivateOnIdle();
        }
    }

    /// <summary>The last audit entry, the two documents, and the act closed; the grain keeps only the act's number.</summary>
    private async Task IssueAsync(DestructionAct act)
    {
        if (act.CompletedAt is null)
        {
            await CompleteAsync(act);
        }

        S.CompletedAt = (await acts.FindAsync(Key))?.CompletedAt;
        (S.Schools, S.Chats, S.Meetings, S.Classes, S.Polls, S.Invitations) = ([], [], [], [], [], []);
        (S.Recordings, S.Files, S.RosterEntries) = ([], [], []);
    }

    private Task CompleteAsync(DestructionAct act) => completion.CompleteAsync(GrainFactory, act, new AuditEntry(S.SchoolId, S.OrderedBy, null,
        "person.erased", $"Персональные данные человека уничтожены (акт № {act.Number})",
        new Dictionary<string, object?> { ["act"] = act.ActId, ["number"] = act.Number }, SubjectUserId: S.UserId));

    private ErasureTarget Target(DestructionAct act) => new(S.UserId, S.RosterEntries, S.Schools, act.PendingNames, act.PersonName, act.PersonRole,
        act.Categories, S.Chats, S.Meetings, S.Classes, S.Polls, S.Invitations);
}
