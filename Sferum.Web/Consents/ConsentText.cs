using Sferum.Common;
using Sferum.Consents;

namespace Sferum.Web.Consents;

/// <summary>How consent pages say things: times in the school's zone, the bases in words, what a withdrawal did.</summary>
public static class ConsentText
{
    public static string Time(DateTimeOffset at, string timeZone) => SchoolClock.For(timeZone).Format(at);

    public static string Date(DateTimeOffset at, string timeZone) => SchoolClock.Format(SchoolClock.For(timeZone).Date(at));

    public static string Basis(LegalBasis basis) => basis switch
    {
        LegalBasis.Roster => "списки школы",
        LegalBasis.SignIn => "вход через Госуслуги",
        LegalBasis.Invitation => "приглашение в класс",
        _ => "согласие",
    };

    /// <summary>What the withdrawal did, as the profile says it right after: processing stopped, then kept or destroyed by when.</summary>
    public static string Withdrawn(ConsentWithdrawal w) =>
        $"Согласие «{w.Title}» ({w.SubjectName}) отозвано {Time(w.WithdrawnAt, w.TimeZone)}: обработка по нему прекращена, данные больше никому не показываются. "
        + Fate(w.RemainingBasis, w.DestroyBy, w.DestroyedCategories, w.TimeZone);

    /// <summary>The fate of a withdrawn consent's data: the basis it stays under, or the date it is destroyed by.</summary>
    public static string Fate(string? remainingBasis, DateTimeOffset? destroyBy, IReadOnlyList<string> categories, string timeZone) =>
        (remainingBasis, destroyBy) switch
        {
            (_, { } by) => $"Данные{(categories.Count == 0 ? "" : $" ({string.Join(", ", categories)})")} будут уничтожены не позднее {Date(by, timeZone)}."
                + (remainingBasis is null ? "" : $" Остаётся другое основание: {remainingBasis}."),
            ({ } basis, null) => $"Уничтожать нечего: остаётся другое законное основание — {basis}.",
            _ => "",
        };
}
