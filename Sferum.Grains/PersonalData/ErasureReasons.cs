namespace Sferum.PersonalData;

/// <summary>The reasons' codes in the acts table and their words in the act.</summary>
public static class ErasureReasons
{
    public static string Code(ErasureReason reason) => reason switch
    {
        ErasureReason.LeftRoster => "left-roster",
        ErasureReason.ConsentWithdrawn => "consent-withdrawn",
        ErasureReason.UnlawfulProcessing => "unlawful-processing",
        _ => "admin-order",
    };

    public static ErasureReason Parse(string code) => code switch
    {
        "left-roster" => ErasureReason.LeftRoster,
        "consent-withdrawn" => ErasureReason.ConsentWithdrawn,
        "unlawful-processing" => ErasureReason.UnlawfulProcessing,
        _ => ErasureReason.AdminOrder,
    };

    public static string Describe(ErasureReason reason) => reason switch
    {
        ErasureReason.LeftRoster => "субъект выбыл из списков образовательной организации, истёк срок хранения после выбытия",
        ErasureReason.ConsentWithdrawn => "отзыв субъектом (его законным представителем) согласия на обработку персональных данных",
        ErasureReason.UnlawfulProcessing => "выявлена неправомерная обработка персональных данных",
        _ => "решение администратора образовательной организации (требование субъекта или его законного представителя)",
    };
}
