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
    /// <summary>
    /// A phone shows about ten messages; thirty fill three screens and keep the first render short (Lighthouse's busy
    /// chat: each message carries its reactions, replies and moderation buttons). Older pages come over the hub.
    /// </summary>
    public const int FirstPageSize = 30;

    public static IEndpointRouteBuilder MapChatHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chats/{chatId:guid}/history", HistoryAsync).RequireAuthorization()
            .WithTags("Чаты").WithName("ChatHistory").WithSummary("Последние сообщения чата (участники)");
        return app;
    }

    // The chat grain answers its members only. A smaller page (the meeting's side chat asks for 20) is allowed, a
    // bigger one is not: the first page is the one thing loaded before anything else on a phone.
    private static async Task<IResult> HistoryAsync(Guid chatId, int? limit, HttpContext http, IClusterClient cluster)
    {
        if (limit is < 1 or > FirstPageSize)
        {
            return TypedResults.Problem($"Параметр «limit» — число сообщений от 1 до {FirstPageSize}.", statusCode: StatusCodes.Status400BadRequest,
                type: "history.limit");
        }

        return await ApiErrors.RunAsync(() =>
            cluster.GetGrain<IChatGrain>(chatId).HistoryAsync(http.User.GetUserId(), null, null, limit ?? FirstPageSize));
    }
}
