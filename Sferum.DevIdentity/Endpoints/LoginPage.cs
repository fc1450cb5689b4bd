using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Sferum.DevIdentity.Hosting;
using Sferum.DevIdentity.Users;

namespace Sferum.DevIdentity.Endpoints;

/// <summary>The login form (the stand-in for ESIA's): login and password, antiforgery, local return URLs only.</summary>
public static class LoginPage
{
    public static void MapLoginPage(this WebApplication app)
    {
        app.MapGet("/Account/Login", (HttpContext http, IAntiforgery antiforgery, UserDirectory users, string? returnUrl) =>
            Render(http, antiforgery, users, returnUrl, login: null, failed: false));

        app.MapPost("/Account/Login", async (HttpContext http, IAntiforgery antiforgery, UserDirectory users) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest("Форма устарела: обновите страницу и войдите снова.");
            }

            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["ReturnUrl"].ToString();
            var user = users.CheckPassword(form["login"], form["password"]);
            if (user is null)
            {
                return Render(http, antiforgery, users, returnUrl, form["login"], failed: true);
            }

            var identity = new ClaimsIdentity([new Claim("sub", user.Subject), new Claim(ClaimTypes.Name, user.FullName)], DevIdentityHostingExtensions.CookieScheme);
            await http.SignInAsync(DevIdentityHostingExtensions.CookieScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).DisableAntiforgery();
    }

    // Only paths on this host: never an open redirect to somewhere else.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Render(HttpContext http, IAntiforgery antiforgery, UserDirectory users, string? returnUrl, string? login, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        var demo = string.Join("", users.Users.Select(u => $"<li><code>{e.Encode(u.Login)}</code> — {e.Encode(u.FullName)} ({e.Encode(u.Trust)})</li>"));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="ru">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Вход — Sferum DevIdentity</title>
            <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}label{display:grid;gap:.25rem;margin:.75rem 0}input{font-size:1rem;padding:.5rem}button{font-size:1rem;padding:.6rem 1.2rem}.error{color:#a11}</style>
            </head>
            <body>
            <h1>Вход</h1>
            <p>Учебный поставщик входа Sferum.DevIdentity — заменяет Госуслуги (ЕСИА) при разработке.</p>
            {{(failed ? "<p class=\"error\" role=\"alert\">Неверный логин или пароль</p>" : "")}}
            <form method="post" action="/Account/Login">
            <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}" />
            <input type="hidden" name="ReturnUrl" value="{{e.Encode(returnUrl ?? "")}}" />
            <label>Логин <input id="login" name="login" autocomplete="username" value="{{e.Encode(login ?? "")}}" /></label>
            <label>Пароль <input id="password" name="password" type="password" autocomplete="current-password" /></label>
            <button id="submit" type="submit">Войти</button>
            </form>
            <h2>Демо-пользователи</h2>
            <p>Пароль совпадает с логином.</p>
            <ul>{{demo}}</ul>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
