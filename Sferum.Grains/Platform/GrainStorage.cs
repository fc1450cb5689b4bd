namespace Sferum.Platform;

/// <summary>Names of the storage providers grains use; the silo registers them.</summary>
public static class GrainStorage
{
    public const string Default = "Default";
}
