namespace Sferum.PersonalData;

/// <summary>
/// The periodic personal-data job (one grain, key 0, on a reminder): erases leavers whose grace period passed and purges
/// acts of destruction past their keeping period. Idempotent: a run that finds nothing to do changes nothing.
/// </summary>
[Alias("Sferum.IPersonalDataJobsGrain")]
public interface IPersonalDataJobsGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder (the silo calls it at start; calling it again changes nothing).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One run now; the reminder calls the same.</summary>
    [Alias("Run")]
    Task<PersonalDataJobReport> RunAsync();
}

[GenerateSerializer, Immutable, Alias("Sferum.PersonalDataJobReport")]
public sealed record PersonalDataJobReport(
    [property: Id(0)] int LeaversErased,
    [property: Id(1)] int ActsPurged,
    [property: Id(2)] IReadOnlyList<string> Failures);
