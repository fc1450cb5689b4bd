namespace Sferum.Consents;

/// <summary>The purposes a consent is given for (stored codes; each has its versioned texts in <c>consent_texts</c>).</summary>
public static class ConsentPurposes
{
    /// <summary>A phone number shown to the teachers of the classes the person is in.</summary>
    public const string ContactPhone = "contact-phone";

    /// <summary>A profile photo. Its text is shipped, but Sferum keeps no photos yet, so it is not offered.</summary>
    public const string ProfilePhoto = "profile-photo";

    /// <summary>What the profile offers now. The photo joins this list with the feature that stores photos.</summary>
    public static IReadOnlyList<string> Offered { get; } = [ContactPhone];
}
