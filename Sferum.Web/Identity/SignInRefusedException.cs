namespace Sferum.Web.Identity;

/// <summary>Sferum refused a sign-in the provider accepted; <see cref="Code"/> says why (see the LoginFailed page).</summary>
internal sealed class SignInRefusedException(string code) : Exception($"Sign-in refused: {code}")
{
    public const string Unavailable = "unavailable";

    public string Code { get; } = code;
}
