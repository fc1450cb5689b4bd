using Sferum.Chats;
using Sferum.Polls;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// Polls in a chat, as JSON (the chat page uses the same calls). The web checks that the caller is in the chat of the
/// address; the poll's grain checks again against the poll's own chat, so a mismatched address gains nothing.
/// </summary>
public static class PollsApi
{
    public sealed record CreatePollRequest(string ClientId, string Question, List<string> Options, bool Multiple = false, bool Anonymous = false,
        DateTimeOffset? Deadline = null);

    public sealed record VoteRequest(List<int> Options, string? Receipt = null);

    public static IEndpointRouteBuilder MapPolls(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats/{chatId:guid}/polls").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Опросы");
        group.MapPost("/", CreateAsync).WithName("CreatePoll").WithSummary("Опубликовать опрос в чате");
        group.MapGet("/{pollId:guid}", GetAsync).WithName("GetPoll").WithSummary("Опрос и его результаты");
        group.MapPost("/{pollId:guid}/vote", VoteAsync).WithName("VotePoll").WithSummary("Проголосовать или изменить голос");
        group.MapPost("/{pollId:guid}/close", CloseAsync).WithName("ClosePoll").WithSummary("Закрыть опрос досрочно");
        group.MapGet("/{pollId:guid}/non-voters", NonVotersAsync).WithName("PollNonVoters").WithSummary("Кто ещё не ответил");
        return app;
    }

    private static async Task<IResult> CreateAsync(Guid chatId, CreatePollRequest request, HttpContext http, IClusterClient cluster)
    {
        var userId = http.User.GetUserId();
        if (!await cluster.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            return TypedResults.Forbid();
        }

        var pollId = PollIds.For(chatId, userId, request.ClientId ?? "");
        return await ApiErrors.RunAsync(() => cluster.GetGrain<IPollGrain>(pollId).CreateAsync(userId, chatId, request.ClientId ?? "",
            new PollDraft(request.Question ?? "", request.Options ?? [], request.Multiple, request.Anonymous, request.Deadline)));
    }

    private static Task<IResult> GetAsync(Guid chatId, Guid pollId, HttpContext http, IClusterClient cluster) =>
        InChatAsync(chatId, http, cluster, user => cluster.GetGrain<IPollGrain>(pollId).GetAsync(user));

    private static Task<IResult> VoteAsync(Guid chatId, Guid pollId, VoteRequest request, HttpContext http, IClusterClient cluster) =>
        InChatAsync(chatId, http, cluster, user => cluster.GetGrain<IPollGrain>(pollId).VoteAsync(user, request.Options ?? [], request.Receipt));

    private static Task<IResult> CloseAsync(Guid chatId, Guid pollId, HttpContext http, IClusterClient cluster) =>
        InChatAsync(chatId, http, cluster, user => cluster.GetGrain<IPollGrain>(pollId).CloseAsync(user));

    private static Task<IResult> NonVotersAsync(Guid chatId, Guid pollId, HttpContext http, IClusterClient cluster) =>
        InChatAsync(chatId, http, cluster, user => cluster.GetGrain<IPollGrain>(pollId).NonVotersAsync(user));

    private static async Task<IResult> InChatAsync<T>(Guid chatId, HttpContext http, IClusterClient cluster, Func<Guid, Task<T>> action)
    {
        var userId = http.User.GetUserId();
        if (!await cluster.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            return TypedResults.Forbid();
        }

        return await ApiErrors.RunAsync(() => action(userId));
    }
}
