namespace Sferum.Identity;

/// <summary>Finds a user by the SNILS their provider verified: for platform operators only. Stateless.</summary>
[Alias("Sferum.IUserLookupGrain")]
public interface IUserLookupGrain : IGrainWithIntegerKey
{
    [Alias("FindBySnils")]
    Task<Guid?> FindBySnilsAsync(Guid requesterUserId, string snils);
}
