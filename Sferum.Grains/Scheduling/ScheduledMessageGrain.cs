using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Scheduling;

/// <summary>
/// One scheduled message. Its reminder fires at the send time and then every minute until the send succeeded (a
/// database outage at 08:00 delays the message, it does not lose it); the chat's client id makes a repeated send
/// harmless.
/// </summary>
public sealed class ScheduledMessageGrain(ScheduledMessageStore store, IOptions<ChatOptions> options, TimeProvider clock,
    ILogger<ScheduledMessageGrain> logger) : Grain, IScheduledMessageGrain, IRemindable
{
    public const string ReminderName = "send";
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(30);

    private Guid Id => this.GetPrimaryKey();

    public async Task<ScheduledMessage> ScheduleAsync(Guid userId, Guid chatId, string clientId, string text, DateTimeOffset sendAt)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64 || ScheduledIds.For(chatId, userId, clientId) != Id)
        {
            throw new DomainException("schedule.client-id-invalid", "Нет идентификатора сообщения от приложения.");
        }

        if (await store.GetAsync(Id) is { } existing)
        {
            return existing;
        }

        if (!(await GrainFactory.GetGrain<IChatGrain>(chatId).GetAccessAsync(userId)).CanPost)
        {
            throw DomainException.Forbidden("chat.forbidden-read-only", "В этом чате вы можете только читать.");
        }

        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new DomainException("message.empty", "Сообщение пустое.");
        }

        if (text.Length > options.Value.MaxMessageLength)
        {
            throw new DomainException("message.too-long", "Сообщение длиннее {0} символов.", options.Value.MaxMessageLength);
        }

        var now = clock.GetUtcNow();
        if (sendAt <= now)
        {
            throw new DomainException("schedule.past", "Время отправки уже прошло: выберите время в будущем.");
        }

        if (sendAt - now > MaxAhead)
        {
            throw new DomainException("schedule.too-far", "Запланировать сообщение можно не больше чем на 30 дней вперёд.");
        }

        var message = new ScheduledMessage(Id, chatId, userId, text, sendAt, null, null, null);
        await store.AddAsync(message);
        await this.RegisterOrUpdateReminder(ReminderName, sendAt - now, TimeSpan.FromMinutes(1));
        return message;
    }

    public async Task<ScheduledMessage> CancelAsync(Guid userId)
    {
        var message = await store.GetAsync(Id);
        if (message is null || message.AuthorId != userId)
        {
            throw new DomainException("schedule.unknown", "Такого запланированного сообщения нет.");
        }

        if (message.SentAt is not null)
        {
            throw new DomainException("schedule.sent", "Сообщение уже отправлено: его можно удалить в чате.");
        }

        await store.MarkCancelledAsync(Id, clock.GetUtcNow());
        await StopReminderAsync();
        return (await store.GetAsync(Id))!;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var message = await store.GetAsync(Id);
        if (message is null || !message.Pending)
        {
            await StopReminderAsync();
            return;
        }

        try
        {
            var sent = await GrainFactory.GetGrain<IChatGrain>(message.ChatId)
                .SendAsync(message.AuthorId, new SendMessage($"scheduled-{Id:N}", message.Text, null));
            await store.MarkSentAsync(Id, sent.Seq, clock.GetUtcNow());
            await StopReminderAsync();
        }
        catch (DomainException ex) when (ex.Code is not (Chats.ChatGrain.NotSaved or Chats.ChatGrain.Unconfirmed) && !ex.Code.EndsWith("rate-limited", StringComparison.Ordinal))
        {
            // The author may no longer write there (left the class, muted): the message is not sent, and shows as cancelled.
            logger.LogWarning("Scheduled message {Id} was not sent: {Code}", Id, ex.Code);
            await store.MarkCancelledAsync(Id, clock.GetUtcNow());
            await StopReminderAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scheduled message {Id} could not be sent yet; the reminder tries again in a minute", Id);
        }
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

/// <summary>Reads a person's pending scheduled messages; the chat checks they are still a member.</summary>
[StatelessWorker]
public sealed class ScheduledMessageListGrain(ScheduledMessageStore store) : Grain, IScheduledMessageListGrain
{
    public async Task<IReadOnlyList<ScheduledMessage>> PendingAsync(Guid userId, Guid chatId)
    {
        if (!await GrainFactory.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            throw DomainException.Forbidden("chat.forbidden-not-member", "Вы не участник этого чата.");
        }

        return await store.PendingAsync(userId, chatId);
    }
}
