using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The backup command on the running system, and its restore into an empty deployment (a new database, an empty file
/// folder, a silo and a web node of a new cluster): the people find their chats, messages, files and invitations.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class BackupRestoreTests(WebTestEnvironment env)
{
    private static readonly byte[] Worksheet = "%PDF-1.4\n% Контрольная работа, вариант 2\n"u8.ToArray();

    [Fact]
    public async Task A_backup_restored_into_an_empty_deployment_has_the_chats_messages_members_files_and_invitations()
    {
        // What the school did before the backup: a message with a file in the class chat, an invitation link.
        var text = $"Резервная копия {Guid.NewGuid():N}";
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chat = (await student.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);
        using var uploader = await env.SignedInAsync("student");
        var upload = await ChatFilesTests.UploadAsync(uploader, chat.ChatId, "вариант2.pdf", Worksheet);
        var attachment = (await upload.Content.ReadFromJsonAsync<ChatAttachment>())!;
        var sent = await student.Connection.InvokeAsync<ChatMessage>("SendWithFiles", chat.ChatId, Guid.NewGuid().ToString(), text, null,
            new List<ChatAttachment> { attachment });
        using var teacher = await env.SignedInAsync("teacher");
        var classPath = Regex.Match(await (await teacher.GetAsync("/")).Content.ReadAsStringAsync(), "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        var invited = await teacher.SubmitAsync($"/Invitations/New?classId={classPath[9..]}&target=ParentsChat&role=Parent", "new-invitation",
            new() { ["Role"] = "Parent", ["Child"] = "DEMO-S0", ["MaxUses"] = "3" });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var invitation = InvitationPattern().Matches(await (await teacher.GetAsync(classPath)).Content.ReadAsStringAsync()).First().Groups[1].Value;

        var work = Directory.CreateTempSubdirectory("sferum-restore-test-");
        try
        {
            var archive = Path.Combine(work.FullName, "backup.tar.gz");
            var backup = await RunBackupToolAsync("backup", env.Stack.ConnectionString, Path.Combine(env.DataDirectory, "files"), "--out", archive);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Contains("stored files copied", backup.Output);

            // An empty deployment: a new database on a server, an empty folder. Restoring twice is refused.
            var restoredDatabase = await env.Postgres.CreateDatabaseAsync();
            var restoredFiles = Path.Combine(work.FullName, "files");
            var restore = await RunBackupToolAsync("restore", restoredDatabase, restoredFiles, "--from", archive);
            Assert.True(restore.ExitCode == 0, restore.Output);
            var again = await RunBackupToolAsync("restore", restoredDatabase, restoredFiles, "--from", archive);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is not empty", again.Output);
            var verified = await AuditVerifyTool.RunAsync(env.Layout, restoredDatabase); // the audit chain survives a restore
            Assert.True(verified.ExitCode == 0, verified.Output);

            var clusterId = $"restored-{Guid.NewGuid():N}"[..20];
            var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
            await using var silo = SiloProcess.Start(env.Layout, restoredDatabase, clusterId, siloPort, gatewayPort);
            await Membership.WaitForActiveSiloAsync(restoredDatabase, clusterId, siloPort, TimeSpan.FromSeconds(90));
            await using var web = WebProcess.Start(env.Layout, restoredDatabase, clusterId, env.SpareWebPort, env.Stack.IdentityUrl,
                [$"--Sferum:Files:Folder={restoredFiles}"]);
            var webUrl = $"http://127.0.0.1:{env.SpareWebPort}";
            await HttpWait.UntilOkAsync($"{webUrl}/health/ready", TimeSpan.FromSeconds(90), web);

            // Memberships: the student is still in the class chat; messages: the one sent is in its history.
            await using var back = await ChatClient.ConnectAsync(env, "student", webUrl);
            var chats = await back.Connection.InvokeAsync<List<ChatSummary>>("Chats");
            Assert.Contains(chats, c => c.ChatId == chat.ChatId && c.Kind == ChatKind.Class);
            var history = await back.Connection.InvokeAsync<ChatPage>("History", chat.ChatId, null, null, 50);
            var message = Assert.Single(history.Messages, m => m.Seq == sent.Seq);
            Assert.Equal(text, message.Text);

            // Files: another member downloads the very bytes; invitations: the teacher still sees the link's page.
            using var teacherBack = new OidcHttpBrowser(webUrl);
            await teacherBack.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
            var download = await teacherBack.GetAsync($"/api/chats/{chat.ChatId}/messages/{sent.Seq}/files/0");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Worksheet, await download.Content.ReadAsByteArrayAsync());
            Assert.Contains(invitation, await (await teacherBack.GetAsync(classPath)).Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await teacherBack.GetAsync(invitation)).StatusCode);

            // An outsider of the class gets nothing from the restored deployment either.
            using var guest = new OidcHttpBrowser(webUrl);
            await guest.SignInAsync(env.User("guest").Login, env.User("guest").Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/api/chats/{chat.ChatId}/messages/{sent.Seq}/files/0")).StatusCode);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing()
    {
        var work = Directory.CreateTempSubdirectory("sferum-restore-test-");
        try
        {
            var bogus = Path.Combine(work.FullName, "backup.tar.gz");
            await File.WriteAllTextAsync(bogus, "не архив");
            var database = await env.Postgres.CreateDatabaseAsync();

            var restore = await RunBackupToolAsync("restore", database, Path.Combine(work.FullName, "files"), "--from", bogus);

            Assert.Equal(1, restore.ExitCode);
            Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output)> RunBackupToolAsync(string command, string connectionString, string files, string archiveOption, string archive)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { env.Layout.BuiltDll("Sferum.Backup"), command, "--files", files, archiveOption, archive })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Sferum"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex("href=\"(/Invitations/[0-9a-f-]{36})\"")]
    private static partial Regex InvitationPattern();
}
