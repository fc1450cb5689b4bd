using Sferum.Chats;
using Sferum.Moderation;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// Moderation as JSON: members report messages; moderators hide, mute and remove; teachers and admins list and act
/// on reports; admins read any chat of their school for safety (each read audited). The grains check every right.
/// </summary>
public static class ModerationApi
{
    public sealed record ReportRequest(ReportReason Reason, string? Comment = null);

    public sealed record ReportCreated(Guid ReportId);

    public sealed record MuteRequest(int Hours);

    public sealed record ActRequest(ReportAction Action, int MuteHours = 0);

    public static IEndpointRouteBuilder MapModeration(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/chats/{chatId:guid}").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Модерация");
        chat.MapPost("/messages/{seq:long}/report", ReportAsync).WithName("ReportMessage").WithSummary("Пожаловаться на сообщение");
        chat.MapPost("/messages/{seq:long}/hide", HideAsync).WithName("HideMessage").WithSummary("Скрыть сообщение (модератор)");
        chat.MapPost("/members/{userId:guid}/mute", MuteAsync).WithName("MuteMember").WithSummary("Запретить участнику писать на время");
        chat.MapPost("/members/{userId:guid}/remove", RemoveAsync).WithName("RemoveMember").WithSummary("Удалить участника из чата");
        chat.MapGet("/review", ReviewAsync).WithName("ReviewChat").WithSummary("Прочитать чат для проверки безопасности (администратор; записывается в журнал)");

        var school = app.MapGroup("/api/schools/{schoolId:guid}/reports").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Модерация");
        school.MapGet("/", ListAsync).WithName("ListReports").WithSummary("Жалобы, которые может разобрать пользователь");
        school.MapPost("/{reportId:guid}/act", ActAsync).WithName("ActOnReport").WithSummary("Разобрать жалобу");
        return app;
    }

    private static async Task<IResult> ReportAsync(Guid chatId, long seq, ReportRequest request, HttpContext http, IClusterClient cluster)
    {
        var userId = http.User.GetUserId();
        return await ApiErrors.RunAsync(async () =>
        {
            var access = await cluster.GetGrain<IChatGrain>(chatId).GetAccessAsync(userId);
            return new ReportCreated(await cluster.GetGrain<IModerationGrain>(access.SchoolId)
                .ReportAsync(userId, chatId, seq, request.Reason, request.Comment));
        });
    }

    private static Task<IResult> HideAsync(Guid chatId, long seq, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IChatGrain>(chatId).HideAsync(http.User.GetUserId(), seq));

    private static Task<IResult> MuteAsync(Guid chatId, Guid userId, MuteRequest request, HttpContext http, IClusterClient cluster, TimeProvider clock) =>
        ApiErrors.RunAsync(async () =>
        {
            // The chat grain holds the rule (in the future, at most a week): 0 hours or 200 are refused there.
            var until = clock.GetUtcNow().AddHours(request.Hours);
            await cluster.GetGrain<IChatGrain>(chatId).MuteAsync(http.User.GetUserId(), userId, until);
            return new { until };
        });

    private static Task<IResult> RemoveAsync(Guid chatId, Guid userId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await cluster.GetGrain<IChatGrain>(chatId).RemoveMemberAsync(http.User.GetUserId(), userId);
            return new { removed = userId };
        });

    private static Task<IResult> ReviewAsync(Guid chatId, long? before, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IChatGrain>(chatId).ReviewAsync(http.User.GetUserId(), before, 50));

    private static Task<IResult> ListAsync(Guid schoolId, bool? all, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IModerationGrain>(schoolId).ReportsAsync(http.User.GetUserId(), all == true));

    private static Task<IResult> ActAsync(Guid schoolId, Guid reportId, ActRequest request, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IModerationGrain>(schoolId).ActAsync(http.User.GetUserId(), reportId, request.Action, request.MuteHours));
}
