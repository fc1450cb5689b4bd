namespace Sferum.PersonalData;

/// <summary>Why a person's data is destroyed; the act of destruction names it (Roskomnadzor order No. 179).</summary>
[GenerateSerializer, Alias("Sferum.ErasureReason")]
public enum ErasureReason
{
    /// <summary>A school admin ordered it (for instance on the person's written request).</summary>
    AdminOrder = 0,

    /// <summary>The person left the school's roster and the grace period (<c>Sferum:PersonalData:LeaverGraceDays</c>) passed.</summary>
    LeftRoster = 1,

    /// <summary>The person (or a parent for a child) withdrew the consent the data relied on.</summary>
    ConsentWithdrawn = 2,

    /// <summary>Unlawful processing was found (e.g. a person wrongly imported into a class).</summary>
    UnlawfulProcessing = 3,
}
