using Sferum.PersonalData;

namespace Sferum.Consents;

/// <summary>
/// A person's consents in one school: the school as operator (null until its admins have given its legal name and
/// address, and until then nothing can be consented to), and the person and each of their minor children.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentOverview")]
public sealed record ConsentOverview(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string SchoolName,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] OperatorDetails? Operator,
    [property: Id(4)] IReadOnlyList<ConsentSubject> Subjects);
