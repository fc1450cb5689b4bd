namespace Sferum.Digest;

/// <summary>
/// A school's digest policy, set by its admins: whether its parents get a daily digest at <see cref="ParentsHour"/>
/// unless they chose otherwise, and whether digests may quote message text (off by default: only chat names, counts
/// and who wrote).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolDigestPolicy")]
public sealed record SchoolDigestPolicy(
    [property: Id(0)] bool ParentsOn,
    [property: Id(1)] int ParentsHour,
    [property: Id(2)] bool IncludeText)
{
    public static readonly SchoolDigestPolicy Default = new(false, 18, false);
}
