namespace Sferum.Rosters.Reading;

/// <summary>One uploaded file as the admin (or the journal's push) sent it; the format is detected, never asked for.</summary>
public sealed record RosterUpload(string FileName, byte[] Content);
