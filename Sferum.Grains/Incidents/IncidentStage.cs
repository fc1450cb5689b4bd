namespace Sferum.Incidents;

/// <summary>A moment the responsible people are told something about an incident, and what they are told.</summary>
public sealed record IncidentStage(string Name, DateTimeOffset At, string Text);
