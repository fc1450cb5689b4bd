namespace Sferum.Web.Tests.Support;

/// <summary>Creates a school through the portal as the demo operator and appoints a demo user as its admin.</summary>
public static class SchoolSetup
{
    public static async Task<Guid> CreateSchoolAsync(WebTestEnvironment env, string adminLogin, string timeZone = "Europe/Moscow")
    {
        var op = env.User("admin");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(op.Login, op.Password);
        var created = await browser.SubmitAsync("/Admin", "create-school", new()
        {
            ["NewSchool.Name"] = $"Гимназия {Guid.NewGuid():N}"[..18],
            ["NewSchool.Region"] = "Тверская область",
            ["NewSchool.TimeZone"] = timeZone,
        });
        var schoolUrl = created.RequestMessage!.RequestUri!;
        Assert.StartsWith("/Schools/", schoolUrl.AbsolutePath);
        var schoolId = Guid.Parse(schoolUrl.AbsolutePath["/Schools/".Length..]);

        var admin = env.User(adminLogin);
        var appointed = await browser.SubmitAsync(schoolUrl.AbsolutePath, "Admin.Snils", new()
        {
            ["Admin.Snils"] = admin.Snils!,
            ["Admin.LastName"] = admin.LastName,
            ["Admin.FirstName"] = admin.FirstName,
        });
        Assert.Contains(admin.LastName, await appointed.Content.ReadAsStringAsync());
        return schoolId;
    }
}
