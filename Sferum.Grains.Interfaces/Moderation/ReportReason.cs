namespace Sferum.Moderation;

/// <summary>Why a member reports a message (shown to moderators in Russian, see <see cref="ReportReasons"/>).</summary>
[GenerateSerializer, Alias("Sferum.ReportReason")]
public enum ReportReason
{
    Insult = 0,
    Bullying = 1,
    Spam = 2,
    Inappropriate = 3,
    PersonalData = 4,
    Other = 5,
}

public static class ReportReasons
{
    public static string Describe(ReportReason reason) => reason switch
    {
        ReportReason.Insult => "Оскорбление",
        ReportReason.Bullying => "Травля",
        ReportReason.Spam => "Спам или реклама",
        ReportReason.Inappropriate => "Неподобающее содержание",
        ReportReason.PersonalData => "Чужие личные данные",
        _ => "Другое",
    };
}
