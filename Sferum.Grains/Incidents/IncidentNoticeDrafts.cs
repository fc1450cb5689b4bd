using System.Text;

namespace Sferum.Incidents;

/// <summary>
/// Pre-filled drafts of the two notices to Roskomnadzor (152-FZ art. 21 part 3.1) from what the incident records;
/// what is not known yet is left as a bracketed prompt, so a draft never claims a fact nobody entered.
/// </summary>
public static class IncidentNoticeDrafts
{
    public static string First(IncidentRecord r, string schoolName, string schoolRegion, IncidentClock clock, IncidentOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine("Уведомление о факте неправомерной или случайной передачи (предоставления, распространения, доступа) персональных данных, повлёкшей нарушение прав субъектов персональных данных");
        text.AppendLine();
        text.AppendLine($"Оператор: {schoolName}, {schoolRegion}");
        text.AppendLine($"Дата и время выявления инцидента: {clock.Format(r.DetectedAt)}");
        text.AppendLine($"1. Что произошло: {r.Description}");
        text.AppendLine($"2. Чьи персональные данные затронуты: {r.DataSubjects}; количество субъектов: {Count(r)}");
        text.AppendLine($"3. Предполагаемые причины, повлёкшие нарушение прав субъектов: {Or(r.Causes, "[устанавливаются — укажите, что известно]")}");
        text.AppendLine($"4. Предполагаемый вред, причинённый правам субъектов: {Or(r.Harm, "[оценивается — укажите, что известно]")}");
        text.AppendLine($"5. Что сделано для устранения последствий: {Or(r.Measures, "[укажите принятые меры]")}");
        text.AppendLine($"6. Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором: {Or(r.Contact, "[фамилия, имя, отчество, должность, телефон, электронная почта]")}");
        text.AppendLine();
        text.Append($"Направляется в течение {options.FirstNoticeHours} часов с момента выявления инцидента (ч. 3.1 ст. 21 Федерального закона № 152-ФЗ), срок — {clock.Format(r.FirstNoticeDue)}.");
        return text.ToString();
    }

    public static string Results(IncidentRecord r, string schoolName, string schoolRegion, IncidentClock clock, IncidentOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine("Уведомление о результатах внутреннего расследования выявленного инцидента с персональными данными");
        text.AppendLine();
        text.AppendLine($"Оператор: {schoolName}, {schoolRegion}");
        text.AppendLine($"Дата и время выявления инцидента: {clock.Format(r.DetectedAt)}");
        text.AppendLine($"Первое уведомление направлено: {(r.FirstNoticeSentAt is { } sent ? clock.Format(sent) : "[не направлено]")}");
        text.AppendLine($"1. Что произошло: {r.Description}");
        text.AppendLine($"2. Чьи персональные данные затронуты: {r.DataSubjects}; количество субъектов: {Count(r)}");
        text.AppendLine($"3. Результаты внутреннего расследования: {Or(r.Findings, "[изложите результаты расследования]")}");
        text.AppendLine("4. Лица, действия которых стали причиной инцидента (при наличии): [укажите, если установлены]");
        text.AppendLine($"5. Что сделано: {Or(r.Measures, "[укажите принятые меры]")}");
        text.AppendLine($"6. Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором: {Or(r.Contact, "[фамилия, имя, отчество, должность, телефон, электронная почта]")}");
        text.AppendLine();
        text.Append($"Направляется в течение {options.ResultsHours} часов с момента выявления инцидента (ч. 3.1 ст. 21 Федерального закона № 152-ФЗ), срок — {clock.Format(r.ResultsDue)}.");
        return text.ToString();
    }

    private static string Count(IncidentRecord r) => r.PeopleCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[уточняется]";

    private static string Or(string value, string prompt) => string.IsNullOrWhiteSpace(value) ? prompt : value;
}
