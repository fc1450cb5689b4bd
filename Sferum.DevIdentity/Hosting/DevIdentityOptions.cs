using Sferum.DevIdentity.Clients;

namespace Sferum.DevIdentity.Hosting;

/// <summary>Configuration section <c>DevIdentity</c>.</summary>
public sealed class DevIdentityOptions
{
    public const string Section = "DevIdentity";

    public List<DevClient> Clients { get; set; } = [];

    /// <summary>The users file; default <c>users.json</c> next to the binary.</summary>
    public string? UsersFile { get; set; }

    /// <summary>Where the signing and encryption keys are kept so that tokens and sessions survive restarts.</summary>
    public string? KeysFolder { get; set; }
}
