using Sferum.Chats;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// A chat's newest page of messages over plain HTTP. The chat page loads its first page here rather than over the hub
/// so that the service worker can keep a copy (per signed-in session) and show the chat without a network; older
/// pages, live events and catch-up stay on the hub.
/// </summary>
public static class ChatHistoryApi
{
    /// <summary>As many messages as the hub's first page (chat.js).</summary>
    public const int FirstPageSize = 50;

    public static IEndpointRouteBuilder MapChatHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chats/{chatId:guid}/history", HistoryAsync).RequireAuthorization()
            .WithTags("Чаты").WithName("ChatHistory").WithSummary("Последние сообщения чата (участники)");
        return app;
    }

    // The chat grain answers its members only.
    private static Task<IResult> HistoryAsync(Guid chatId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IChatGrain>(chatId).HistoryAsync(http.User.GetUserId(), null, null, FirstPageSize));
}
