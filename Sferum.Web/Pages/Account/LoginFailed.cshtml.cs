using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Account;

/// <summary>Explains a refused sign-in. Only known codes are worded; the URL cannot inject text.</summary>
public sealed class LoginFailedModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Message { get; private set; } = "";

    public void OnGet(string? reason) => Message = reason switch
    {
        "identity.subject-missing" => localizer["LoginFailed.SubjectMissing"],
        "identity.name-missing" => localizer["LoginFailed.NameMissing"],
        "identity.snils-invalid" => localizer["LoginFailed.SnilsInvalid"],
        "identity.disabled" => localizer["LoginFailed.Disabled"],
        _ => localizer["LoginFailed.Other"],
    };
}
