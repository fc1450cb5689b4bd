using Sferum.Chats;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>A chat's members by name, for @ in the composer: members only (the chat grain decides), names only.</summary>
public static class ChatMembersApi
{
    public static IEndpointRouteBuilder MapChatMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chats/{chatId:guid}/members", MembersAsync).RequireAuthorization()
            .WithTags("Чаты").WithName("ChatMembers").WithSummary("Участники чата по именам, для упоминаний (участники)");
        return app;
    }

    private static Task<IResult> MembersAsync(Guid chatId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IChatGrain>(chatId).MemberNamesAsync(http.User.GetUserId()));
}
