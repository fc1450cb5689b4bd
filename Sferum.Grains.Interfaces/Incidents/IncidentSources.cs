namespace Sferum.Incidents;

/// <summary>Who opened an incident: a person, or one of the automatic signals over the audit log.</summary>
public static class IncidentSources
{
    public const string Manual = "manual";
    public const string ProfileReads = "profile-reads";
    public const string Exports = "exports";
    public const string Refusals = "refusals";

    public static string Describe(string source) => source switch
    {
        Manual => "зарегистрирован вручную",
        ProfileReads => "сигнал: необычно много просмотров контактных данных",
        Exports => "сигнал: массовая или повторная выгрузка",
        Refusals => "сигнал: повторные попытки доступа к данным чужой школы",
        _ => source,
    };
}
