using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Consents;
using Sferum.PersonalData;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Schools;

/// <summary>
/// The school's consent register for its admins: who consented, for whom, to what, which text version, when accepted
/// and withdrawn, and the destruction a withdrawal scheduled; filtered and paged. Every read is in the audit log (the
/// grain writes it). The operator the consents name is shown with the way to the page where it is changed.
/// </summary>
public sealed class ConsentsModel(IClusterClient cluster) : PageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery]
    public string? Purpose { get; set; }

    /// <summary>"in-force", "withdrawn" or empty (both).</summary>
    [FromQuery]
    public string? State { get; set; }

    [FromQuery]
    public string? Name { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ConsentRegisterPage Register { get; private set; } = new([], 0, "Europe/Moscow");

    public OperatorDetails? Operator { get; private set; }

    public int Pages => Math.Max(1, (Register.Total + PageSize - 1) / PageSize);

    /// <summary>The purposes to filter by: code and the resource key of the title.</summary>
    public static IReadOnlyList<(string Code, string Key)> Purposes { get; } =
    [
        (ConsentPurposes.ContactPhone, "Register.PurposePhone"),
        (ConsentPurposes.ProfilePhoto, "Register.PurposePhoto"),
    ];

    public async Task OnGetAsync() => await LoadAsync();

    public string PageLink(int page) =>
        $"?purpose={Uri.EscapeDataString(Purpose ?? "")}&state={Uri.EscapeDataString(State ?? "")}&name={Uri.EscapeDataString(Name ?? "")}&page={page}";

    private ISchoolConsentsGrain Grain() => cluster.GetGrain<ISchoolConsentsGrain>(SchoolId);

    private async Task LoadAsync()
    {
        // The register first: it is what refuses anyone but the school's admins.
        Register = await Grain().GetRegisterAsync(User.GetUserId(), new ConsentRegisterQuery(
            string.IsNullOrWhiteSpace(Purpose) ? null : Purpose,
            State switch { "in-force" => true, "withdrawn" => false, _ => null },
            Name,
            Math.Max(PageNumber, 1),
            PageSize));
        Operator = await cluster.GetGrain<ISchoolOperatorGrain>(SchoolId).GetAsync(User.GetUserId());
    }
}
