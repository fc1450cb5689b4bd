namespace Sferum.PersonalData;

/// <summary>
/// Destroys one person's personal data (keys: <see cref="PersonKeys"/>) and proves it with an act of destruction and
/// an extract from the event log. Idempotent: a second order returns the first one's act. Resumable: every step is
/// recorded in grain state and a reminder finishes a procedure a dying silo left half-way.
/// </summary>
[Alias("Sferum.IPersonErasureGrain")]
public interface IPersonErasureGrain : IGrainWithStringKey
{
    /// <summary>
    /// A school admin orders the erasure (the admin page). Only an admin of a school the person belongs to; refused when
    /// the person is still in another school, is an admin of the school, or the order is incomplete.
    /// </summary>
    [Alias("Order")]
    Task<ErasureStatus> OrderAsync(Guid requesterUserId, AdminErasureOrder order);

    /// <summary>
    /// The entry point for the system's own triggers: the leaver job and a withdrawn consent's scheduled destruction
    /// (docs/personal-data-erasure.md says how to call it). Trusted host code only: it checks no requester.
    /// <paramref name="reasonText"/> is written into the act and must not name the person.
    /// </summary>
    [Alias("Erase")]
    Task<ErasureStatus> EraseAsync(ErasureReason reason, Guid schoolId, string reasonText);

    [Alias("GetStatus")]
    Task<ErasureStatus> GetStatusAsync();
}
