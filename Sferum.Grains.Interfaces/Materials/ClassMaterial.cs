using Sferum.Chats;

namespace Sferum.Materials;

/// <summary>One item of a class's library: a file (bytes in the file store) or a link, by subject and lesson date.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ClassMaterial")]
public sealed record ClassMaterial(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Title,
    [property: Id(3)] DateOnly LessonDate,
    [property: Id(4)] ChatAttachment? File,
    [property: Id(5)] string? Url,
    [property: Id(6)] string AuthorName,
    [property: Id(7)] DateTimeOffset PublishedAt,
    [property: Id(8)] int Downloads);

/// <summary>What a teacher publishes: exactly one of <see cref="File"/> (uploaded first) and <see cref="Url"/>.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.MaterialDraft")]
public sealed record MaterialDraft(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Title,
    [property: Id(3)] DateOnly LessonDate,
    [property: Id(4)] ChatAttachment? File,
    [property: Id(5)] string? Url);

/// <summary>A class's library as one member sees it: the subjects (for the filter), the items, and whether they may publish.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.MaterialLibrary")]
public sealed record MaterialLibrary(
    [property: Id(0)] string ClassName,
    [property: Id(1)] IReadOnlyList<string> Subjects,
    [property: Id(2)] IReadOnlyList<ClassMaterial> Items,
    [property: Id(3)] bool CanPublish);
