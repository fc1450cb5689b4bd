namespace Sferum.Incidents;

/// <summary>
/// What an incident opened by a signal says: what was seen, over which period, whose data. The account is named by
/// its id, not by a name (the incident outlives the person's erasure; the school's audit log shows who it is).
/// </summary>
public static class SignalTexts
{
    public static (string Description, string DataSubjects, int? People) For(SignalFinding f, SignalOptions o, IncidentClock clock)
    {
        var period = $"с {clock.Format(f.From)} по {clock.Format(f.To)}";
        var account = $"учётная запись {f.ActorUserId}";
        return f.Kind switch
        {
            IncidentSources.ProfileReads => (
                $"Автоматический сигнал: одна учётная запись сотрудника ({account}) просмотрела контактные данные (СНИЛС, телефон, электронная почта, дата рождения) — {f.Peak} просмотров за {o.ProfileReadsWindowMinutes} мин (порог {o.ProfileReadsThreshold}); всего {f.Entries} просмотров {period}. Подробности — в журнале действий школы («Просмотрены контактные данные человека»).",
                "люди, чьи контактные данные просмотрены", (int)Math.Min(f.People, int.MaxValue)),
            IncidentSources.Exports => (
                $"Автоматический сигнал: выгрузки журнала действий школы ({account}) — {f.Entries} выгрузок {period}, до {f.Peak} за {o.ExportsWindowMinutes} мин (порог {o.ExportsThreshold}), самая большая — {f.LargestExport} записей (порог массовой выгрузки {o.ExportedEntriesThreshold}).",
                "люди, упомянутые в выгруженных записях журнала действий", null),
            _ => (
                $"Автоматический сигнал: учётная запись, не относящаяся к школе ({account}), получила отказ в доступе к данным школы {f.Entries} раз {period}, до {f.Peak} за {o.RefusalsWindowMinutes} мин (порог {o.RefusalsThreshold}). Подробности — в журнале действий школы («отказы в доступе»).",
                "люди школы, к чьим данным пытались получить доступ", null),
        };
    }
}
