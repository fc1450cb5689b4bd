using System.Net;
using Npgsql;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The e-mail digest through the portal: the person's section on the profile page, the school's policy page, and the
/// letter's one-click unsubscribe that works without sign-in (the letters themselves: Sferum.Grains.Tests/Digest).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DigestPagesTests(WebTestEnvironment env)
{
    // Not pooled: an earlier test restarts the server, which leaves dead connections in the shared pool.
    private string Database => new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;

    [Fact]
    public async Task A_parent_turns_the_digest_on_in_her_profile_and_the_letters_one_click_link_turns_it_off_without_sign_in()
    {
        using var parent = await env.SignedInAsync("parent");
        var saved = await parent.SubmitAsync("/Profile", "id=\"digest-form\"", new() { ["enabled"] = "true", ["every"] = "0", ["hour"] = "19" });
        var page = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Сводка на почту включена.", page);
        Assert.Contains("письма приходят на parent@sferum.example", page);
        Assert.Contains("id=\"digest-not-configured\"", page); // this stack's silo has no SMTP server configured
        var userId = await Sql.ScalarAsync<Guid>(Database, "SELECT user_id FROM digest_settings WHERE enabled AND send_hour = 19 AND every_hours = 0");
        var token = await Sql.ScalarAsync<string>(Database, "SELECT unsubscribe_token FROM digest_settings WHERE user_id = @u", ("u", userId));

        using var anonymous = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };
        // A forged token: the confirmation page says the link is not valid and a one-click POST changes nothing.
        var forged = Uri.EscapeDataString(token[..^3] + "abc");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Digest/Unsubscribe?token={forged}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync(anonymous, forged)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OneClickAsync(anonymous, "")).StatusCode);
        Assert.True(await Sql.ScalarAsync<bool>(Database, "SELECT enabled FROM digest_settings WHERE user_id = @u", ("u", userId)));

        // The letter's link: GET asks to confirm and changes nothing; the mail program's RFC 8058 POST turns it off.
        var confirm = await anonymous.GetAsync($"/Digest/Unsubscribe?token={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("id=\"unsubscribe\"", await confirm.Content.ReadAsStringAsync());
        Assert.True(await Sql.ScalarAsync<bool>(Database, "SELECT enabled FROM digest_settings WHERE user_id = @u", ("u", userId)));
        var done = await OneClickAsync(anonymous, Uri.EscapeDataString(token));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"unsubscribed\"", await done.Content.ReadAsStringAsync());
        Assert.False(await Sql.ScalarAsync<bool>(Database, "SELECT enabled FROM digest_settings WHERE user_id = @u", ("u", userId)));
        Assert.Contains("Сводка выключена.", await (await parent.GetAsync("/Profile")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pupil_without_a_verified_address_is_told_so_and_cannot_turn_it_on()
    {
        using var student = await env.SignedInAsync("student"); // the provider did not verify her e-mail
        Assert.Contains("id=\"digest-no-address\"", await (await student.GetAsync("/Profile")).Content.ReadAsStringAsync());
        using var teacher = await env.SignedInAsync("teacher");
        var profile = await teacher.GetAsync("/Profile");
        Assert.Contains("id=\"digest-form\"", await profile.Content.ReadAsStringAsync());
        var bad = await teacher.SubmitAsync("/Profile", "id=\"digest-form\"", new() { ["enabled"] = "true", ["every"] = "0", ["hour"] = "30" });
        Assert.Contains("выберите час от 0 до 23", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_schools_admin_sets_the_parents_default_and_the_text_policy()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = await QuietHours.DemoSchoolAsync(admin);
        Assert.Contains($"/Schools/{school}/Digest", await (await admin.GetAsync($"/Schools/{school}")).Content.ReadAsStringAsync());
        try
        {
            var saved = await admin.SubmitAsync($"/Schools/{school}/Digest", "id=\"digest-policy\"",
                new() { ["ParentsOn"] = "true", ["ParentsHour"] = "8", ["IncludeText"] = "true" });
            Assert.Contains("Настройки сводки сохранены.", await saved.Content.ReadAsStringAsync());
            Assert.Equal(1, await Sql.CountAsync(Database,
                "SELECT count(*) FROM digest_school_policies WHERE school_id = @s AND parents_on AND parents_hour = 8 AND include_text", ("s", school)));

            // The demo mother chose nothing: the school's default is hers now, and her profile says whose choice it is.
            using var parent = await env.SignedInAsync("parent");
            await Sql.ExecuteAsync(Database, "DELETE FROM digest_settings WHERE user_id IN (SELECT user_id FROM roster_people WHERE school_id = @s AND role = 1 AND user_id IS NOT NULL)", ("s", school));
            Assert.Contains("Сводка включена школой для родителей", await (await parent.GetAsync("/Profile")).Content.ReadAsStringAsync());
        }
        finally
        {
            await admin.SubmitAsync($"/Schools/{school}/Digest", "id=\"digest-policy\"", new() { ["ParentsHour"] = "18" });
        }

        Assert.Equal(1, await Sql.CountAsync(Database,
            "SELECT count(*) FROM digest_school_policies WHERE school_id = @s AND NOT parents_on AND NOT include_text", ("s", school)));
    }

    [Theory]
    [InlineData("--Sferum:Digest:Smtp:Host=", "Sferum:Digest:Smtp:Host")]
    [InlineData("--Sferum:Digest:Smtp:From=", "Sferum:Digest:Smtp:From")]
    [InlineData("--Sferum:Digest:PublicUrl=", "Sferum:Digest:PublicUrl")]
    public async Task A_silo_with_digests_on_and_a_required_key_missing_refuses_to_start_and_names_it(string blank, string key)
    {
        string[] complete = ["--Sferum:Digest:Enabled=true", "--Sferum:Digest:Smtp:Host=127.0.0.1", "--Sferum:Digest:Smtp:From=sferum@school.test",
            "--Sferum:Digest:PublicUrl=https://sferum.school.test"];
        await using var silo = ServiceProcess.Start("silo-no-smtp", env.Layout.BuiltDll("Sferum.Silo"), env.Layout.ProjectDirectory("Sferum.Silo"),
            [.. complete.Where(a => !a.StartsWith(blank, StringComparison.Ordinal)), blank, $"--Orleans:SiloPort={FreePorts.Next()}", $"--Orleans:GatewayPort={FreePorts.Next()}"],
            new Dictionary<string, string> { ["ConnectionStrings__Sferum"] = env.Stack.ConnectionString });

        await silo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, silo.ExitCode);
        Assert.Contains($"Configuration key '{key}' is required", silo.RecentOutput);
    }

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string token) =>
        client.PostAsync($"/Digest/Unsubscribe?token={token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
}
