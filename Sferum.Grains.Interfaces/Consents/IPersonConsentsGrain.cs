namespace Sferum.Consents;

/// <summary>A person's consents in every school they belong to, keyed by their user id: what their profile shows.</summary>
[Alias("Sferum.IPersonConsentsGrain")]
public interface IPersonConsentsGrain : IGrainWithGuidKey
{
    /// <summary>One overview per school the person (or a child of theirs) is in, by school name.</summary>
    [Alias("Get")]
    Task<IReadOnlyList<ConsentOverview>> GetAsync();
}
