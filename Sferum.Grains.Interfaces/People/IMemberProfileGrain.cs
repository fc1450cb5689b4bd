namespace Sferum.People;

/// <summary>A person's profile as others see it, keyed by the person's user id.</summary>
[Alias("Sferum.IMemberProfileGrain")]
public interface IMemberProfileGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The profile as <paramref name="viewerUserId"/> may see it: someone who shares a class or a chat with the person
    /// sees the name and the roles in the classes they share; a school admin sees every class of the person in their
    /// school and the contact data. Anyone else (or an unknown person) is refused alike.
    /// </summary>
    [Alias("Get")]
    Task<MemberProfile> GetAsync(Guid viewerUserId);
}
