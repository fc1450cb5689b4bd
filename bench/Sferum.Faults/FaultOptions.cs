using System.Globalization;

namespace Sferum.Faults;

/// <summary>
/// The fault test's knobs: environment variables, each overridden by <c>--name value</c> (<c>--rounds 3</c>). The
/// defaults are the full run; CI passes a shorter one (README: Reliability).
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Class chats under load.</summary>
    public int Chats { get; set; } = 30;

    /// <summary>Students per chat, each a simulated person with their own connection.</summary>
    public int Members { get; set; } = 10;

    /// <summary>Messages written per second over all chats.</summary>
    public double Rate { get; set; } = 50;

    /// <summary>Rounds of the four faults (silo kill, web node kill, database stop, silo pause).</summary>
    public int Rounds { get; set; } = 3;

    /// <summary>Seconds of undisturbed load before the first fault and after each one.</summary>
    public double Settle { get; set; } = 20;

    /// <summary>Seconds a killed process stays down before it is started again.</summary>
    public double Down { get; set; } = 10;

    /// <summary>Seconds PostgreSQL stays stopped.</summary>
    public double DbOutage { get; set; } = 10;

    /// <summary>Seconds a silo stays paused: longer than the membership's probe timeout times its missed-probe limit.</summary>
    public double Pause { get; set; } = 15;

    /// <summary>Students the journal moves to another class in each round.</summary>
    public int Moves { get; set; } = 2;

    /// <summary>
    /// <c>single</c>: one private PostgreSQL (the fault test); <c>ha</c>: a pg_auto_failover monitor, primary and
    /// synchronous standby (the HA test).
    /// </summary>
    public string Database { get; set; } = FaultDatabase.Single;

    /// <summary>
    /// Which faults each round injects, in this order. Default: the four of the fault test, or with DATABASE=ha the
    /// HA test's db-failover and db-node-loss. db-stop needs the single server, the db-* HA faults need the pair.
    /// </summary>
    public List<string> Faults { get; set; } = [];

    /// <summary>
    /// The rolling upgrade's new release: a folder with a build of Sferum.Silo (dll, appsettings.json) the silos are
    /// replaced by one at a time (null: the solution's own build, i.e. a rolling restart).
    /// </summary>
    public string? NewBuild { get; set; }

    /// <summary>Where the report goes as JSON, with the history beside it (null: printed only).</summary>
    public string? Out { get; set; }

    public static FaultOptions Parse(string[] args)
    {
        var o = new FaultOptions();
        var values = Sferum.Bench.Knobs.Read(
            ["CHATS", "MEMBERS", "RATE", "ROUNDS", "SETTLE", "DOWN", "DB_OUTAGE", "PAUSE", "MOVES", "FAULTS", "DATABASE", "NEW_BUILD", "OUT"], args);
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "CHATS": o.Chats = Positive(name, value); break;
                case "MEMBERS": o.Members = Positive(name, value); break;
                case "RATE": o.Rate = Seconds(name, value); break;
                case "ROUNDS": o.Rounds = Positive(name, value); break;
                case "SETTLE": o.Settle = Seconds(name, value); break;
                case "DOWN": o.Down = Seconds(name, value); break;
                case "DBOUTAGE": o.DbOutage = Seconds(name, value); break;
                case "PAUSE": o.Pause = Seconds(name, value); break;
                case "MOVES": o.Moves = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "FAULTS": o.Faults = Kinds(value); break;
                case "DATABASE": o.Database = value is FaultDatabase.Single or FaultDatabase.Ha
                    ? value : throw new ArgumentException($"DATABASE is {FaultDatabase.Single} or {FaultDatabase.Ha}, got '{value}'."); break;
                case "NEWBUILD": o.NewBuild = File.Exists(Path.Combine(value, "Sferum.Silo.dll"))
                    ? Path.GetFullPath(value) : throw new ArgumentException($"NEW_BUILD must be a folder with Sferum.Silo.dll; '{value}' has none."); break;
                case "OUT": o.Out = value; break;
                default: throw new ArgumentException($"Unknown setting '{name}'.");
            }
        }

        if (o.Members < 2)
        {
            throw new ArgumentException("MEMBERS must be at least 2: a chat needs someone to read what is sent.");
        }

        var ha = o.Database == FaultDatabase.Ha;
        if (o.Faults.Count == 0)
        {
            o.Faults = ha ? [.. DatabaseFaults.Kinds] : [.. FaultRun.Kinds];
        }

        var misplaced = o.Faults.Where(f => ha ? f == "db-stop" : DatabaseFaults.Kinds.Contains(f)).ToList();
        if (misplaced.Count > 0)
        {
            throw new ArgumentException(ha
                ? "db-stop stops the single server; with DATABASE=ha use db-failover or db-node-loss."
                : $"{string.Join(", ", misplaced)} need the pg_auto_failover pair: set DATABASE=ha.");
        }

        return o;
    }

    private static List<string> Kinds(string value)
    {
        var kinds = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
        var unknown = kinds.Except(FaultRun.AllKinds).ToList();
        return kinds.Count > 0 && unknown.Count == 0
            ? kinds
            : throw new ArgumentException($"FAULTS lists {string.Join(", ", FaultRun.AllKinds)}; got '{value}'.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number, got '{value}'.");

    private static double Seconds(string name, string value) =>
        double.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number, got '{value}'.");
}
