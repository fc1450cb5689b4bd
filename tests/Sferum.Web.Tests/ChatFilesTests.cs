using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Files in chats: members upload permitted files and download them; nobody else gets either.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ChatFilesTests(WebTestEnvironment env)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% Домашнее задание\n"u8.ToArray();

    [Fact]
    public async Task A_member_attaches_a_file_and_another_member_downloads_it_from_the_message_and_the_materials()
    {
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chat = (await student.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);
        using var uploader = await env.SignedInAsync("student");

        var upload = await UploadAsync(uploader, chat.ChatId, "задание ../../etc/passwd.pdf", Pdf);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var attachment = (await upload.Content.ReadFromJsonAsync<ChatAttachment>())!;
        Assert.Equal("passwd.pdf", attachment.FileName);
        var message = await student.Connection.InvokeAsync<ChatMessage>("SendWithFiles", chat.ChatId, Guid.NewGuid().ToString(), "", null, new List<ChatAttachment> { attachment });

        using var teacher = await env.SignedInAsync("teacher");
        var download = await teacher.GetAsync($"/api/chats/{chat.ChatId}/messages/{message.Seq}/files/0");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var materials = await (await teacher.GetAsync($"/Chats/{chat.ChatId}/Materials")).Content.ReadAsStringAsync();
        Assert.Contains("passwd.pdf", materials);
    }

    [Fact]
    public async Task Forbidden_types_and_oversized_files_are_refused_with_the_rule()
    {
        using var student = await env.SignedInAsync("student");
        var chatId = await ClassChatIdAsync("student");

        var exe = await UploadAsync(student, chatId, "игра.exe", [0x4D, 0x5A]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        Assert.Contains(".exe", await exe.Content.ReadAsStringAsync());

        var big = await UploadAsync(student, chatId, "видео.mp4", new byte[21 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("20 МБ", await big.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("guest")]
    [InlineData("parent")]
    public async Task Someone_outside_the_chat_can_neither_upload_nor_download_nor_list(string login)
    {
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chatId = (await student.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class).ChatId;
        using var member = await env.SignedInAsync("student");
        var attachment = (await (await UploadAsync(member, chatId, "секрет.pdf", Pdf)).Content.ReadFromJsonAsync<ChatAttachment>())!;
        var message = await student.Connection.InvokeAsync<ChatMessage>("SendWithFiles", chatId, Guid.NewGuid().ToString(), "только классу", null, new List<ChatAttachment> { attachment });
        using var outsider = await env.SignedInAsync(login);

        // The outsider's own page gives a valid antiforgery token; the chat is still not theirs.
        var upload = await UploadAsync(outsider, chatId, "x.pdf", Pdf, tokenFrom: "/Chats");
        var download = await outsider.GetAsync($"/api/chats/{chatId}/messages/{message.Seq}/files/0");
        var materials = await outsider.GetAsync($"/Chats/{chatId}/Materials");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.NotEqual(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, materials.StatusCode);
    }


    private async Task<Guid> ClassChatIdAsync(string login)
    {
        await using var client = await ChatClient.ConnectAsync(env, login);
        return (await client.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class).ChatId;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(OidcHttpBrowser browser, Guid chatId, string name, byte[] bytes, string? tokenFrom = null)
    {
        var page = await (await browser.GetAsync(tokenFrom ?? $"/Chats/{chatId}")).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chats/{chatId}/files") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        return await browser.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
