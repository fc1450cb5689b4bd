namespace Sferum.Bench.Rosters;

public sealed record BenchOptions(int Students, string Format, string? ConnectionString)
{
    public static BenchOptions Parse(string[] args)
    {
        var students = 10_000;
        var format = "journal-utf8";
        string? connectionString = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--students": students = int.Parse(args[++i]); break;
                case "--format": format = args[++i]; break;
                case "--connection-string": connectionString = args[++i]; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}");
            }
        }

        return new BenchOptions(students, format, connectionString);
    }
}
