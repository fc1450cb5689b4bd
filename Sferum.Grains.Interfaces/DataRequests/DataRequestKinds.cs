namespace Sferum.DataRequests;

/// <summary>How the kinds of request read in the admin's queue.</summary>
public static class DataRequestKinds
{
    public static string Describe(DataRequestKind kind) => kind switch
    {
        DataRequestKind.Access => "Доступ к данным (что обрабатывается)",
        DataRequestKind.Correction => "Уточнение (исправление) данных",
        DataRequestKind.UnlawfulProcessing => "Неправомерная обработка",
        DataRequestKind.ConsentWithdrawal => "Отзыв согласия",
        _ => kind.ToString(),
    };
}
