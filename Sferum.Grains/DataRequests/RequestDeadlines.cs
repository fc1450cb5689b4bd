namespace Sferum.DataRequests;

/// <summary>The due dates of a request from the day its letter arrived: the configured periods on the working-day calendar.</summary>
public sealed class RequestDeadlines(WorkingCalendar calendar, RequestDeadlineOptions options)
{
    /// <summary>The due date, and for unlawful processing the date by which the data must be destroyed.</summary>
    public (DateOnly Due, DateOnly? DestroyDue) For(DataRequestKind kind, DateOnly receivedOn) => kind switch
    {
        DataRequestKind.Access => (calendar.AddWorkingDays(receivedOn, options.AccessWorkingDays), null),
        DataRequestKind.Correction => (calendar.AddWorkingDays(receivedOn, options.CorrectionWorkingDays), null),
        DataRequestKind.UnlawfulProcessing => (calendar.AddWorkingDays(receivedOn, options.UnlawfulStopWorkingDays),
            calendar.AddWorkingDays(receivedOn, options.UnlawfulDestroyWorkingDays)),
        DataRequestKind.ConsentWithdrawal => (receivedOn.AddDays(options.WithdrawalDays), null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>An access answer's due date after its one extension.</summary>
    public DateOnly Extend(DateOnly due) => calendar.AddWorkingDays(due, options.AccessExtensionWorkingDays);

    public int ExtensionWorkingDays => options.AccessExtensionWorkingDays;
}
