using System.Security.Cryptography;
using System.Text;

namespace Sferum.Scheduling;

/// <summary>A scheduled message's id from its chat, author and the device's client id: a retried request lands on the same one.</summary>
public static class ScheduledIds
{
    public static Guid For(Guid chatId, Guid authorId, string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"scheduled:{chatId:N}:{authorId:N}:{clientId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
