using System.Security.Cryptography;
using System.Text;

namespace Sferum.Common;

/// <summary>
/// Ids derived from where and by whom something was made and the device's client id (a poll, a scheduled message):
/// a request retried after a lost answer lands on the same grain instead of making a second one.
/// </summary>
public static class ClientIds
{
    public static Guid For(string kind, Guid chatId, Guid authorId, string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{chatId:N}:{authorId:N}:{clientId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
