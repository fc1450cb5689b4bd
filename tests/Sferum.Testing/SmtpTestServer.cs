using System.Net.Sockets;
using Sferum.Local;

namespace Sferum.Testing;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd (<c>python3-aiosmtpd</c>) on a loopback port, storing what it
/// receives as a maildir (its <c>Mailbox</c> handler) that the test reads. Stopping it and starting it again on the
/// same port keeps the maildir. A machine without aiosmtpd fails the test, saying what to install.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private ServiceProcess? process;

    public SmtpTestServer(int port)
    {
        Port = port;
        Directory.CreateDirectory(Folder);
    }

    public int Port { get; }

    /// <summary>Where the maildir lives (created by the server as <c>mail/</c> in it).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sferum-smtp-{Guid.NewGuid():N}");

    private string Maildir => Path.Combine(Folder, "mail");

    public async Task StartAsync()
    {
        var python = new[] { "/usr/bin/python3", "/bin/python3" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("python3 is not installed (apt-get install python3 python3-aiosmtpd).");
        process = ServiceProcess.StartProgram("aiosmtpd", python, Folder,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir]);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd did not start (is python3-aiosmtpd installed? apt-get install python3-aiosmtpd): {process.RecentOutput}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the server: the port refuses connections until <see cref="StartAsync"/> again.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.StopAsync(TimeSpan.FromSeconds(5));
            await process.DisposeAsync();
            process = null;
        }
    }

    /// <summary>Every message received so far, as the raw bytes the server stored, oldest first.</summary>
    public IReadOnlyList<byte[]> Received() =>
        new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name)
            .Select(f => File.ReadAllBytes(f.FullName)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
