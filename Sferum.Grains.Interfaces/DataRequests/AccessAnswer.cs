namespace Sferum.DataRequests;

/// <summary>
/// The answer to a formal access request (152-FZ art. 14 part 7), addressed to the requester: sections in the order
/// the law lists them, each line a fact with where it comes from. It names nobody but the person and the requester.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.AccessAnswer")]
public sealed record AccessAnswer(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string OperatorName,
    [property: Id(2)] string OperatorAddress,
    [property: Id(3)] string SubjectName,
    [property: Id(4)] string AddresseeName,
    [property: Id(5)] bool ToRepresentative,
    [property: Id(6)] DateOnly ReceivedOn,
    [property: Id(7)] DateOnly PreparedOn,
    [property: Id(8)] IReadOnlyList<AnswerSection> Sections);

/// <summary>One section; <see cref="Code"/> is stable (processing, basis, methods, operator, data, periods, rights).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AnswerSection")]
public sealed record AnswerSection(
    [property: Id(0)] string Code,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<AnswerLine> Lines);

/// <summary>A line: what, its value, and (for data) where Sferum got it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AnswerLine")]
public sealed record AnswerLine(
    [property: Id(0)] string Label,
    [property: Id(1)] string Value,
    [property: Id(2)] string? Source = null);
