namespace Sferum.Consents;

/// <summary>
/// Why Sferum may hold a category of a person's data (152-FZ art. 6). Each category has one
/// (<see cref="PersonalDataCategories"/>); a person's record is the list of categories held for them with that basis.
/// </summary>
[GenerateSerializer, Alias("Sferum.LegalBasis")]
public enum LegalBasis
{
    /// <summary>The school's roster from its electronic journal: the school processes it as operator under the education law.</summary>
    Roster = 0,

    /// <summary>What the identity provider (Госуслуги) vouched for at sign-in, kept to recognise the person and match the roster.</summary>
    SignIn = 1,

    /// <summary>A class the person joined by a teacher's invitation link rather than through the journal.</summary>
    Invitation = 2,

    /// <summary>The person's own consent (a parent's for a minor child), a separate document of its own.</summary>
    Consent = 3,
}
