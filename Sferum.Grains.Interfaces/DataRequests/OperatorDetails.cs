namespace Sferum.DataRequests;

/// <summary>
/// What the school, as the operator, says about itself in its answers: its address, who is responsible for personal
/// data at the school, the processors that hold the data on its behalf (the platform's operator, hosting), and its
/// periods of storage. Empty fields are answered with the general wording.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.OperatorDetails")]
public sealed record OperatorDetails(
    [property: Id(0)] string Address,
    [property: Id(1)] string Responsible,
    [property: Id(2)] string Processors,
    [property: Id(3)] string Retention)
{
    public static OperatorDetails Empty { get; } = new("", "", "", "");
}
