using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Schools.PersonalData;

/// <summary>
/// The school's personal data page for its admins: the operator's details and the destruction policy that every act
/// uses, and the acts of destruction with their log extracts as PDF (kept three years, then purged).
/// </summary>
public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public IReadOnlyList<DestructionActSummary> Acts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    private IPersonalDataGrain Desk => cluster.GetGrain<IPersonalDataGrain>(SchoolId);

    public async Task OnGetAsync()
    {
        var s = await Desk.GetSettingsAsync(User.GetUserId());
        Settings = new SettingsInput
        {
            OperatorName = s.OperatorName, OperatorAddress = s.OperatorAddress, Processor = s.Processor, ResponsibleName = s.ResponsibleName,
            ResponsiblePosition = s.ResponsiblePosition, DeleteMessages = s.DeleteMessages, DeleteRecordings = s.DeleteRecordings,
        };
        Acts = await Desk.ListActsAsync(User.GetUserId());
    }

    public async Task<IActionResult> OnPostSettingsAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                await Desk.SetSettingsAsync(User.GetUserId(), new PersonalDataSettings(Settings.OperatorName!, Settings.OperatorAddress!, Settings.Processor,
                    Settings.ResponsibleName!, Settings.ResponsiblePosition!, Settings.DeleteMessages, Settings.DeleteRecordings));
                Notice = "Настройки сохранены.";
                return RedirectToPage(new { SchoolId });
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        Acts = await Desk.ListActsAsync(User.GetUserId());
        return Page();
    }

    /// <summary>The act (or its log extract) as the PDF issued when the data was destroyed.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid actId, bool extract)
    {
        var pdf = await Desk.GetActPdfAsync(User.GetUserId(), actId, extract);
        return File(pdf, "application/pdf", extract ? $"vypiska-iz-zhurnala-{actId:N}.pdf" : $"akt-ob-unichtozhenii-{actId:N}.pdf");
    }

    public static string Reason(ErasureReason reason) => reason switch
    {
        ErasureReason.LeftRoster => "выбыл, истёк срок",
        ErasureReason.ConsentWithdrawn => "отзыв согласия",
        ErasureReason.UnlawfulProcessing => "неправомерная обработка",
        _ => "решение администратора",
    };

    public sealed class SettingsInput
    {
        [Display(Name = "Наименование оператора"), Required(ErrorMessage = "Укажите наименование оператора (школы)."), StringLength(300, MinimumLength = 3,
            ErrorMessage = "Наименование оператора: от 3 до 300 символов.")]
        public string? OperatorName { get; set; }

        [Display(Name = "Адрес оператора"), Required(ErrorMessage = "Укажите адрес оператора."), StringLength(500, MinimumLength = 5,
            ErrorMessage = "Адрес оператора: от 5 до 500 символов.")]
        public string? OperatorAddress { get; set; }

        [Display(Name = "Обработчик по поручению оператора"), StringLength(500, ErrorMessage = "Обработчик: до 500 символов.")]
        public string? Processor { get; set; }

        [Display(Name = "Ответственный за уничтожение"), Required(ErrorMessage = "Укажите ответственного (его называют акты автоматических уничтожений)."),
         StringLength(200, MinimumLength = 3, ErrorMessage = "Ответственный: от 3 до 200 символов.")]
        public string? ResponsibleName { get; set; }

        [Display(Name = "Должность ответственного"), Required(ErrorMessage = "Укажите должность ответственного."), StringLength(200, MinimumLength = 2,
            ErrorMessage = "Должность ответственного: от 2 до 200 символов.")]
        public string? ResponsiblePosition { get; set; }

        public bool DeleteMessages { get; set; }

        public bool DeleteRecordings { get; set; }
    }
}
