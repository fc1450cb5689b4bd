using Sferum.Chats;
using Sferum.Scheduling;
using Sferum.Schools;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// The school's quiet hours as a chat's author sees them, and messages scheduled for later (the morning, typically):
/// list one's own, schedule, cancel.
/// </summary>
public static class ScheduledMessagesApi
{
    public sealed record ScheduleRequest(string ClientId, string Text, DateTimeOffset SendAt);

    /// <summary>Whether it is quiet now at the chat's school, the window (school time) and, if quiet, when it ends.</summary>
    public sealed record QuietHoursView(bool Enabled, string Window, bool QuietNow, DateTimeOffset? EndsAt, string TimeZone);

    public static IEndpointRouteBuilder MapScheduledMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats/{chatId:guid}").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Тихие часы и отложенные сообщения");
        group.MapGet("/quiet-hours", QuietHoursAsync).WithName("ChatQuietHours").WithSummary("Тихие часы школы этого чата");
        group.MapGet("/scheduled", ListAsync).WithName("ListScheduled").WithSummary("Мои запланированные сообщения в чате");
        group.MapPost("/scheduled", ScheduleAsync).WithName("ScheduleMessage").WithSummary("Запланировать сообщение");
        group.MapDelete("/scheduled/{messageId:guid}", CancelAsync).WithName("CancelScheduled").WithSummary("Отменить запланированное сообщение");
        return app;
    }

    public static async Task<QuietHoursView> QuietHoursOfAsync(IClusterClient cluster, Guid schoolId, DateTimeOffset now)
    {
        var quiet = await cluster.GetGrain<ISchoolGrain>(schoolId).GetQuietHoursAsync();
        return new QuietHoursView(quiet.Enabled, quiet.Window, quiet.IsQuiet(now), quiet.EndOf(now), quiet.TimeZone);
    }

    // The chat answers only its members, and names its school.
    private static Task<IResult> QuietHoursAsync(Guid chatId, HttpContext http, IClusterClient cluster, TimeProvider clock) =>
        ApiErrors.RunAsync(async () => await QuietHoursOfAsync(cluster,
            (await cluster.GetGrain<IChatGrain>(chatId).GetAccessAsync(http.User.GetUserId())).SchoolId, clock.GetUtcNow()));

    private static Task<IResult> ListAsync(Guid chatId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IScheduledMessageListGrain>(0).PendingAsync(http.User.GetUserId(), chatId));

    private static Task<IResult> ScheduleAsync(Guid chatId, ScheduleRequest request, HttpContext http, IClusterClient cluster)
    {
        var userId = http.User.GetUserId();
        var id = ScheduledIds.For(chatId, userId, request.ClientId ?? "");
        return ApiErrors.RunAsync(() => cluster.GetGrain<IScheduledMessageGrain>(id)
            .ScheduleAsync(userId, chatId, request.ClientId ?? "", request.Text ?? "", request.SendAt));
    }

    private static Task<IResult> CancelAsync(Guid chatId, Guid messageId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IScheduledMessageGrain>(messageId).CancelAsync(http.User.GetUserId()));
}
