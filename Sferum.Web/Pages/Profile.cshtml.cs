using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Identity;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages;

public sealed class ProfileModel(IClusterClient cluster) : PageModel
{
    public UserProfile? Profile { get; private set; }

    public async Task OnGetAsync() =>
        Profile = await cluster.GetGrain<IUserGrain>(User.GetUserId()).GetProfileAsync();

    public static string DescribeTrust(TrustLevel trust) => trust switch
    {
        TrustLevel.Confirmed => "подтверждённая",
        TrustLevel.Standard => "стандартная",
        _ => "упрощённая",
    };
}
