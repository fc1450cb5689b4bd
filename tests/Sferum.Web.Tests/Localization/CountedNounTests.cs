using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sferum.Web.Localization;
using Sferum.Common;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Localization;

/// <summary>Pages that count people say it in Russian: «1 участник», «3 участника», «31 участник».</summary>
[Collection(WebCollection.Name)]
public sealed partial class CountedNounTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_chat_header_and_the_community_list_count_members_with_the_right_form()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var home = await (await teacher.GetAsync("/")).Content.ReadAsStringAsync();
        var classId = Guid.Parse(Regex.Match(home, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>").Groups[1].Value);
        var classPage = await (await teacher.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync();
        var classChat = Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"class-chat\"").Groups[1].Value;

        var chat = await (await teacher.GetAsync($"/Chats/{classChat}")).Content.ReadAsStringAsync();
        var header = MembersInHeader().Match(chat);
        Assert.True(header.Success, "the chat header counts its members");
        var members = long.Parse(header.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(RussianPlural.Choose(members, "участник", "участника", "участников"), header.Groups["noun"].Value);

        // A new community has one member, its creator.
        var school = await ChatApi.SchoolOfAsync(teacher, classId);
        var title = $"Кружок {Guid.NewGuid():N}"[..16];
        var created = await ChatApi.SendAsync(teacher, HttpMethod.Post, $"/api/schools/{school}/communities/",
            new { title, description = "", openGrades = new[] { 5 }, openToParents = false });
        var chatId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("chatId").GetGuid();
        var list = await (await teacher.GetAsync($"/Schools/{school}/Communities")).Content.ReadAsStringAsync();
        var card = list[list.IndexOf($"data-chat-id=\"{chatId}\"", StringComparison.Ordinal)..];
        Assert.Contains("<p class=\"muted\">1 участник · для учеников 5 кл.</p>", card[..card.IndexOf("</li>", StringComparison.Ordinal)]);
    }

    [GeneratedRegex("""<span class="muted">(?<n>\d+) (?<noun>участник|участника|участников)</span>""")]
    private static partial Regex MembersInHeader();
}
