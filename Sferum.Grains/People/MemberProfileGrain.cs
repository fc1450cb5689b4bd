using Orleans.Concurrency;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.People;

/// <summary>Stateless: every request reads the relations afresh, so a person who left a class stops being visible at once.</summary>
[StatelessWorker]
public sealed class MemberProfileGrain(MemberRelations relations, ContactReadAudit contactReads) : Grain, IMemberProfileGrain
{
    public async Task<MemberProfile> GetAsync(Guid viewerUserId)
    {
        var personId = this.GetPrimaryKey();
        var person = await GrainFactory.GetGrain<IUserGrain>(personId).GetProfileAsync();
        var viewer = await GrainFactory.GetGrain<IUserGrain>(viewerUserId).GetProfileAsync();
        if (person is null || viewer is null)
        {
            throw Refused();
        }

        // Admin rights follow the school grain's rule: an appointed SNILS counts only on a verified account.
        var r = await relations.LoadAsync(personId, Verified(person), viewerUserId, Verified(viewer));
        var names = new Dictionary<Guid, string>();
        foreach (var school in r.PersonClasses.Select(c => c.SchoolId).Concat(r.PersonRosterEntries.Select(e => e.SchoolId))
                     .Concat(r.PersonAdminSchools).Concat(r.SharedChatSchools).Distinct())
        {
            names[school] = (await GrainFactory.GetGrain<ISchoolGrain>(school).GetAsync())?.Name ?? "";
        }

        var profile = MemberVisibility.Compose(person, viewerUserId, r, names) ?? throw Refused();
        // Written before the answer leaves: a read that cannot be traced is not served.
        await contactReads.WriteAsync(viewerUserId, profile, r.ViewerAdminSchools);
        return profile;
    }

    private static string? Verified(UserProfile p) => p.Trust >= TrustLevel.Standard ? p.Snils : null;

    // The same answer whether the person does not exist or is simply not the viewer's to see.
    private static DomainException Refused() =>
        DomainException.Forbidden("profile.forbidden", "Профиль видят люди из тех же классов и чатов и администраторы школы.");
}
