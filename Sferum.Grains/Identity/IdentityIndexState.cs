namespace Sferum.Identity;

[GenerateSerializer, Alias("Sferum.IdentityIndexState")]
public sealed class IdentityIndexState
{
    [Id(0)] public Guid? UserId { get; set; }
}
