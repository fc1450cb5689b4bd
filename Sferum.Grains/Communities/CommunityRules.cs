using Sferum.Common;

namespace Sferum.Communities;

/// <summary>Who finds a community in the directory, and what its settings must be.</summary>
public static class CommunityRules
{
    public const int MaxDescription = 1000;

    /// <summary>
    /// Members always see their community; staff and admins see all; a student sees those open to their grade; a parent
    /// those open to parents.
    /// </summary>
    public static bool Sees(CommunityStore.Row row, bool staff, IReadOnlySet<int> studentGrades, bool parent) =>
        row.MeAdmin is not null || staff || row.OpenGrades.Any(studentGrades.Contains) || (parent && row.OpenToParents);

    public static CommunitySettings Normalize(CommunitySettings settings)
    {
        var title = settings.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            throw new DomainException("chat.title-invalid", "Название: от 1 до 100 символов.");
        }

        var description = settings.Description?.Trim() ?? "";
        if (description.Length > MaxDescription)
        {
            throw new DomainException("community.description-too-long", "Описание — не длиннее {0} символов.", MaxDescription);
        }

        var grades = (settings.OpenGrades ?? []).Distinct().Order().ToList();
        if (grades.Any(g => g is < 1 or > 11))
        {
            throw new DomainException("community.grades-invalid", "Классы (параллели) — от 1 до 11.");
        }

        return new CommunitySettings(title, description, grades, settings.OpenToParents);
    }

    public static CommunityStanding StandingOf(CommunityStore.Row row) => row switch
    {
        { MeAdmin: true } => CommunityStanding.Admin,
        { MeAdmin: false } => CommunityStanding.Member,
        { MyRequestPending: true } => CommunityStanding.Requested,
        { MyRequestApproved: false } => CommunityStanding.Refused,
        _ => CommunityStanding.None,
    };
}
