using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            404 => (localizer["Error.NotFound"].Value, localizer["Error.NotFoundExplanation"].Value),
            403 => (localizer["Error.Forbidden"].Value, localizer["Error.ForbiddenExplanation"].Value),
            _ => (localizer["Error.Failed"].Value, localizer["Error.FailedExplanation"].Value),
        };
    }
}
