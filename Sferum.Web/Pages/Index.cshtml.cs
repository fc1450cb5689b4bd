using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sferum.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
