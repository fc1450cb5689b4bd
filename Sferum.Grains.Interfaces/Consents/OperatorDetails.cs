namespace Sferum.Consents;

/// <summary>The school as operator of personal data, as its consents name it: full legal name and address (152-FZ art. 9).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.Consents.OperatorDetails")]
public sealed record OperatorDetails(
    [property: Id(0)] string LegalName,
    [property: Id(1)] string Address);
