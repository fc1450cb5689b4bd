namespace Sferum.Local;

/// <summary>Finds the repository and the built services in it (bin/&lt;Configuration&gt;/net10.0).</summary>
public sealed class SolutionLayout
{
    private SolutionLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    public string Configuration { get; }

    /// <summary>Walks up from this assembly's folder to the folder holding Sferum.sln; uses the same build configuration.</summary>
    public static SolutionLayout Locate()
    {
        var start = AppContext.BaseDirectory;
        var configuration = start.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sferum.sln")))
            {
                return new SolutionLayout(dir.FullName, configuration);
            }
        }

        throw new InvalidOperationException($"Sferum.sln was not found above {start}.");
    }

    public string ProjectDirectory(string project) => Path.Combine(Root, project);

    public string BuiltDll(string project) =>
        Path.Combine(Root, project, "bin", Configuration, "net10.0", project + ".dll");
}
