using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sferum.Web.Pages.Account;

/// <summary>Explains a refused sign-in. Only known codes are worded; the URL cannot inject text.</summary>
public sealed class LoginFailedModel : PageModel
{
    public string Message { get; private set; } = "";

    public void OnGet(string? reason) => Message = reason switch
    {
        "identity.subject-missing" => "Поставщик учётных записей не передал идентификатор пользователя. Вход невозможен.",
        "identity.name-missing" => "Поставщик учётных записей не передал ФИО пользователя. Вход невозможен.",
        "identity.snils-invalid" => "Поставщик учётных записей передал неверный СНИЛС. Вход невозможен.",
        "identity.disabled" => "Учётная запись заблокирована администратором Сферума. Обратитесь в свою школу.",
        _ => "Не удалось войти. Попробуйте ещё раз через минуту; если не получается, обратитесь к администратору школы.",
    };
}
