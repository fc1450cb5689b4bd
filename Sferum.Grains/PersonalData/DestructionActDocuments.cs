using Sferum.Localization;

namespace Sferum.PersonalData;

/// <summary>
/// The two documents Roskomnadzor order No. 179 asks for when personal data processed with automation is destroyed:
/// the act of destruction (operator, processor, subject, who destroyed it and their position, categories, information
/// system, method, reason, date) and the extract from the event log with the same facts and the log's own entries.
/// </summary>
public static class DestructionActDocuments
{
    // Texts: GrainTexts.resx, Act.* — each part the order names is a text of its own.
    public static byte[] Act(DestructionAct act, DateTimeOffset completedAt, TimeZoneInfo zone)
    {
        using var pdf = new PdfText(GrainTexts.Format("Act.DocumentTitle", act.Number));
        pdf.Title(GrainTexts.Format("Act.Title", act.Number));
        pdf.Paragraph(GrainTexts.Format("Act.Date", Date(completedAt, zone)));
        CommonFacts(pdf, act);
        pdf.Field(GrainTexts.Get("Act.Method"), GrainTexts.Format("Act.MethodText", FormerMember.Name));
        pdf.Field(GrainTexts.Get("Act.Performer"), GrainTexts.Format("Act.PerformerText", act.PerformerName, act.PerformerPosition));
        pdf.Paragraph(GrainTexts.Get("Act.Signature"));
        pdf.Paragraph(GrainTexts.Format("Act.Made", Date(completedAt, zone)));
        return pdf.ToBytes();
    }

    public static byte[] Extract(DestructionAct act, DateTimeOffset completedAt, TimeZoneInfo zone, IReadOnlyList<AuditExtractEntry> entries)
    {
        using var pdf = new PdfText(GrainTexts.Format("Act.ExtractDocumentTitle", act.Number));
        pdf.Title(GrainTexts.Format("Act.ExtractTitle", act.Number));
        pdf.Paragraph(GrainTexts.Format("Act.Date", Date(completedAt, zone)));
        CommonFacts(pdf, act);
        pdf.Field(GrainTexts.Get("Act.Performer"), GrainTexts.Format("Act.PerformerText", act.PerformerName, act.PerformerPosition));
        pdf.Field(GrainTexts.Get("Act.Events"), entries.Count == 0 ? "—" : GrainTexts.Format("Act.EventsCount", entries.Count));
        foreach (var entry in entries)
        {
            pdf.Paragraph(GrainTexts.Format("Act.Event", entry.Seq, Date(entry.At, zone), entry.Action, entry.Summary, entry.Hash));
        }

        return pdf.ToBytes();
    }

    private static void CommonFacts(PdfText pdf, DestructionAct act)
    {
        pdf.Field(GrainTexts.Get("Act.Operator"), GrainTexts.Format("Act.OperatorText", act.OperatorName, act.OperatorAddress));
        pdf.Field(GrainTexts.Get("Act.Processor"), string.IsNullOrWhiteSpace(act.Processor) ? GrainTexts.Get("Act.NoProcessor") : act.Processor);
        pdf.Field(GrainTexts.Get("Act.Subject"), GrainTexts.Format("Act.SubjectText", act.PersonName, act.PersonRole));
        pdf.Field(GrainTexts.Get("Act.Categories"), string.Join("; ", act.Categories));
        pdf.Field(GrainTexts.Get("Act.System"), GrainTexts.Get("Act.SystemText"));
        pdf.Field(GrainTexts.Get("Act.Reason"), $"{ErasureReasons.Describe(act.Reason)}. {act.ReasonText}".Trim());
    }

    private static string Date(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", GrainTexts.Language);
}
