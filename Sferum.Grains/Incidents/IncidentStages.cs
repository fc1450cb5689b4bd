namespace Sferum.Incidents;

/// <summary>
/// When an incident's reminders fall due: at registration; before each deadline (by the configured hours) and when it
/// passes, while that notice is not marked sent. Nothing once the incident is resolved.
/// </summary>
public static class IncidentStages
{
    public const string Registered = "registered";

    public static IReadOnlyList<IncidentStage> For(IncidentRecord r, string schoolName, IncidentClock clock, IncidentOptions options)
    {
        if (r.Resolved)
        {
            return [];
        }

        var lead = TimeSpan.FromHours(options.RemindHoursBefore);
        var (first, results) = (clock.Format(r.FirstNoticeDue), clock.Format(r.ResultsDue));
        var stages = new List<IncidentStage>
        {
            new(Registered, r.RegisteredAt, r.Source == IncidentSources.Manual
                ? $"Инцидент с персональными данными ({schoolName}): первое уведомление в Роскомнадзор — до {first}, результаты расследования — до {results}."
                : $"Автоматический сигнал ({schoolName}): {IncidentSources.Describe(r.Source)}. Проверьте; если это инцидент — первое уведомление в Роскомнадзор до {first}."),
        };
        if (r.FirstNoticeSentAt is null)
        {
            stages.Add(new("first-soon", r.FirstNoticeDue - lead, $"Осталось меньше {options.RemindHoursBefore} ч: первое уведомление в Роскомнадзор об инциденте ({schoolName}) — до {first}."));
            stages.Add(new("first-overdue", r.FirstNoticeDue, $"Просрочено: первое уведомление в Роскомнадзор об инциденте ({schoolName}) нужно было направить до {first}."));
        }

        if (r.ResultsSentAt is null)
        {
            stages.Add(new("results-soon", r.ResultsDue - lead, $"Осталось меньше {options.RemindHoursBefore} ч: результаты расследования инцидента ({schoolName}) — в Роскомнадзор до {results}."));
            stages.Add(new("results-overdue", r.ResultsDue, $"Просрочено: результаты расследования инцидента ({schoolName}) нужно было направить в Роскомнадзор до {results}."));
        }

        return stages;
    }
}
