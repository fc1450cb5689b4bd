namespace Sferum.Notices;

/// <summary>An in-app notice to a member of staff (an incident's deadline), shown on their home page until dismissed.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.StaffNotice")]
public sealed record StaffNotice(
    [property: Id(0)] Guid NoticeId,
    [property: Id(1)] string Text,
    [property: Id(2)] string Link,
    [property: Id(3)] DateTimeOffset CreatedAt);
