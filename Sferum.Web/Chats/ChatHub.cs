using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Chats;

/// <summary>
/// The browser's live connection. Every method goes to the chat grain, which checks membership and rights; a refusal
/// comes back as a HubException "code: text", the text in the reader's language (<see cref="ErrorText"/>). Events
/// arrive as "chatEvent" (with the chat's sequence number: a client that sees a gap calls <see cref="Catchup"/>),
/// "chatRemoved" when the user leaves a chat.
/// </summary>
[Authorize]
public sealed class ChatHub(
    IClusterClient cluster, ChatRelay relay, Web.Notifications.NotificationRelay notifications, UserChats userChats, Sessions.SessionConnections sessions,
    Telemetry.WebMetrics metrics, ILogger<ChatHub> logger)
    : Hub
{
    private Guid UserId => Context.User!.GetUserId();

    public override async Task OnConnectedAsync()
    {
        // Ending the session (on another device, or by an admin) closes this connection: see SessionGuard.
        sessions.Add(Guid.Parse(Context.User!.FindFirst(SferumClaims.SessionId)!.Value), Context);
        metrics.ConnectionOpened();
        await notifications.AddAsync(UserId, Context.ConnectionId);
        // A page that is not a chat (the notification badge of any other page) asks for notifications only.
        if (Context.GetHttpContext()?.Request.Query["scope"].ToString() == "notifications")
        {
            await base.OnConnectedAsync();
            return;
        }

        // Only the ids: a connecting device needs live delivery, not the chat list's summaries.
        foreach (var chatId in await cluster.GetGrain<IUserGrain>(UserId).GetChatIdsAsync())
        {
            await relay.AddAsync(chatId, Context.ConnectionId, UserId, waitForFeed: false);
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Remove(Context.ConnectionId);
        metrics.ConnectionClosed();
        await relay.RemoveConnectionAsync(Context.ConnectionId);
        await notifications.RemoveAsync(UserId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Starts live delivery of a chat on this connection (e.g. one the user joined after connecting).</summary>
    public Task Open(Guid chatId) => Run(async () =>
    {
        if (!await cluster.GetGrain<IChatGrain>(chatId).IsMemberAsync(UserId))
        {
            throw DomainException.Forbidden("chat.forbidden-not-member", "Вы не участник этого чата.");
        }

        await relay.AddAsync(chatId, Context.ConnectionId, UserId);
        return true;
    });

    public Task<ChatMessage> Send(Guid chatId, string clientId, string text, long? replyTo) =>
        Run(() => Chat(chatId).SendAsync(UserId, new SendMessage(clientId, text, replyTo)));

    /// <summary>Sends a message with files uploaded before through <c>POST /api/chats/{chatId}/files</c>.</summary>
    public Task<ChatMessage> SendWithFiles(Guid chatId, string clientId, string? text, long? replyTo, List<ChatAttachment> attachments) =>
        Run(() => Chat(chatId).SendAsync(UserId, new SendMessage(clientId, text ?? "", replyTo, attachments)));

    /// <summary>Sends a message that names members picked after @ (by id; the chat keeps only its members), with files or without.</summary>
    public Task<ChatMessage> SendMentioning(Guid chatId, string clientId, string? text, long? replyTo, List<ChatAttachment>? attachments, List<Guid> mentions) =>
        Run(() => Chat(chatId).SendAsync(UserId, new SendMessage(clientId, text ?? "", replyTo, attachments, Mentions: mentions)));

    /// <summary>The caller's own notification centre, newest first.</summary>
    public Task<Sferum.Notifications.NotificationList> Notifications() => Run(() => Centre.ListAsync(UserId));

    /// <summary>Marks one of the caller's notifications read; returns the unread count.</summary>
    public Task<int> MarkNotificationRead(Guid notificationId) => Run(() => Centre.MarkReadAsync(UserId, notificationId));

    public Task<int> MarkAllNotificationsRead() => Run(() => Centre.MarkAllReadAsync(UserId));

    private Sferum.Notifications.INotificationsGrain Centre => cluster.GetGrain<Sferum.Notifications.INotificationsGrain>(UserId);

    public Task<ChatMessage> Edit(Guid chatId, long seq, string text) => Run(() => Chat(chatId).EditAsync(UserId, seq, text));

    public Task<ChatMessage> Delete(Guid chatId, long seq) => Run(() => Chat(chatId).DeleteAsync(UserId, seq));

    public Task<ChatMessage> React(Guid chatId, long seq, string emoji, bool on) => Run(() => Chat(chatId).ReactAsync(UserId, seq, emoji, on));

    public Task<ChatPage> History(Guid chatId, long? beforeSeq, long? afterSeq, int limit) =>
        Run(() => Chat(chatId).HistoryAsync(UserId, beforeSeq, afterSeq, limit));

    public Task<IReadOnlyList<ChatEvent>> Catchup(Guid chatId, long afterSeq) => Run(() => Chat(chatId).CatchupAsync(UserId, afterSeq, 500));

    public Task MarkRead(Guid chatId, long seq) => Run(async () =>
    {
        await Chat(chatId).MarkReadAsync(UserId, seq);
        return true;
    });

    public Task<ReadReceipt> Receipt(Guid chatId, long seq) => Run(() => Chat(chatId).GetReceiptAsync(UserId, seq));

    public Task<ChatMessage> Pin(Guid chatId, long seq, bool on) => Run(() => Chat(chatId).PinAsync(UserId, seq, on));

    public Task<IReadOnlyList<ChatMessage>> Pinned(Guid chatId) => Run(() => Chat(chatId).PinnedAsync(UserId));

    public Task<IReadOnlyList<ChatMessage>> Search(string query) => Run(() => cluster.GetGrain<IMessageSearchGrain>(0).SearchAsync(UserId, query));

    public Task<List<ChatSummary>> Chats() => Run(() => userChats.ListAsync(UserId));

    private IChatGrain Chat(Guid chatId) => cluster.GetGrain<IChatGrain>(chatId);

    private async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DomainException ex)
        {
            logger.LogInformation("Hub call refused for {UserId}: {Code}", UserId, ex.Code);
            // The language the connection was opened in: hub calls run outside any request's pipeline.
            var language = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
            throw new HubException($"{ex.Code}: {ErrorText.Of(ex, language)}");
        }
    }
}
