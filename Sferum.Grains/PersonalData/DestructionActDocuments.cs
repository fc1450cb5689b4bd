using System.Globalization;

namespace Sferum.PersonalData;

/// <summary>
/// The two documents Roskomnadzor order No. 179 asks for when personal data processed with automation is destroyed:
/// the act of destruction (operator, processor, subject, who destroyed it and their position, categories, information
/// system, method, reason, date) and the extract from the event log with the same facts and the log's own entries.
/// </summary>
public static class DestructionActDocuments
{
    public const string InformationSystem = "«Сферум» — информационная система общения участников образовательного процесса";

    private const string Method =
        "удаление из базы данных и файлового хранилища информационной системы без возможности восстановления; "
        + "в сохраняемых сообщениях, материалах и журнале действий имя заменено словами «" + FormerMember.Name + "»";

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static byte[] Act(DestructionAct act, DateTimeOffset completedAt, TimeZoneInfo zone)
    {
        using var pdf = new PdfText($"Акт об уничтожении персональных данных № {act.Number}");
        pdf.Title($"АКТ № {act.Number}\nоб уничтожении персональных данных");
        pdf.Paragraph($"Дата уничтожения: {Date(completedAt, zone)}");
        CommonFacts(pdf, act);
        pdf.Field("Способ уничтожения", Method);
        pdf.Field("Уничтожение произвёл(а)", $"{act.PerformerName}, {act.PerformerPosition}");
        pdf.Paragraph("Подпись: ______________________");
        pdf.Paragraph($"Акт сформирован информационной системой {Date(completedAt, zone)} и хранится три года с даты уничтожения.");
        return pdf.ToBytes();
    }

    public static byte[] Extract(DestructionAct act, DateTimeOffset completedAt, TimeZoneInfo zone, IReadOnlyList<AuditExtractEntry> entries)
    {
        using var pdf = new PdfText($"Выгрузка из журнала регистрации событий, акт № {act.Number}");
        pdf.Title($"ВЫГРУЗКА ИЗ ЖУРНАЛА\nрегистрации событий в информационной системе персональных данных\n(к акту № {act.Number})");
        pdf.Paragraph($"Дата уничтожения: {Date(completedAt, zone)}");
        CommonFacts(pdf, act);
        pdf.Field("Уничтожение произвёл(а)", $"{act.PerformerName}, {act.PerformerPosition}");
        pdf.Field("События журнала", entries.Count == 0 ? "—" : $"{entries.Count} (каждое с хешем звена цепочки журнала)");
        foreach (var entry in entries)
        {
            pdf.Paragraph($"№ {entry.Seq} · {Date(entry.At, zone)} · {entry.Action}\n{entry.Summary}\nхеш: {entry.Hash}");
        }

        return pdf.ToBytes();
    }

    private static void CommonFacts(PdfText pdf, DestructionAct act)
    {
        pdf.Field("Оператор персональных данных", $"{act.OperatorName}, адрес: {act.OperatorAddress}");
        pdf.Field("Лицо, обрабатывающее персональные данные по поручению оператора", string.IsNullOrWhiteSpace(act.Processor) ? "не поручалась" : act.Processor);
        pdf.Field("Субъект персональных данных", $"{act.PersonName} ({act.PersonRole})");
        pdf.Field("Категории уничтоженных персональных данных", string.Join("; ", act.Categories));
        pdf.Field("Информационная система", InformationSystem);
        pdf.Field("Причина уничтожения", $"{ErasureReasons.Describe(act.Reason)}. {act.ReasonText}".Trim());
    }

    private static string Date(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", Russian);
}
