namespace Sferum.DataRequests;

/// <summary>The school's own details for its answers; the requests themselves are rows of <c>data_requests</c>.</summary>
[GenerateSerializer, Alias("Sferum.DataRequestsState")]
public sealed class DataRequestsState
{
    [Id(0)] public OperatorDetails Details { get; set; } = OperatorDetails.Empty;
}
