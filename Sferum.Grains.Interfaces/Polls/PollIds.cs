using System.Security.Cryptography;
using System.Text;

namespace Sferum.Polls;

/// <summary>A poll's id from where and by whom it was made and the device's client id: retries land on the same poll.</summary>
public static class PollIds
{
    public static Guid For(Guid chatId, Guid authorId, string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"poll:{chatId:N}:{authorId:N}:{clientId}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
