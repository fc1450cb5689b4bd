namespace Sferum.DevIdentity.Hosting;

/// <summary>The provider's configuration or users file is wrong; the message names the key, file and row.</summary>
public sealed class DevIdentityConfigurationException(string message) : Exception(message);
