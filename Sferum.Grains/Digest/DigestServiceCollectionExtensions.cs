using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sferum.Digest;

public static class DigestServiceCollectionExtensions
{
    public static IServiceCollection AddSferumDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.AddSingleton<DigestStore>();
        services.AddSingleton<DigestMailer>();
        return services;
    }

    /// <summary>
    /// The keys a silo needs when digests are on (<c>Sferum:Digest:Enabled</c>) that are missing or unusable; none when
    /// they are off.
    /// </summary>
    public static IReadOnlyList<string> MissingKeys(IConfiguration configuration)
    {
        var options = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        if (!options.Enabled)
        {
            return [];
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            missing.Add($"{DigestOptions.Section}:Smtp:Host");
        }

        if (string.IsNullOrWhiteSpace(options.Smtp.From) || !options.Smtp.From.Contains('@'))
        {
            missing.Add($"{DigestOptions.Section}:Smtp:From");
        }

        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            missing.Add($"{DigestOptions.Section}:PublicUrl");
        }

        if (!string.IsNullOrEmpty(options.Smtp.User) && options.Smtp.Password is null)
        {
            missing.Add($"{DigestOptions.Section}:Smtp:Password");
        }

        return missing;
    }
}
