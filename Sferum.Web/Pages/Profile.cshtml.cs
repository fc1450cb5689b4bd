using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Digest;
using Sferum.Identity;
using Sferum.Sessions;
using Sferum.Web.Identity;
using Sferum.Web.Invitations;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages;

/// <summary>The user's own page: what the provider vouched for, and the one-time-code app for sensitive actions.</summary>
public sealed class ProfileModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public UserProfile? Profile { get; private set; }

    /// <summary>The person's school's clock: sessions and the digest read on it.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    /// <summary>Set right after "connect an app": the QR code and the secret to type in by hand.</summary>
    public string? EnrolmentQr { get; private set; }

    public string? EnrolmentSecret { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    /// <summary>The e-mail digest as the person's grain reports it (README: E-mail digest).</summary>
    public DigestSettings? Digest { get; private set; }

    public Guid CurrentSessionId => Guid.TryParse(User.FindFirst(SferumClaims.SessionId)?.Value, out var id) ? id : Guid.Empty;

    public async Task<IActionResult> OnPostEndSessionAsync(Guid sessionId)
    {
        await cluster.GetGrain<IUserSessionsGrain>(User.GetUserId()).EndAsync(sessionId, "ended-by-user");
        Notice = localizer["Profile.SessionEnded"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOtherSessionsAsync()
    {
        var ended = await cluster.GetGrain<IUserSessionsGrain>(User.GetUserId()).EndOthersAsync(CurrentSessionId);
        Notice = localizer["Profile.OthersEnded", ended];
        return RedirectToPage();
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostBeginSecondFactorAsync()
    {
        var uri = await Me().BeginSecondFactorAsync();
        EnrolmentQr = InvitationText.QrDataUri(uri);
        EnrolmentSecret = System.Web.HttpUtility.ParseQueryString(new Uri(uri).Query)["secret"];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmSecondFactorAsync(string? code)
    {
        try
        {
            await Me().ConfirmSecondFactorAsync(code ?? "");
            Notice = localizer["Profile.AppConnectedNotice"];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    /// <summary>Turns the e-mail digest on or off and sets how often (<paramref name="every"/> 0: daily at <paramref name="hour"/>).</summary>
    public async Task<IActionResult> OnPostDigestAsync(bool enabled, int every, int hour)
    {
        try
        {
            var saved = await cluster.GetGrain<IPersonDigestGrain>(User.GetUserId()).SetSettingsAsync(User.GetUserId(), new DigestChoice(enabled, every, hour));
            Notice = saved.Enabled ? "Сводка на почту включена." : "Сводка на почту выключена.";
            return RedirectToPage(null, null, "digest");
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    private IUserGrain Me() => cluster.GetGrain<IUserGrain>(User.GetUserId());

    private async Task LoadAsync()
    {
        Profile = await Me().GetProfileAsync();
        Clock = await SchoolClocks.ForPersonAsync(cluster, User.GetUserId());
        Sessions = await cluster.GetGrain<IUserSessionsGrain>(User.GetUserId()).ListAsync();
        Digest = await cluster.GetGrain<IPersonDigestGrain>(User.GetUserId()).GetSettingsAsync(User.GetUserId());
    }

    /// <summary>The resource key naming an account's trust level.</summary>
    public static string TrustKey(TrustLevel trust) => trust switch
    {
        TrustLevel.Confirmed => "Profile.TrustConfirmed",
        TrustLevel.Standard => "Profile.TrustStandard",
        _ => "Profile.TrustSimplified",
    };
}
