namespace Sferum.Platform;

/// <summary>Platform-wide settings (configuration section <c>Sferum:Platform</c>).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Sferum:Platform";

    /// <summary>
    /// Platform operators, by SNILS or by the provider's subject. They create schools and appoint their first admins.
    /// Only a <c>confirmed</c> account is ever treated as an operator.
    /// </summary>
    public List<string> Operators { get; set; } = [];
}
