using Sferum.Communities;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// A school's community directory as JSON: what the user may find, creating (staff), settings and leaders (its
/// leaders), join requests and decisions. The directory's grain checks every right.
/// </summary>
public static class CommunitiesApi
{
    public sealed record JoinRequestBody(string? Note = null);

    public sealed record AdminBody(bool Admin);

    public static IEndpointRouteBuilder MapCommunities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/schools/{schoolId:guid}/communities").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Сообщества");
        group.MapGet("/", ListAsync).WithName("ListCommunities").WithSummary("Сообщества школы, доступные пользователю");
        group.MapPost("/", CreateAsync).WithName("CreateCommunity").WithSummary("Создать сообщество (сотрудники школы)");
        group.MapPut("/{chatId:guid}", UpdateAsync).WithName("UpdateCommunity").WithSummary("Изменить название, описание и для кого открыто");
        group.MapPost("/{chatId:guid}/join", JoinAsync).WithName("RequestJoinCommunity").WithSummary("Попросить принять в сообщество");
        group.MapGet("/{chatId:guid}/requests", RequestsAsync).WithName("CommunityRequests").WithSummary("Заявки на вступление");
        group.MapPost("/{chatId:guid}/requests/{userId:guid}/approve", (Guid schoolId, Guid chatId, Guid userId, HttpContext http, IClusterClient cluster) =>
            DecideAsync(schoolId, chatId, userId, true, http, cluster)).WithName("ApproveJoin").WithSummary("Принять заявку");
        group.MapPost("/{chatId:guid}/requests/{userId:guid}/refuse", (Guid schoolId, Guid chatId, Guid userId, HttpContext http, IClusterClient cluster) =>
            DecideAsync(schoolId, chatId, userId, false, http, cluster)).WithName("RefuseJoin").WithSummary("Отклонить заявку");
        group.MapGet("/{chatId:guid}/members", MembersAsync).WithName("CommunityMembers").WithSummary("Участники и руководители");
        group.MapPost("/{chatId:guid}/admins/{userId:guid}", SetAdminAsync).WithName("SetCommunityAdmin").WithSummary("Назначить или снять руководителя");
        return app;
    }

    private static ICommunityDirectoryGrain Directory(IClusterClient cluster, Guid schoolId) => cluster.GetGrain<ICommunityDirectoryGrain>(schoolId);

    private static Task<IResult> ListAsync(Guid schoolId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => Directory(cluster, schoolId).ListAsync(http.User.GetUserId()));

    private static Task<IResult> CreateAsync(Guid schoolId, CommunitySettings settings, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () => new { chatId = await Directory(cluster, schoolId).CreateAsync(http.User.GetUserId(), settings) });

    private static Task<IResult> UpdateAsync(Guid schoolId, Guid chatId, CommunitySettings settings, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await Directory(cluster, schoolId).UpdateAsync(http.User.GetUserId(), chatId, settings);
            return settings;
        });

    private static Task<IResult> JoinAsync(Guid schoolId, Guid chatId, JoinRequestBody? body, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () => new { standing = await Directory(cluster, schoolId).RequestJoinAsync(http.User.GetUserId(), chatId, body?.Note) });

    private static Task<IResult> RequestsAsync(Guid schoolId, Guid chatId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => Directory(cluster, schoolId).RequestsAsync(http.User.GetUserId(), chatId));

    private static Task<IResult> DecideAsync(Guid schoolId, Guid chatId, Guid userId, bool approve, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await Directory(cluster, schoolId).DecideAsync(http.User.GetUserId(), chatId, userId, approve);
            return new { userId, approved = approve };
        });

    private static Task<IResult> MembersAsync(Guid schoolId, Guid chatId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => Directory(cluster, schoolId).MembersAsync(http.User.GetUserId(), chatId));

    private static Task<IResult> SetAdminAsync(Guid schoolId, Guid chatId, Guid userId, AdminBody body, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await Directory(cluster, schoolId).SetAdminAsync(http.User.GetUserId(), chatId, userId, body.Admin);
            return new { userId, admin = body.Admin };
        });
}
