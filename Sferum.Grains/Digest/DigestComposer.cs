using System.Net;
using System.Text;
using MimeKit;
using Sferum.Localization;

namespace Sferum.Digest;

/// <summary>
/// The letter itself (pure): plain text and simple HTML in the texts of GrainTexts.resx, a link to each chat, and the RFC 8058 one-click
/// unsubscribe headers. Its Message-ID is made from the digest's id, so a resend is recognisably the same letter.
/// </summary>
public static class DigestComposer
{
    public static MimeMessage Compose(DigestLetter letter, string fromAddress, string fromName)
    {
        var total = letter.Chats.Sum(c => c.Count);
        var message = new MimeMessage
        {
            Subject = GrainTexts.Format("Digest.Subject", DigestCounts.Messages(total), DigestCounts.Chats(letter.Chats.Count)),
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
        text.AppendLine(GrainTexts.Format("Digest.Greeting", letter.ToName)).AppendLine();
        text.AppendLine(GrainTexts.Format("Digest.Waiting", DigestCounts.Messages(total))).AppendLine();
        foreach (var chat in letter.Chats)
        {
            text.AppendLine(GrainTexts.Format("Digest.Chat", chat.Title, DigestCounts.Messages(chat.Count)) + " " + GrainTexts.Format("Digest.Wrote", string.Join(", ", chat.Authors)));
            foreach (var quote in chat.Quotes ?? [])
            {
                text.AppendLine($"  {quote.Author}: {quote.Text}");
            }

            text.AppendLine(GrainTexts.Format("Digest.OpenChat", chat.Link.AbsoluteUri)).AppendLine();
        }

        text.AppendLine(GrainTexts.Get("Digest.Why"));
        text.AppendLine($"{GrainTexts.Get("Digest.Settings")}: {letter.Settings.AbsoluteUri}");
        text.AppendLine(GrainTexts.Format("Digest.UnsubscribeAt", letter.Unsubscribe.AbsoluteUri));
        return text.ToString();
    }

    private static string Html(DigestLetter letter, int total)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{GrainTexts.Language.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{E(GrainTexts.Get("Digest.Title"))}</title></head>");
        html.Append("<body style=\"font-family:sans-serif;line-height:1.4\">");
        html.Append($"<p>{E(GrainTexts.Format("Digest.Greeting", letter.ToName))}</p><p>{E(GrainTexts.Format("Digest.Waiting", DigestCounts.Messages(total)))}</p><ul>");
        foreach (var chat in letter.Chats)
        {
            html.Append($"<li><p><a href=\"{E(chat.Link.AbsoluteUri)}\"><strong>{E(chat.Title)}</strong></a> — {E(DigestCounts.Messages(chat.Count))}.");
            html.Append($" {E(GrainTexts.Format("Digest.Wrote", string.Join(", ", chat.Authors)))}</p>");
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

        html.Append($"</ul><p style=\"color:#555;font-size:90%\">{E(GrainTexts.Get("Digest.Why"))} ");
        html.Append($"<a href=\"{E(letter.Settings.AbsoluteUri)}\">{E(GrainTexts.Get("Digest.Settings"))}</a> · ");
        html.Append($"<a href=\"{E(letter.Unsubscribe.AbsoluteUri)}\">{E(GrainTexts.Get("Digest.Unsubscribe"))}</a></p></body></html>");
        return html.ToString();
    }
}
