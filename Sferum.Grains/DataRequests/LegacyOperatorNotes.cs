namespace Sferum.DataRequests;

/// <summary>
/// What the requests desk kept about the operator before one store held it (migration 0995): still read from old grain
/// state so that it can move into <c>personal_data_operators</c>, never written. The alias keeps old state readable.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.OperatorDetails")]
public sealed record LegacyOperatorNotes(
    [property: Id(0)] string Address,
    [property: Id(1)] string Responsible,
    [property: Id(2)] string Processors,
    [property: Id(3)] string Retention)
{
    public static LegacyOperatorNotes Empty { get; } = new("", "", "", "");
}
