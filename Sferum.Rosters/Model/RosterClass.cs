namespace Sferum.Rosters.Model;

/// <summary>A class of the school in the export's academic year, its name normalised by <see cref="Sferum.Classes.ClassName"/>.</summary>
public sealed record RosterClass(string Name, int Grade);
