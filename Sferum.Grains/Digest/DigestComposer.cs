using System.Net;
using System.Text;
using MimeKit;

namespace Sferum.Digest;

/// <summary>
/// The letter itself (pure): Russian plain text and simple HTML, a link to each chat, and the RFC 8058 one-click
/// unsubscribe headers. Its Message-ID is made from the digest's id, so a resend is recognisably the same letter.
/// </summary>
public static class DigestComposer
{
    public static MimeMessage Compose(DigestLetter letter, string fromAddress, string fromName)
    {
        var total = letter.Chats.Sum(c => c.Count);
        var message = new MimeMessage
        {
            Subject = $"Сферум: {DigestCounts.Messages(total)} без ответа — {DigestCounts.Chats(letter.Chats.Count)}",
            MessageId = MessageId(letter.DigestId, fromAddress),
        };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        message.Headers.Add("List-Unsubscribe", $"<{letter.Unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = Text(letter, total), HtmlBody = Html(letter, total) }.ToMessageBody();
        return message;
    }

    /// <summary>"digest-{id}@{the sender's domain}".</summary>
    public static string MessageId(Guid digestId, string fromAddress) =>
        $"digest-{digestId:N}@{(fromAddress.Split('@') is [_, var domain] && domain.Length > 0 ? domain : "sferum.local")}";

    private static string Text(DigestLetter letter, int total)
    {
        var text = new StringBuilder();
        text.AppendLine($"Здравствуйте, {letter.ToName}!").AppendLine();
        text.AppendLine($"В Сферуме вас ждут {DigestCounts.Messages(total)}:").AppendLine();
        foreach (var chat in letter.Chats)
        {
            text.AppendLine($"«{chat.Title}» — {DigestCounts.Messages(chat.Count)}. Написали: {string.Join(", ", chat.Authors)}.");
            foreach (var quote in chat.Quotes ?? [])
            {
                text.AppendLine($"  {quote.Author}: {quote.Text}");
            }

            text.AppendLine($"Открыть чат: {chat.Link.AbsoluteUri}").AppendLine();
        }

        text.AppendLine("Это письмо отправлено, потому что в Сферуме включена сводка на почту.");
        text.AppendLine($"Настроить сводку: {letter.Settings.AbsoluteUri}");
        text.AppendLine($"Отписаться одним нажатием: {letter.Unsubscribe.AbsoluteUri}");
        return text.ToString();
    }

    private static string Html(DigestLetter letter, int total)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Сводка Сферума</title></head>");
        html.Append("<body style=\"font-family:sans-serif;line-height:1.4\">");
        html.Append($"<p>Здравствуйте, {E(letter.ToName)}!</p><p>В Сферуме вас ждут {E(DigestCounts.Messages(total))}:</p><ul>");
        foreach (var chat in letter.Chats)
        {
            html.Append($"<li><p><a href=\"{E(chat.Link.AbsoluteUri)}\"><strong>{E(chat.Title)}</strong></a> — {E(DigestCounts.Messages(chat.Count))}.");
            html.Append($" Написали: {E(string.Join(", ", chat.Authors))}.</p>");
            if (chat.Quotes is { Count: > 0 } quotes)
            {
                html.Append("<ul>");
                foreach (var quote in quotes)
                {
                    html.Append($"<li><strong>{E(quote.Author)}:</strong> {E(quote.Text)}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        html.Append("</ul><p style=\"color:#555;font-size:90%\">Это письмо отправлено, потому что в Сферуме включена сводка на почту. ");
        html.Append($"<a href=\"{E(letter.Settings.AbsoluteUri)}\">Настроить сводку</a> · ");
        html.Append($"<a href=\"{E(letter.Unsubscribe.AbsoluteUri)}\">Отписаться</a></p></body></html>");
        return html.ToString();
    }
}
