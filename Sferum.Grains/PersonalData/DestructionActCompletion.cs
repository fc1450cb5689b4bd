using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>
/// The last step of every destruction, a person's erasure and a withdrawn consent's alike: the closing audit entry
/// joins the act's entries, and the act and its log extract are rendered as PDF in the school's time zone and kept for
/// <see cref="PersonalDataOptions.DestructionActYears"/>.
/// </summary>
public sealed class DestructionActCompletion(DestructionActStore acts, IOptions<PersonalDataOptions> options, TimeProvider clock)
{
    public async Task CompleteAsync(IGrainFactory grains, DestructionAct act, AuditEntry closing)
    {
        var seq = await acts.AuditAsync(act.ActId, closing);
        var completedAt = clock.GetUtcNow();
        var zone = SchoolClock.For((await grains.GetGrain<ISchoolGrain>(act.SchoolId).GetAsync())?.TimeZone).Zone;
        var entries = await acts.AuditEntriesAsync(act.AuditSeqs.Append(seq).Distinct().ToList());
        ActFonts.Install(options.Value);
        await acts.CompleteAsync(act.ActId, completedAt, DestructionActDocuments.Act(act, completedAt, zone),
            DestructionActDocuments.Extract(act, completedAt, zone, entries), completedAt.AddYears(options.Value.DestructionActYears));
    }
}
