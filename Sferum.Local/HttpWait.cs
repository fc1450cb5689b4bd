namespace Sferum.Local;

/// <summary>Polls an HTTP endpoint until it answers 200, a process dies, or time runs out.</summary>
public static class HttpWait
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task UntilOkAsync(string url, TimeSpan timeout, ServiceProcess? watched = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (watched is { HasExited: true })
            {
                throw new InvalidOperationException($"{watched.Name} exited with code {watched.ExitCode} before {url} answered:\n{watched.RecentOutput}");
            }

            try
            {
                using var response = await Client.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{url} did not answer 200 within {timeout.TotalSeconds:0} s (last: {last})" +
                                   (watched is null ? "" : $"\n{watched.Name} output:\n{watched.RecentOutput}"));
    }
}
