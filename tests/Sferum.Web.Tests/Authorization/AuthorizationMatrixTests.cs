using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix: every endpoint, page handler and hub method of the portal with who may use it, and a probe
/// that an outsider (the demo "guest": signed in, in no class, no admin) and an anonymous visitor are refused. A new
/// endpoint, handler or hub method that is not listed here fails the first test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class AuthorizationMatrixTests(WebTestEnvironment env)
{
    /// <summary>Who may use an entry. Everything but <see cref="Public"/> needs a signed-in user.</summary>
    public enum Who
    {
        /// <summary>Anyone: sign-in pages, errors, health, static files, the API description.</summary>
        Public,

        /// <summary>Any signed-in user, acting only on their own things (profile, own chat list, a link they follow).</summary>
        SignedIn,

        /// <summary>Members of the chat or class (and the school's admins).</summary>
        Member,

        /// <summary>Teachers of the class, leaders of the group, the school's admins.</summary>
        Manager,
        SchoolAdmin,
        PlatformOperator,

        /// <summary>A journal's machine client with a bearer token (never a browser session).</summary>
        JournalClient,

        /// <summary>The person a consent is about, or a parent linked to that minor child; nobody else (consents, 152-FZ).</summary>
        SubjectOrParent,
    }


    /// <summary>An entry of the matrix and how to knock on it: method, path and form fields.</summary>
    private sealed record Rule(string Key, Who Who, Func<DemoIds, (HttpMethod Method, string Path, Dictionary<string, string>? Form)>? Probe = null);

    private static readonly Rule[] Endpoints =
    [
        new("* /", Who.Public),
        new("* /Index", Who.Public),
        new("* /Account/AccessDenied", Who.Public),
        new("* /Account/Login", Who.Public),
        new("* /Account/LoginFailed", Who.Public),
        new("* /Account/Logout", Who.Public),
        new("* /Error", Who.Public),
        // The offline fallback page the service worker keeps (texts only, nothing of anyone).
        new("* /offline.html", Who.Public),
        // The e-mail digest's one-click unsubscribe: no sign-in, the token in the letter is the proof (DigestPagesTests refuses a forged one).
        new("* /Digest/Unsubscribe", Who.Public),
        new("* /health/live", Who.Public),
        new("* /health/ready", Who.Public),
        new("GET /openapi/{documentName}.json", Who.Public),
        new("* /Admin", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin", null)),
        new("* /Admin/Index", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Index", null)),
        // The operators' status page and the Orleans dashboard (every one of its endpoints: it shows the whole cluster).
        new("* /Admin/Status", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Status", null)),
        new("GET /Admin/Orleans/", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/", null)),
        new("GET /Admin/Orleans/ClusterStats", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/ClusterStats", null)),
        new("GET /Admin/Orleans/DashboardCounters", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/DashboardCounters", null)),
        new("GET /Admin/Orleans/GrainState", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/GrainState", null)),
        new("GET /Admin/Orleans/GrainStats/{*grainName}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/GrainStats/Sferum.Chats.ChatGrain", null)),
        new("GET /Admin/Orleans/GrainTypes", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/GrainTypes", null)),
        new("GET /Admin/Orleans/HistoricalStats/{*path}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/HistoricalStats/Sferum.Chats.ChatGrain", null)),
        new("GET /Admin/Orleans/LifecycleStages", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/LifecycleStages", null)),
        new("GET /Admin/Orleans/Reminders", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/Reminders", null)),
        new("GET /Admin/Orleans/Reminders/{page:int}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/Reminders/1", null)),
        new("GET /Admin/Orleans/SiloCounters/{*address}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/SiloCounters/127.0.0.1:11111@1", null)),
        new("GET /Admin/Orleans/SiloMetadata/{*address}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/SiloMetadata/127.0.0.1:11111@1", null)),
        new("GET /Admin/Orleans/SiloProperties/{*address}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/SiloProperties/127.0.0.1:11111@1", null)),
        new("GET /Admin/Orleans/SiloStats/{*address}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/SiloStats/127.0.0.1:11111@1", null)),
        new("GET /Admin/Orleans/TopGrainMethods", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/TopGrainMethods", null)),
        new("GET /Admin/Orleans/Trace", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/Trace", null)),
        new("GET /Admin/Orleans/favicon.ico", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/favicon.ico", null)),
        new("GET /Admin/Orleans/fonts/{**path}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/fonts/logo.png", null)),
        new("GET /Admin/Orleans/img/{**path}", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/img/logo.png", null)),
        new("GET /Admin/Orleans/index.css", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/index.css", null)),
        new("GET /Admin/Orleans/index.html", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/index.html", null)),
        new("GET /Admin/Orleans/index.min.js", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/index.min.js", null)),
        new("GET /Admin/Orleans/version", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Orleans/version", null)),
        new("* /Chats", Who.SignedIn, _ => (HttpMethod.Get, "/Chats", null)),
        new("* /Chats/Index", Who.SignedIn, _ => (HttpMethod.Get, "/Chats/Index", null)),
        new("* /Profile", Who.SignedIn, _ => (HttpMethod.Get, "/Profile", null)),
        // The caller's own notification centre and settings (the notifications grain is keyed by the caller).
        new("* /Notifications", Who.SignedIn, _ => (HttpMethod.Get, "/Notifications", null)),
        new("* /Notifications/Index", Who.SignedIn, _ => (HttpMethod.Get, "/Notifications/Index", null)),
        new("* /Notifications/Settings", Who.SignedIn, _ => (HttpMethod.Get, "/Notifications/Settings", null)),
        new("* /Profile/Data", Who.SignedIn, _ => (HttpMethod.Get, "/Profile/Data", null)),
        // Exports of personal data: one's own and one's minor children's (the grain checks whom); downloading someone
        // else's archive is refused in DataExportTests.
        new("GET /api/personal-data/exports/", Who.SignedIn, _ => (HttpMethod.Get, "/api/personal-data/exports/", null)),
        new("POST /api/personal-data/exports/", Who.SignedIn),
        new("GET /api/personal-data/exports/{exportId:guid}/download", Who.SignedIn),
        // One's own consents and one's children's: the page shows only those (an outsider sees none).
        new("* /Profile/Consents", Who.SignedIn, _ => (HttpMethod.Get, "/Profile/Consents", null)),
        new("* /i/{token}", Who.SignedIn, _ => (HttpMethod.Get, "/i/" + new string('A', 64), null)),
        // The hub's transport needs a negotiated connection: probed through negotiate here, per method in the hub test below.
        new("* /hubs/chat", Who.SignedIn),
        new("* /hubs/chat/negotiate", Who.SignedIn, _ => (HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1", null)),
        new("* /Chats/{chatId:guid}", Who.Member, i => (HttpMethod.Get, $"/Chats/{i.ClassChat}", null)),
        new("* /Chats/{chatId:guid}/Materials", Who.Member, i => (HttpMethod.Get, $"/Chats/{i.ClassChat}/Materials", null)),
        new("* /Classes/{classId:guid}", Who.Member, i => (HttpMethod.Get, $"/Classes/{i.Class}", null)),
        // A member's profile: for those who share a class or a chat with the person, and the school's admins.
        new("* /People/{personId:guid}", Who.Member, i => (HttpMethod.Get, $"/People/{i.Person}", null)),
        new("GET /api/chats/{chatId:guid}/messages/{seq:long}/files/{index:int}", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/messages/1/files/0", null)),
        new("POST /api/chats/{chatId:guid}/files", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/files", [])),
        new("POST /api/chats/{chatId:guid}/polls/", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/polls/",
            new() { [Json] = """{"clientId":"p1","question":"Чужой опрос","options":["да","нет"]}""" })),
        new("GET /api/chats/{chatId:guid}/polls/{pollId:guid}", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/polls/{i.Poll}", null)),
        new("POST /api/chats/{chatId:guid}/polls/{pollId:guid}/vote", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/polls/{i.Poll}/vote",
            new() { [Json] = """{"options":[0]}""" })),
        new("POST /api/chats/{chatId:guid}/polls/{pollId:guid}/close", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/polls/{i.Poll}/close",
            new() { [Json] = "{}" })),
        new("POST /api/chats/{chatId:guid}/announcements/", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/announcements/",
            new() { [Json] = """{"clientId":"a1","text":"Чужое объявление"}""" })),
        new("GET /api/chats/{chatId:guid}/announcements/{seq:long}/ack", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/announcements/{i.Announcement}/ack", null)),
        new("POST /api/chats/{chatId:guid}/announcements/{seq:long}/ack", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/announcements/{i.Announcement}/ack",
            new() { [Json] = "{}" })),
        new("GET /api/chats/{chatId:guid}/announcements/{seq:long}/report", Who.Manager, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/announcements/{i.Announcement}/report", null)),
        new("POST /api/chats/{chatId:guid}/announcements/{seq:long}/remind", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/announcements/{i.Announcement}/remind",
            new() { [Json] = "{}" })),
        new("GET /api/chats/{chatId:guid}/polls/{pollId:guid}/non-voters", Who.Manager, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/polls/{i.Poll}/non-voters", null)),
        // Moderation: members report; moderators hide, mute, remove and act on reports; admins read any chat (audited).
        new("POST /api/chats/{chatId:guid}/messages/{seq:long}/report", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/messages/{i.Announcement}/report",
            new() { [Json] = "{\"reason\":\"Spam\"}" })),
        new("POST /api/chats/{chatId:guid}/messages/{seq:long}/hide", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/messages/{i.Announcement}/hide", new() { [Json] = "{}" })),
        new("POST /api/chats/{chatId:guid}/members/{userId:guid}/mute", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/members/{i.Person}/mute",
            new() { [Json] = "{\"hours\":1}" })),
        new("POST /api/chats/{chatId:guid}/members/{userId:guid}/remove", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/members/{i.Person}/remove", new() { [Json] = "{}" })),
        new("GET /api/chats/{chatId:guid}/review", Who.SchoolAdmin, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/review", null)),
        new("GET /api/schools/{schoolId:guid}/reports/", Who.Manager, i => (HttpMethod.Get, $"/api/schools/{i.School}/reports/", null)),
        new("POST /api/schools/{schoolId:guid}/reports/{reportId:guid}/act", Who.Manager, i => (HttpMethod.Post, $"/api/schools/{i.School}/reports/{i.Report}/act",
            new() { [Json] = "{\"action\":\"Dismiss\"}" })),
        // A chat's newest page of messages over HTTP (the page's first load, kept offline by the service worker): members.
        // The members' names for @ in the composer: members only.
        new("GET /api/chats/{chatId:guid}/members", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/members", null)),
        new("GET /api/chats/{chatId:guid}/history", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/history", null)),
        // Quiet hours and scheduled messages: members of the chat, each for their own messages.
        new("GET /api/chats/{chatId:guid}/quiet-hours", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/quiet-hours", null)),
        new("GET /api/chats/{chatId:guid}/scheduled", Who.Member, i => (HttpMethod.Get, $"/api/chats/{i.ClassChat}/scheduled", null)),
        new("POST /api/chats/{chatId:guid}/scheduled", Who.Member, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/scheduled",
            new() { [Json] = $"{{\"clientId\":\"m1\",\"text\":\"чужое\",\"sendAt\":\"{DateTimeOffset.UtcNow.AddHours(1):O}\"}}" })),
        new("DELETE /api/chats/{chatId:guid}/scheduled/{messageId:guid}", Who.Member, i => (HttpMethod.Delete, $"/api/chats/{i.ClassChat}/scheduled/{i.Scheduled}", new() { [Json] = "{}" })),
        // Materials: members read and download; teachers publish and remove.
        new("GET /api/classes/{classId:guid}/materials/", Who.Member, i => (HttpMethod.Get, $"/api/classes/{i.Class}/materials/", null)),
        new("POST /api/classes/{classId:guid}/materials/", Who.Manager, i => (HttpMethod.Post, $"/api/classes/{i.Class}/materials/",
            new() { ["clientId"] = "m1", ["subject"] = "Чужое", ["title"] = "Чужое", ["lessonDate"] = "2026-11-25", ["url"] = "https://example.org" })),
        new("GET /api/classes/{classId:guid}/materials/{materialId:guid}/download", Who.Member, i => (HttpMethod.Get, $"/api/classes/{i.Class}/materials/{i.Material}/download", null)),
        new("DELETE /api/classes/{classId:guid}/materials/{materialId:guid}", Who.Manager, i => (HttpMethod.Delete, $"/api/classes/{i.Class}/materials/{i.Material}", new() { [Json] = "{}" })),
        // Communities: the school's people find them; their leaders (and the school's admins) run them.
        new("GET /api/schools/{schoolId:guid}/communities/", Who.Member, i => (HttpMethod.Get, $"/api/schools/{i.School}/communities/", null)),
        new("POST /api/schools/{schoolId:guid}/communities/", Who.Manager, i => (HttpMethod.Post, $"/api/schools/{i.School}/communities/",
            new() { [Json] = "{\"title\":\"Чужое\",\"description\":\"\",\"openGrades\":[],\"openToParents\":false}" })),
        new("PUT /api/schools/{schoolId:guid}/communities/{chatId:guid}", Who.Manager, i => (HttpMethod.Put, $"/api/schools/{i.School}/communities/{i.Community}",
            new() { [Json] = "{\"title\":\"Чужое\",\"description\":\"\",\"openGrades\":[5],\"openToParents\":true}" })),
        new("POST /api/schools/{schoolId:guid}/communities/{chatId:guid}/join", Who.Member, i => (HttpMethod.Post, $"/api/schools/{i.School}/communities/{i.Community}/join",
            new() { [Json] = "{}" })),
        new("GET /api/schools/{schoolId:guid}/communities/{chatId:guid}/requests", Who.Manager, i => (HttpMethod.Get, $"/api/schools/{i.School}/communities/{i.Community}/requests", null)),
        new("POST /api/schools/{schoolId:guid}/communities/{chatId:guid}/requests/{userId:guid}/approve", Who.Manager,
            i => (HttpMethod.Post, $"/api/schools/{i.School}/communities/{i.Community}/requests/{i.Person}/approve", new() { [Json] = "{}" })),
        new("POST /api/schools/{schoolId:guid}/communities/{chatId:guid}/requests/{userId:guid}/refuse", Who.Manager,
            i => (HttpMethod.Post, $"/api/schools/{i.School}/communities/{i.Community}/requests/{i.Person}/refuse", new() { [Json] = "{}" })),
        new("GET /api/schools/{schoolId:guid}/communities/{chatId:guid}/members", Who.Manager, i => (HttpMethod.Get, $"/api/schools/{i.School}/communities/{i.Community}/members", null)),
        new("POST /api/schools/{schoolId:guid}/communities/{chatId:guid}/admins/{userId:guid}", Who.Manager,
            i => (HttpMethod.Post, $"/api/schools/{i.School}/communities/{i.Community}/admins/{i.Person}", new() { [Json] = "{\"admin\":true}" })),
        new("* /Schools/{schoolId:guid}/Reports", Who.Manager, i => (HttpMethod.Get, $"/Schools/{i.School}/Reports", null)),
        new("* /Schools/{schoolId:guid}/Retention", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Retention", null)),
        new("* /Schools/{schoolId:guid}/Digest", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Digest", null)),
        new("* /Chats/{chatId:guid}/Review", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Chats/{i.ClassChat}/Review", null)),
        new("* /Classes/{classId:guid}/Materials", Who.Member, i => (HttpMethod.Get, $"/Classes/{i.Class}/Materials", null)),
        new("* /Schools/{schoolId:guid}/Communities", Who.Member, i => (HttpMethod.Get, $"/Schools/{i.School}/Communities", null)),
        new("* /Schools/{schoolId:guid}/Communities/{chatId:guid}", Who.Manager, i => (HttpMethod.Get, $"/Schools/{i.School}/Communities/{i.Community}", null)),
        new("* /Invitations/New", Who.Manager, i => (HttpMethod.Get, $"/Invitations/New?classId={i.Class}&target=ClassChat", null)),
        new("* /Invitations/{invitationId:guid}", Who.Manager, i => (HttpMethod.Get, $"/Invitations/{i.Invitation}", null)),
        new("* /Schools/{schoolId:guid}", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}", null)),
        new("* /Schools/{schoolId:guid}/Audit", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Audit", null)),
        new("* /Schools/{schoolId:guid}/Consents", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Consents", null)),
        new("* /Schools/{schoolId:guid}/Imports/New", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Imports/New", null)),
        // Personal data (152-FZ): the operator's details, acts of destruction, a person's record, correction and erasure.
        new("* /Schools/{schoolId:guid}/Operator", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Operator", null)),
        new("* /Schools/{schoolId:guid}/PersonalData", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/PersonalData", null)),
        new("* /Schools/{schoolId:guid}/PersonalData/Person", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/PersonalData/Person?member=DEMO-S1", null)),
        new("* /Schools/{schoolId:guid}/Imports/{importId:guid}", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Imports/{i.Import}", null)),
        // Personal data (152-FZ): the school's formal requests are its appointed admins' only; incidents also the operators'.
        // The grains refuse before they look a request or incident up, so an id nobody registered is probed as well as a real one.
        new("* /Schools/{schoolId:guid}/DataRequests", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/DataRequests", null)),
        new("* /Schools/{schoolId:guid}/DataRequests/New", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/DataRequests/New?q=Петров", null)),
        new("* /Schools/{schoolId:guid}/DataRequests/{requestId:guid}", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/DataRequests/{i.DataRequest}", null)),
        new("* /Schools/{schoolId:guid}/DataRequests/{requestId:guid}/Answer", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/DataRequests/{i.DataRequest}/Answer", null)),
        new("* /Schools/{schoolId:guid}/Incidents", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Incidents", null)),
        new("* /Schools/{schoolId:guid}/Incidents/{incidentId:guid}", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/Incidents/{i.Incident}", null)),
        new("* /Admin/Incidents", Who.PlatformOperator, _ => (HttpMethod.Get, "/Admin/Incidents", null)),
        // Video meetings: the meeting's chat members; its host runs it. This stack has no Janus, so the probes knock on a
        // meeting that does not exist; live meetings are probed by outsiders in tests/Sferum.Video.Tests (LessonTests).
        new("POST /api/chats/{chatId:guid}/meetings", Who.Manager, i => (HttpMethod.Post, $"/api/chats/{i.ClassChat}/meetings",
            new() { [Json] = "{\"clientId\":\"m1\",\"kind\":\"Lesson\",\"title\":\"Чужой урок\"}" })),
        new("* /Meetings/{meetingId:guid}", Who.Member, i => (HttpMethod.Get, $"/Meetings/{i.Meeting}", null)),
        new("GET /api/meetings/{meetingId:guid}/", Who.Member, i => (HttpMethod.Get, $"/api/meetings/{i.Meeting}/", null)),
        new("POST /api/meetings/{meetingId:guid}/enter", Who.Member, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/enter", new() { [Json] = "{}" })),
        new("POST /api/meetings/{meetingId:guid}/hand", Who.Member, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/hand", new() { [Json] = "{\"on\":true}" })),
        new("POST /api/meetings/{meetingId:guid}/admit", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/admit", new() { [Json] = "{}" })),
        new("POST /api/meetings/{meetingId:guid}/publish", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/publish",
            new() { [Json] = $"{{\"userId\":\"{i.Person}\",\"allowed\":true}}" })),
        new("POST /api/meetings/{meetingId:guid}/lock", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/lock", new() { [Json] = "{\"on\":true}" })),
        new("POST /api/meetings/{meetingId:guid}/remove", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/remove",
            new() { [Json] = $"{{\"userId\":\"{i.Person}\"}}" })),
        new("POST /api/meetings/{meetingId:guid}/recording", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/recording", new() { [Json] = "{\"on\":true}" })),
        new("POST /api/meetings/{meetingId:guid}/end", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/end", new() { [Json] = "{}" })),
        new("POST /api/meetings/{meetingId:guid}/breakouts", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/breakouts", new() { [Json] = "{\"count\":2}" })),
        new("POST /api/meetings/{meetingId:guid}/breakouts/visit", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/breakouts/visit", new() { [Json] = "{\"group\":0}" })),
        new("POST /api/meetings/{meetingId:guid}/breakouts/notice", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/breakouts/notice", new() { [Json] = "{\"text\":\"чужое\"}" })),
        new("POST /api/meetings/{meetingId:guid}/breakouts/call", Who.Member, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/breakouts/call", new() { [Json] = "{}" })),
        new("POST /api/meetings/{meetingId:guid}/breakouts/close", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/breakouts/close", new() { [Json] = "{}" })),
        new("POST /api/meetings/{meetingId:guid}/guests", Who.Manager, i => (HttpMethod.Post, $"/api/meetings/{i.Meeting}/guests",
            new() { [Json] = "{\"name\":\"Чужой Гость\",\"hours\":2}" })),
        // A guest link belongs to the one verified person who followed it first; anyone else (and any guessed secret) is refused.
        new("* /Meetings/{meetingId:guid}/guest/{secret}", Who.Member, i => (HttpMethod.Get, $"/Meetings/{i.Meeting}/guest/{new string('a', 48)}", null)),
        new("GET /api/meetings/{meetingId:guid}/attendance.csv", Who.Manager, i => (HttpMethod.Get, $"/api/meetings/{i.Meeting}/attendance.csv", null)),
        new("POST /video/{meetingId:guid}/janus/", Who.Member, i => (HttpMethod.Post, $"/video/{i.Meeting}/janus/", new() { [Json] = "{\"janus\":\"create\"}" })),
        new("POST /video/{meetingId:guid}/janus/{session:long}", Who.Member, i => (HttpMethod.Post, $"/video/{i.Meeting}/janus/1",
            new() { [Json] = "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\"}" })),
        new("POST /video/{meetingId:guid}/janus/{session:long}/{handle:long}", Who.Member, i => (HttpMethod.Post, $"/video/{i.Meeting}/janus/1/2",
            new() { [Json] = "{\"janus\":\"message\",\"body\":{\"request\":\"join\",\"ptype\":\"subscriber\"}}" })),
        new("GET /video/{meetingId:guid}/janus/{session:long}", Who.Member, i => (HttpMethod.Get, $"/video/{i.Meeting}/janus/1", null)),
        new("GET /api/journal/v1/schools/{schoolId:guid}/imports/{importId:guid}", Who.JournalClient, i => (HttpMethod.Get, $"/api/journal/v1/schools/{i.School}/imports/{i.Import}", null)),
        new("POST /api/journal/v1/schools/{schoolId:guid}/imports/", Who.JournalClient, i => (HttpMethod.Post, $"/api/journal/v1/schools/{i.School}/imports/", [])),
        new("POST /api/journal/v1/schools/{schoolId:guid}/imports/{importId:guid}/apply", Who.JournalClient, i => (HttpMethod.Post, $"/api/journal/v1/schools/{i.School}/imports/{i.Import}/apply", [])),
    ];

    private static readonly Rule[] PageHandlers =
    [
        new("Account.Login:OnGet", Who.Public),
        new("Account.LoginFailed:OnGet", Who.Public),
        new("Account.Logout:OnGet", Who.Public),
        new("Account.Logout:OnPostAsync", Who.Public),
        new("Error:OnGet", Who.Public),
        new("Error:OnPost", Who.Public),
        new("Index:OnGetAsync", Who.Public),
        // Acts only on the caller's own proposals, which the user grain looks up again (forging one: ParentLinkTests).
        new("Index:OnPostConfirmChildAsync", Who.SignedIn),
        // Dismisses the caller's own notice; the notices grain is keyed by the caller and refuses anyone else (IncidentTests).
        new("Index:OnPostDismissNoticeAsync", Who.SignedIn),
        new("Admin.Index:OnGetAsync", Who.PlatformOperator),
        new("Admin.Status:OnGetAsync", Who.PlatformOperator),
        new("Admin.Index:OnPostAccountAsync", Who.PlatformOperator, _ => (HttpMethod.Post, "/Admin?handler=Account", new() { ["snils"] = "112-233-445 95", ["disabled"] = "true" })),
        new("Admin.Index:OnPostAsync", Who.PlatformOperator, _ => (HttpMethod.Post, "/Admin", new() { ["NewSchool.Name"] = "Чужая школа", ["NewSchool.Region"] = "—", ["NewSchool.TimeZone"] = "Europe/Moscow" })),
        new("Chats.Index:OnGetAsync", Who.SignedIn),
        new("Chats.View:OnGetAsync", Who.Member),
        new("Chats.Materials:OnGetAsync", Who.Member),
        new("Meetings.View:OnGetAsync", Who.Member),
        new("Meetings.Guest:OnGetAsync", Who.Member),
        new("Profile:OnGetAsync", Who.SignedIn),
        new("Notifications.Index:OnGetAsync", Who.SignedIn),
        // Only the caller's own notifications: the grain is keyed by the caller and refuses anyone else (NotificationTests).
        new("Notifications.Index:OnPostReadAsync", Who.SignedIn),
        new("Notifications.Index:OnPostReadAllAsync", Who.SignedIn),
        new("Notifications.Settings:OnGetAsync", Who.SignedIn),
        new("Notifications.Settings:OnPostKindsAsync", Who.SignedIn),
        // Muting needs membership of the chat (the notifications grain asks the chat); unmuting only removes one's own mute.
        new("Notifications.Settings:OnPostMuteAsync", Who.Member, i => (HttpMethod.Post, $"/Notifications/Settings?handler=Mute&chatId={i.ClassChat}",
            new() { ["duration"] = "always" })),
        new("Notifications.Settings:OnPostUnmuteAsync", Who.SignedIn),
        new("Profile:OnPostBeginSecondFactorAsync", Who.SignedIn),
        new("Profile:OnPostConfirmSecondFactorAsync", Who.SignedIn),
        new("Profile:OnPostEndSessionAsync", Who.SignedIn),
        new("Profile:OnPostEndOtherSessionsAsync", Who.SignedIn),
        new("Profile:OnPostDigestAsync", Who.SignedIn),
        new("Digest.Unsubscribe:OnGetAsync", Who.Public),
        new("Digest.Unsubscribe:OnPostAsync", Who.Public),
        new("Profile.Data:OnGetAsync", Who.SignedIn),
        new("Profile.Data:OnPostStartAsync", Who.SignedIn),
        new("Profile.Consents:OnGetAsync", Who.SignedIn),
        // The outsider aims at the demo pupil, and at the consent her mother gave for herself: the school's grain refuses both.
        new("Profile.Consents:OnPostGiveAsync", Who.SubjectOrParent, i => (HttpMethod.Post, "/Profile/Consents?handler=Give", new()
        {
            ["SchoolId"] = i.School.ToString(), ["SubjectKey"] = "DEMO-S0", ["Purpose"] = "contact-phone", ["Version"] = "1",
            ["DocumentSha256"] = new string('0', 64), ["Phone"] = "+7 900 666-66-66", ["Accepted"] = "true",
        })),
        new("Profile.Consents:OnPostWithdrawAsync", Who.SubjectOrParent, i => (HttpMethod.Post, "/Profile/Consents?handler=Withdraw",
            new() { ["schoolId"] = i.School.ToString(), ["consentId"] = i.Consent.ToString() })),
        new("Invitations.Accept:OnGetAsync", Who.SignedIn),
        new("Invitations.Accept:OnPostAsync", Who.SignedIn),
        new("Classes.Index:OnGetAsync", Who.Member),
        new("People.View:OnGetAsync", Who.Member),
        // Consented phone numbers: the class's teachers only (each look audited).
        new("Classes.Index:OnGetPhonesAsync", Who.Manager, i => (HttpMethod.Get, $"/Classes/{i.Class}?handler=Phones", null)),
        new("Classes.Index:OnPostDirectAsync", Who.Member, i => (HttpMethod.Post, $"/Classes/{i.Class}?handler=Direct", new() { ["userId"] = Guid.NewGuid().ToString() })),
        new("Classes.Index:OnPostGroupAsync", Who.Manager, i => (HttpMethod.Post, $"/Classes/{i.Class}?handler=Group", new() { ["title"] = "Чужая", ["members"] = Guid.NewGuid().ToString() })),
        new("Classes.Index:OnPostCommunityAsync", Who.Manager, i => (HttpMethod.Post, $"/Classes/{i.Class}?handler=Community", new() { ["title"] = "Чужое" })),
        new("Invitations.New:OnGetAsync", Who.Manager),
        new("Invitations.New:OnPostAsync", Who.Manager, i => (HttpMethod.Post, $"/Invitations/New?classId={i.Class}&target=ClassChat", new() { ["Role"] = "Student", ["Target"] = "ClassChat" })),
        new("Invitations.Details:OnGetAsync", Who.Manager),
        new("Invitations.Details:OnPostRevokeAsync", Who.Manager, i => (HttpMethod.Post, $"/Invitations/{i.Invitation}?handler=Revoke", [])),
        new("Invitations.Details:OnPostDecideAsync", Who.Manager, i => (HttpMethod.Post, $"/Invitations/{i.Invitation}?handler=Decide", new() { ["userId"] = Guid.NewGuid().ToString(), ["approve"] = "true" })),
        new("Invitations.Details:OnPostRemoveAsync", Who.Manager, i => (HttpMethod.Post, $"/Invitations/{i.Invitation}?handler=Remove", new() { ["userId"] = Guid.NewGuid().ToString() })),
        new("Invitations.Details:OnPostRemoveAllAsync", Who.Manager, i => (HttpMethod.Post, $"/Invitations/{i.Invitation}?handler=RemoveAll", new() { ["secondFactorCode"] = "123456" })),
        new("Schools.Index:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Index:OnPostAppointAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}?handler=Appoint", new() { ["Admin.Snils"] = "185-736-429 12", ["Admin.LastName"] = "Чужой", ["Admin.FirstName"] = "Иван" })),
        new("Schools.Index:OnPostRemoveAdminAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}?handler=RemoveAdmin", new() { ["snils"] = "112-233-445 95" })),
        new("Schools.Index:OnPostJournalAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}?handler=Journal", new() { ["JournalClientId"] = "evil", ["allowed"] = "true" })),
        new("Schools.Index:OnPostPolicyAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}?handler=Policy", new() { ["studentsMayWriteToClassmates"] = "true" })),
        new("Schools.Index:OnPostChannelAsync", Who.Member, i => (HttpMethod.Post, $"/Schools/{i.School}?handler=Channel", [])),
        new("People.View:OnPostChannelAuthorAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/People/{i.Person}?handler=ChannelAuthor",
            new() { ["schoolId"] = i.School.ToString(), ["author"] = "true", ["code"] = "123456" })),
        new("Schools.Reports:OnGetAsync", Who.Manager),
        new("Schools.Retention:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Retention:OnPostSaveAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Retention?handler=Save", new() { ["ChatYears"] = "1", ["FileYears"] = "1" })),
        new("Schools.Retention:OnPostRunAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Retention?handler=Run", new())),
        new("Schools.Digest:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Digest:OnPostAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Digest",
            new() { ["ParentsOn"] = "true", ["ParentsHour"] = "3", ["IncludeText"] = "true" })),
        new("Schools.Reports:OnPostActAsync", Who.Manager, i => (HttpMethod.Post, $"/Schools/{i.School}/Reports?handler=Act",
            new() { ["reportId"] = i.Report.ToString(), ["action"] = "Dismiss" })),
        new("Chats.Review:OnGetAsync", Who.SchoolAdmin),
        new("Classes.Materials:OnGetAsync", Who.Member),
        new("Classes.Materials:OnPostPublishAsync", Who.Manager, i => (HttpMethod.Post, $"/Classes/{i.Class}/Materials?handler=Publish",
            new() { ["clientId"] = "m1", ["subject"] = "Чужое", ["title"] = "Чужое", ["lessonDate"] = "2026-11-25", ["url"] = "https://example.org" })),
        new("Classes.Materials:OnPostRemoveAsync", Who.Manager, i => (HttpMethod.Post, $"/Classes/{i.Class}/Materials?handler=Remove",
            new() { ["materialId"] = i.Material.ToString() })),
        new("Schools.Communities:OnGetAsync", Who.Member),
        new("Schools.Communities:OnPostJoinAsync", Who.Member, i => (HttpMethod.Post, $"/Schools/{i.School}/Communities?handler=Join",
            new() { ["chatId"] = i.Community.ToString() })),
        new("Schools.Communities:OnPostCreateAsync", Who.Manager, i => (HttpMethod.Post, $"/Schools/{i.School}/Communities?handler=Create",
            new() { ["title"] = "Чужое" })),
        new("Schools.Community:OnGetAsync", Who.Manager),
        new("Schools.Community:OnPostDecideAsync", Who.Manager, i => (HttpMethod.Post, $"/Schools/{i.School}/Communities/{i.Community}?handler=Decide",
            new() { ["userId"] = i.Person.ToString(), ["approve"] = "true" })),
        new("Schools.Community:OnPostAdminAsync", Who.Manager, i => (HttpMethod.Post, $"/Schools/{i.School}/Communities/{i.Community}?handler=Admin",
            new() { ["userId"] = i.Person.ToString(), ["admin"] = "true" })),
        new("Schools.Community:OnPostSettingsAsync", Who.Manager, i => (HttpMethod.Post, $"/Schools/{i.School}/Communities/{i.Community}?handler=Settings",
            new() { ["title"] = "Чужое", ["grades"] = "5", ["openToParents"] = "true" })),
        new("Schools.Audit:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Audit:OnPostCsvAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Audit?handler=Csv", new() { ["secondFactorCode"] = "123456" })),
        new("Schools.Consents:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Operator.Index:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Operator.Index:OnPostAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Operator",
            new() { ["Input.LegalName"] = "Чужая школа", ["Input.Address"] = "evil street, 1, somewhere", ["Input.ResponsibleName"] = "Чужой Иван",
                ["Input.ResponsiblePosition"] = "чужой" })),
        new("Schools.PersonalData.Index:OnGetAsync", Who.SchoolAdmin),
        new("Schools.PersonalData.Index:OnGetPdfAsync", Who.SchoolAdmin, i => (HttpMethod.Get, $"/Schools/{i.School}/PersonalData?handler=Pdf&actId={Guid.NewGuid()}&extract=false", null)),
        new("Schools.PersonalData.Index:OnPostPolicyAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/PersonalData?handler=Policy",
            new() { ["Policy.DeleteMessages"] = "true", ["Policy.DeleteRecordings"] = "true" })),
        new("Schools.PersonalData.Person:OnGetAsync", Who.SchoolAdmin),
        new("Schools.PersonalData.Person:OnPostCorrectAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/PersonalData/Person?member=DEMO-S1&handler=Correct",
            new() { ["Correction.Field"] = "LastName", ["Correction.Value"] = "Чужой", ["Correction.Reason"] = "чужое" })),
        new("Schools.PersonalData.Person:OnPostEraseAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/PersonalData/Person?member=DEMO-S1&handler=Erase",
            new() { ["Erasure.Reason"] = "чужое", ["Erasure.Position"] = "чужой", ["Erasure.Confirmed"] = "true" })),
        new("Schools.Imports.New:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Imports.New:OnPostAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Imports/New", [])),
        new("Schools.Imports.Details:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Imports.Details:OnPostApplyAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Imports/{i.Import}?handler=Apply", [])),
        new("Schools.DataRequests.Index:OnGetAsync", Who.SchoolAdmin),
        new("Schools.DataRequests.New:OnGetAsync", Who.SchoolAdmin),
        new("Schools.DataRequests.New:OnPostAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/DataRequests/New", new()
        {
            ["Input.RequestId"] = Guid.NewGuid().ToString(), ["Input.Kind"] = "Access", ["Input.Subject"] = "j:DEMO-S0",
            ["Input.ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), ["Input.Details"] = "Чужой запрос",
        })),
        new("Schools.DataRequests.Details:OnGetAsync", Who.SchoolAdmin),
        new("Schools.DataRequests.Details:OnPostExtendAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/DataRequests/{i.DataRequest}?handler=Extend",
            new() { ["Reason"] = "Чужая причина продления срока" })),
        new("Schools.DataRequests.Details:OnPostStopAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/DataRequests/{i.DataRequest}?handler=Stop", [])),
        new("Schools.DataRequests.Details:OnPostCloseAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/DataRequests/{i.DataRequest}?handler=Close",
            new() { ["Outcome"] = "Чужой итог" })),
        new("Schools.DataRequests.Answer:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Incidents.Index:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Incidents.Index:OnPostAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Incidents", new()
        {
            ["Input.IncidentId"] = Guid.NewGuid().ToString(), ["Input.Description"] = "Чужой инцидент для проверки", ["Input.DataSubjects"] = "ученики",
            ["Input.DetectedAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm"),
        })),
        new("Schools.Incidents.Details:OnGetAsync", Who.SchoolAdmin),
        new("Schools.Incidents.Details:OnPostFactsAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Incidents/{i.Incident}?handler=Facts",
            new() { ["Facts.Description"] = "Чужие сведения об инциденте", ["Facts.DataSubjects"] = "ученики" })),
        new("Schools.Incidents.Details:OnPostSentAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Incidents/{i.Incident}?handler=Sent&notice=First",
            new() { ["SentAt"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm") })),
        new("Schools.Incidents.Details:OnPostConfirmAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Incidents/{i.Incident}?handler=Confirm", [])),
        new("Schools.Incidents.Details:OnPostResolveAsync", Who.SchoolAdmin, i => (HttpMethod.Post, $"/Schools/{i.School}/Incidents/{i.Incident}?handler=Resolve&dismissed=true",
            new() { ["Note"] = "Чужой итог" })),
        new("Admin.Incidents:OnGetAsync", Who.PlatformOperator),
    ];

    /// <summary>Hub methods with arguments aimed at 5А's class chat (null: the method acts only on the caller's own data).</summary>
    private static readonly (string Method, Who Who, Func<DemoIds, object?[]>? Args)[] HubMethods =
    [
        ("Open", Who.Member, i => [i.ClassChat]),
        ("Send", Who.Member, i => [i.ClassChat, "x1", "чужое", null]),
        ("SendWithFiles", Who.Member, i => [i.ClassChat, "x2", "чужое", null, new List<Sferum.Chats.ChatAttachment>()]),
        ("SendMentioning", Who.Member, i => [i.ClassChat, "x3", "@чужое", null, null, new List<Guid> { i.Person }]),
        ("Edit", Who.Member, i => [i.ClassChat, 1L, "чужое"]),
        ("Delete", Who.Member, i => [i.ClassChat, 1L]),
        ("React", Who.Member, i => [i.ClassChat, 1L, "👍", true]),
        ("History", Who.Member, i => [i.ClassChat, null, null, 20]),
        ("Catchup", Who.Member, i => [i.ClassChat, 0L]),
        ("MarkRead", Who.Member, i => [i.ClassChat, 1L]),
        ("Receipt", Who.Member, i => [i.ClassChat, 1L]),
        ("Pin", Who.Member, i => [i.ClassChat, 1L, true]),
        ("Pinned", Who.Member, i => [i.ClassChat]),
        ("Search", Who.SignedIn, null),
        ("Chats", Who.SignedIn, null),
        ("Notifications", Who.SignedIn, null),
        ("MarkNotificationRead", Who.SignedIn, null),
        ("MarkAllNotificationsRead", Who.SignedIn, null),
    ];

    [Fact]
    public void Every_endpoint_page_handler_and_hub_method_has_a_rule()
    {
        // Static files (the fingerprinted css/js/icons and the fallback for files) are public by nature.
        var endpoints = EndpointInventory.Endpoints(env).Where(e => !e.StartsWith("GET,HEAD /", StringComparison.Ordinal)).ToList();
        AssertSame("endpoints", endpoints, Endpoints.Select(r => r.Key));
        AssertSame("page handlers", EndpointInventory.PageHandlers(), PageHandlers.Select(r => r.Key));
        AssertSame("hub methods", EndpointInventory.HubMethods(), HubMethods.Select(h => h.Method));
        Assert.All(Endpoints.Concat(PageHandlers).Where(r => r.Who is not (Who.Public or Who.SignedIn) && r.Key.Contains(":OnPost", StringComparison.Ordinal)),
            r => Assert.NotNull(r.Probe));
    }

    [Fact]
    public async Task Anonymous_visitors_and_outsiders_are_refused_by_every_protected_endpoint_and_handler()
    {
        var ids = await DemoIds.CreateAsync(env);
        using var anonymous = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);
        using var guest = new OidcHttpBrowser(env.Stack.WebUrl);
        await guest.SignInAsync(env.User("guest").Login, env.User("guest").Password);
        var profile = await (await guest.GetAsync("/Profile")).Content.ReadAsStringAsync();
        var token = Regex.Match(profile, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var failures = new List<string>();
        foreach (var rule in Endpoints.Concat(PageHandlers).Where(r => r.Probe is not null))
        {
            var (method, path, form) = rule.Probe!(ids);
            var asAnonymous = await SendAsync(anonymous, method, path, form, null);
            // APIs answer 401; pages send people to sign in (a form post without its token may be rejected first, 400).
            var anonymousRefused = path.StartsWith("/api/", StringComparison.Ordinal)
                ? asAnonymous == HttpStatusCode.Unauthorized
                : asAnonymous is HttpStatusCode.Redirect || (asAnonymous == HttpStatusCode.BadRequest && method == HttpMethod.Post);
            if (!anonymousRefused)
            {
                failures.Add($"{rule.Key}: anonymous {method} {path} got {(int)asAnonymous}");
            }

            var asGuest = await SendAsync(guest, method, path, form, token);
            var expected = rule.Who switch
            {
                Who.SignedIn => asGuest == HttpStatusCode.OK,
                Who.JournalClient => asGuest is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                _ => asGuest is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
            };
            if (!expected)
            {
                failures.Add($"{rule.Key} ({rule.Who}): outsider {method} {path} got {(int)asGuest}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing the outsider tried changed the demo school.
        var admin = new OidcHttpBrowser(env.Stack.WebUrl);
        await admin.SignInAsync(env.User("admin").Login, env.User("admin").Password);
        var school = await (await admin.GetAsync($"/Schools/{ids.School}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Чужой", school);
        Assert.DoesNotContain("evil", school);
        var consents = await (await admin.GetAsync($"/Schools/{ids.School}/Consents")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Чужая школа", consents);
        Assert.DoesNotContain(env.User("guest").LastName, consents);
    }

    [Fact]
    public async Task An_outsider_is_refused_by_every_hub_method_on_a_class_chat_and_sees_only_their_own_data()
    {
        var ids = await DemoIds.CreateAsync(env);
        await using var guest = await ChatClient.ConnectAsync(env, "guest");
        foreach (var (method, who, args) in HubMethods)
        {
            if (method is "Notifications" or "MarkNotificationRead" or "MarkAllNotificationsRead")
            {
                // The caller's own centre only: there is no way to name anyone else's.
                var own = await guest.Connection.InvokeAsync<Sferum.Notifications.NotificationList>("Notifications");
                Assert.DoesNotContain(own.Items, n => n.ChatId == ids.ClassChat);
                Assert.Equal(0, await guest.Connection.InvokeAsync<int>("MarkAllNotificationsRead"));
                var unknown = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync<int>("MarkNotificationRead", Guid.NewGuid()));
                Assert.Contains("notification.unknown", unknown.Message, StringComparison.Ordinal);
                continue;
            }

            if (args is null)
            {
                var ownChats = method == "Search"
                    ? (await guest.Connection.InvokeAsync<List<Sferum.Chats.ChatMessage>>("Search", "урок")).Select(m => m.ChatId)
                    : (await guest.Connection.InvokeAsync<List<Sferum.Chats.ChatSummary>>("Chats")).Select(c => c.ChatId);
                Assert.DoesNotContain(ids.ClassChat, ownChats);
                continue;
            }

            var error = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeCoreAsync(method, typeof(object), args(ids)));
            Assert.True(error.Message.Contains("forbidden", StringComparison.Ordinal), $"{method} ({who}): {error.Message}");
        }
    }

    private static async Task<HttpStatusCode> SendAsync(OidcHttpBrowser browser, HttpMethod method, string path, Dictionary<string, string>? form, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            var fields = new Dictionary<string, string>(form);
            if (token is not null)
            {
                fields["__RequestVerificationToken"] = token;
                request.Headers.Add("RequestVerificationToken", token);
            }

            // A JSON API gets its body as JSON (given as the single field "$json"); the token still travels in the header.
            if (form.TryGetValue(Json, out var json))
            {
                request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                using var jsonResponse = await browser.SendAsync(request);
                return jsonResponse.StatusCode;
            }

            var content = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                content.Add(new StringContent(value), key);
            }

            content.Add(new ByteArrayContent("a;b\r\n"u8.ToArray()), "files", "list.csv");
            request.Content = content;
        }

        using var response = await browser.SendAsync(request);
        return response.StatusCode;
    }

    private const string Json = "$json";

    private static void AssertSame(string what, IEnumerable<string> actual, IEnumerable<string> listed)
    {
        var missing = actual.Except(listed).ToList();
        var stale = listed.Except(actual).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"The authorization matrix is out of date for {what}.\nWithout a rule:\n  {string.Join("\n  ", missing)}\nListed but gone:\n  {string.Join("\n  ", stale)}");
    }
}
