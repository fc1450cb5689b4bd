namespace Sferum.Schools;

/// <summary>
/// The ids of all schools. A district has hundreds to a few thousand schools, so this stays small;
/// details are read from each school grain.
/// </summary>
[GenerateSerializer, Alias("Sferum.SchoolDirectoryState")]
public sealed class SchoolDirectoryState
{
    [Id(0)] public List<Guid> SchoolIds { get; set; } = [];
}
