using System.Globalization;
using System.Text;
using Sferum.Chats;
using Sferum.Meetings;
using Sferum.Web.Errors;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Meetings;

/// <summary>
/// Video meetings as JSON (the meeting page and the chat's card use the same calls). Every call goes to the meeting's
/// grain, which checks the caller against the meeting's chat and host; the web checks chat membership first for the
/// start, so an outsider learns nothing about the chat.
/// </summary>
public static class MeetingsApi
{
    public sealed record StartRequest(string ClientId, MeetingKind Kind, string? Title, DateTimeOffset? StartsAt = null, bool Record = false);

    public sealed record PersonRequest(Guid? UserId, bool Allowed = true);

    public sealed record SwitchRequest(bool On);

    public sealed record GuestRequest(string? Name, int Hours = 24);

    public sealed record BreakoutsRequest(List<List<Guid>>? Groups, int Count = 2);

    public sealed record VisitRequest(int? Group);

    public sealed record NoticeRequest(string? Text);

    public sealed record GuestLinkView(string Link, string Name, DateTimeOffset ValidUntil);

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chats/{chatId:guid}/meetings", StartAsync).RequireAuthorization().RequireAntiforgeryHeader()
            .WithTags("Видеовстречи").WithName("StartMeeting").WithSummary("Начать или запланировать встречу в чате");
        var group = app.MapGroup("/api/meetings/{meetingId:guid}").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Видеовстречи");
        group.MapGet("/", (Guid meetingId, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, (m, u) => m.GetAsync(u))).WithName("GetMeeting").WithSummary("Встреча, её участники и зал ожидания");
        group.MapPost("/enter", (Guid meetingId, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, (m, u) => m.EnterAsync(u))).WithName("EnterMeeting").WithSummary("Войти (или встать в зал ожидания)");
        group.MapPost("/admit", (Guid meetingId, PersonRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.AdmitAsync(u, request.UserId); return await m.GetAsync(u); }))
            .WithName("AdmitToMeeting").WithSummary("Впустить из зала ожидания одного или всех");
        group.MapPost("/publish", (Guid meetingId, PersonRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.AllowPublishAsync(u, Required(request.UserId), request.Allowed); return await m.GetAsync(u); }))
            .WithName("AllowPublish").WithSummary("Дать или забрать слово");
        group.MapPost("/lock", (Guid meetingId, SwitchRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.LockPublishingAsync(u, request.On); return await m.GetAsync(u); }))
            .WithName("LockPublishing").WithSummary("Запретить всем, кроме организатора, включать камеру и микрофон");
        group.MapPost("/hand", (Guid meetingId, SwitchRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.RaiseHandAsync(u, request.On); return await m.GetAsync(u); }))
            .WithName("RaiseHand").WithSummary("Поднять или опустить руку");
        group.MapPost("/remove", (Guid meetingId, PersonRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.RemoveAsync(u, Required(request.UserId)); return await m.GetAsync(u); }))
            .WithName("RemoveFromMeeting").WithSummary("Удалить участника из встречи");
        group.MapPost("/recording", (Guid meetingId, SwitchRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.SetRecordingAsync(u, request.On); return await m.GetAsync(u); }))
            .WithName("RecordMeeting").WithSummary("Включить или выключить запись");
        group.MapPost("/end", (Guid meetingId, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.EndAsync(u); return await m.GetAsync(u); }))
            .WithName("EndMeeting").WithSummary("Завершить встречу для всех");
        group.MapPost("/guests", (Guid meetingId, GuestRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) =>
            {
                var secret = await m.InviteGuestAsync(u, request.Name ?? "", TimeSpan.FromHours(request.Hours));
                return new GuestLinkView($"/Meetings/{meetingId}/guest/{secret}", request.Name!.Trim(), DateTimeOffset.UtcNow.AddHours(request.Hours));
            })).WithName("InviteGuest").WithSummary("Персональная ссылка для гостя из другой школы (вебинар)");
        group.MapPost("/breakouts", (Guid meetingId, BreakoutsRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) =>
            {
                await m.OpenBreakoutsAsync(u, request.Groups?.Select(g => (IReadOnlyList<Guid>)g).ToList(), request.Count);
                return await m.GetAsync(u);
            })).WithName("OpenBreakouts").WithSummary("Разделить урок на группы (вручную или случайно)");
        group.MapPost("/breakouts/visit", (Guid meetingId, VisitRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.VisitBreakoutAsync(u, request.Group); return await m.GetAsync(u); }))
            .WithName("VisitBreakout").WithSummary("Зайти в группу или вернуться в общий зал");
        group.MapPost("/breakouts/notice", (Guid meetingId, NoticeRequest request, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.NotifyBreakoutsAsync(u, request.Text ?? ""); return await m.GetAsync(u); }))
            .WithName("NotifyBreakouts").WithSummary("Сообщение всем группам");
        group.MapPost("/breakouts/call", (Guid meetingId, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.CallHostAsync(u); return await m.GetAsync(u); }))
            .WithName("CallHost").WithSummary("Позвать учителя в свою группу");
        group.MapPost("/breakouts/close", (Guid meetingId, HttpContext http, IClusterClient cluster) =>
            Run(meetingId, http, cluster, async (m, u) => { await m.CloseBreakoutsAsync(u); return await m.GetAsync(u); }))
            .WithName("CloseBreakouts").WithSummary("Вернуть всех в общий зал");
        group.MapGet("/attendance.csv", AttendanceAsync).WithName("MeetingAttendance").WithSummary("Посещаемость (таблица CSV)");
        return app;
    }

    private static async Task<IResult> StartAsync(Guid chatId, StartRequest request, HttpContext http, IClusterClient cluster)
    {
        var userId = http.User.GetUserId();
        if (!await cluster.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            return TypedResults.Forbid();
        }

        if (!Enum.IsDefined(request.Kind))
        {
            return TypedResults.Problem("Неизвестный вид встречи.", statusCode: StatusCodes.Status400BadRequest, type: "meeting.kind");
        }

        var meetingId = MeetingIds.For(chatId, userId, request.ClientId ?? "");
        if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 64)
        {
            return TypedResults.Problem("Нет идентификатора встречи от приложения.", statusCode: StatusCodes.Status400BadRequest, type: "meeting.client-id-invalid");
        }

        return await ApiErrors.RunAsync(() => cluster.GetGrain<IMeetingGrain>(meetingId)
            .CreateAsync(userId, new MeetingDraft(chatId, request.Kind, request.Title ?? "", request.StartsAt, request.Record)));
    }

    private static async Task<IResult> AttendanceAsync(Guid meetingId, HttpContext http, IClusterClient cluster,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer)
    {
        var userId = http.User.GetUserId();
        var meeting = cluster.GetGrain<IMeetingGrain>(meetingId);
        try
        {
            var view = await meeting.GetAsync(userId);
            var entries = await meeting.AttendanceAsync(userId);
            var clock = await SchoolClocks.ForSchoolAsync(cluster, view.SchoolId);
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AttendanceTable.Csv(entries, DateTimeOffset.UtcNow, clock,
                new AttendanceTable.Texts(localizer["Attendance.CsvHeader"], localizer["Attendance.StillIn"])))).ToArray(),
                "text/csv; charset=utf-8", localizer["Attendance.FileName", view.Title, view.StartedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""]);
        }
        catch (Common.DomainException ex)
        {
            return ApiErrors.From(ex);
        }
    }

    private static Guid Required(Guid? userId) =>
        userId ?? throw new Common.DomainException("meeting.person-unknown", "Не указан участник.") { Key = "meeting.person-missing" };

    private static Task<IResult> Run<T>(Guid meetingId, HttpContext http, IClusterClient cluster, Func<IMeetingGrain, Guid, Task<T>> action) =>
        ApiErrors.RunAsync(() => action(cluster.GetGrain<IMeetingGrain>(meetingId), http.User.GetUserId()));
}
