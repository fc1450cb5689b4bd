using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Telemetry;
using Sferum.Web.Chats;
using Sferum.Web.Identity;
using Sferum.Web.Operations;

namespace Sferum.Web.Pages.Admin;

/// <summary>
/// The operators' status page: the cluster's silos, the database server and its standbys, the video server, and the
/// build each runs. Each part is read on its own: one that does not answer is shown as such, the others still are.
/// </summary>
public sealed class StatusModel(ClusterStatus cluster, DatabaseStatus database, VideoServerStatus video, ChatRelay relay) : PageModel
{
    public string WebBuild => BuildVersion.Current;

    public string WebHost => Environment.MachineName;

    public int WatchedChats => relay.WatchedChats;

    public Part<IReadOnlyList<SiloRow>> Silos { get; private set; } = null!;

    public Part<DatabaseReport> Database { get; private set; } = null!;

    public VideoServerReport Video { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var silos = Part<IReadOnlyList<SiloRow>>.ReadAsync(() => cluster.ReadAsync(User.GetUserId()).WaitAsync(timeout.Token));
        var db = Part<DatabaseReport>.ReadAsync(() => database.ReadAsync(timeout.Token));
        var janus = video.ReadAsync(timeout.Token);
        (Silos, Database, Video) = (await silos, await db, await janus);
    }

    /// <summary>One part of the page: its value, or why it could not be read.</summary>
    public sealed record Part<T>(T? Value, string? Problem) where T : class
    {
        public static async Task<Part<T>> ReadAsync(Func<Task<T>> read)
        {
            try
            {
                return new Part<T>(await read(), null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Shown to the operator, who needs to know what failed; the page itself stays up.
                return new Part<T>(null, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
