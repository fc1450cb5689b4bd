using Sferum.Announcements;
using Sferum.Chats;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// Announcements that members confirm («ознакомлен»), as JSON. Posting goes to the chat grain (which lets only the
/// chat's teachers and school admins mark a message so); confirmations and the report to the announcement's grain.
/// </summary>
public static class AnnouncementsApi
{
    public sealed record PostAnnouncementRequest(string ClientId, string Text);

    public sealed record AcknowledgementState(bool Acknowledged);

    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats/{chatId:guid}/announcements").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Объявления");
        group.MapPost("/", PostAsync).WithName("PostAnnouncement").WithSummary("Опубликовать объявление с подтверждением");
        group.MapGet("/{seq:long}/ack", StateAsync).WithName("GetAcknowledgement").WithSummary("Подтвердил ли я объявление");
        group.MapPost("/{seq:long}/ack", AcknowledgeAsync).WithName("Acknowledge").WithSummary("Подтвердить: ознакомлен");
        group.MapGet("/{seq:long}/report", ReportAsync).WithName("AnnouncementReport").WithSummary("Кто подтвердил и кто нет");
        group.MapPost("/{seq:long}/remind", RemindAsync).WithName("RemindAnnouncement").WithSummary("Напомнить не подтвердившим");
        return app;
    }

    private static Task<IResult> PostAsync(Guid chatId, PostAnnouncementRequest request, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IChatGrain>(chatId).SendAsync(http.User.GetUserId(),
            new SendMessage(request.ClientId ?? "", request.Text ?? "", null, RequiresAck: true)));

    private static Task<IResult> StateAsync(Guid chatId, long seq, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () => new AcknowledgementState(await Grain(cluster, chatId, seq).IsAcknowledgedAsync(http.User.GetUserId())));

    private static Task<IResult> AcknowledgeAsync(Guid chatId, long seq, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await Grain(cluster, chatId, seq).AcknowledgeAsync(http.User.GetUserId());
            return new AcknowledgementState(true);
        });

    private static Task<IResult> ReportAsync(Guid chatId, long seq, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => Grain(cluster, chatId, seq).ReportAsync(http.User.GetUserId()));

    private static Task<IResult> RemindAsync(Guid chatId, long seq, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => Grain(cluster, chatId, seq).RemindAsync(http.User.GetUserId()));

    // The grain is keyed by the chat of the address: it checks the caller's membership there itself.
    private static IAnnouncementGrain Grain(IClusterClient cluster, Guid chatId, long seq) =>
        cluster.GetGrain<IAnnouncementGrain>(AnnouncementKeys.For(chatId, seq));
}
