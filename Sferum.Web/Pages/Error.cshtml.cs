using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sferum.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Что-то пошло не так";

    public string Explanation { get; private set; } = "Мы уже знаем об ошибке. Попробуйте ещё раз через минуту.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code == 404)
        {
            Title = "Страница не найдена";
            Explanation = "Такой страницы нет. Проверьте адрес.";
        }
        else if (code == 403)
        {
            Title = "Нет доступа";
            Explanation = "У вас нет доступа к этой странице.";
        }
    }
}
