namespace Sferum.Silo.Hosting;

/// <summary>A required configuration key has no value; the message names the key.</summary>
public sealed class MissingConfigurationException(string key)
    : Exception($"Configuration key '{key}' is required (e.g. environment variable {key.Replace(":", "__")}).");
