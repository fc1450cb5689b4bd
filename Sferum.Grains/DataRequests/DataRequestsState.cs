namespace Sferum.DataRequests;

/// <summary>
/// Nothing current: the requests are rows of <c>data_requests</c>, the operator details rows of
/// <c>personal_data_operators</c>. Old state may still hold the operator notes this desk once kept; activation moves them.
/// </summary>
[GenerateSerializer, Alias("Sferum.DataRequestsState")]
public sealed class DataRequestsState
{
    [Id(0)] public LegacyOperatorNotes? Details { get; set; }
}
