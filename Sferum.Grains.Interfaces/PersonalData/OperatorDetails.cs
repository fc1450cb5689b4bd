namespace Sferum.PersonalData;

/// <summary>
/// The school as operator of personal data, in the one place every document takes it from: its full legal name and
/// address (consents, 152-FZ art. 9; acts of destruction), the official responsible for processing (acts, answers to
/// requests), the processors acting on its behalf, and the periods of storage it states in its answers. Empty optional
/// fields are answered with the general wording.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.Consents.OperatorDetails")]
public sealed record OperatorDetails(
    [property: Id(0)] string LegalName,
    [property: Id(1)] string Address,
    [property: Id(2)] string ResponsibleName = "",
    [property: Id(3)] string ResponsiblePosition = "",
    [property: Id(4)] string Processors = "",
    [property: Id(5)] string Retention = "")
{
    /// <summary>
    /// The legal name and address are given: what a document needs to name the operator. Details moved from an older
    /// version can lack them until an admin saves the page.
    /// </summary>
    public bool NamesOperator => LegalName.Length > 0 && Address.Length > 0;

    /// <summary>"Name, position" of the responsible official, or empty when not given.</summary>
    public string Responsible => string.Join(", ", new[] { ResponsibleName, ResponsiblePosition }.Where(s => s.Length > 0));
}
