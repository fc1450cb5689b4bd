using System.Security.Claims;
using Sferum.Notifications;
using Sferum.Web.Identity;

namespace Sferum.Web.Notifications;

/// <summary>The unread count for the menu of every page (the layout asks once per page).</summary>
public sealed class NotificationBadge(IClusterClient cluster, ILogger<NotificationBadge> logger)
{
    /// <summary>The count, or null when the cluster does not answer: the page is shown without a number, and the log says why.</summary>
    public async Task<int?> UnreadAsync(ClaimsPrincipal user)
    {
        try
        {
            var userId = user.GetUserId();
            return await cluster.GetGrain<INotificationsGrain>(userId).UnreadAsync(userId).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The unread notifications could not be counted for the menu");
            return null;
        }
    }
}
