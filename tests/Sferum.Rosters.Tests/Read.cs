using System.Text;
using Sferum.Rosters.Reading;
using Sferum.Testing;

namespace Sferum.Rosters.Tests;

/// <summary>Shorthands: read sample folders or small files written in the test.</summary>
public static class Read
{
    public static RosterReadResult Sample(string relative, RosterReaderOptions? options = null) =>
        RosterReader.Read(SharedSamples.Files(relative).Select(f => new RosterUpload(f.Name, f.Content)).ToList(), options ?? new RosterReaderOptions());

    public static RosterReadResult Files(params (string Name, string Text)[] files) =>
        RosterReader.Read(files.Select(f => new RosterUpload(f.Name, Encoding.UTF8.GetBytes(f.Text))).ToList(), new RosterReaderOptions());

    public static RosterReadResult Bytes(params (string Name, byte[] Content)[] files) =>
        RosterReader.Read(files.Select(f => new RosterUpload(f.Name, f.Content)).ToList(), new RosterReaderOptions());

    public static string Text(string relative, string file) =>
        Encoding.UTF8.GetString(SharedSamples.Files(relative).Single(f => f.Name == file).Content).TrimStart('\uFEFF');
}
