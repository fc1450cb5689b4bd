using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// One viewer without a browser: a UDP socket of its own, an ICE-lite agent that answers Janus's checks, a DTLS
/// client, and a counter of the SRTP that follows (nothing is decrypted or decoded). Everything Janus does for a
/// viewer — ICE, DTLS, SRTP encryption and sending each packet — it does for this one as for a browser.
/// </summary>
public sealed class LeanSubscriber : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] pwdKey;
    private readonly TaskCompletionSource<IPEndPoint> nominated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private Task? receiving;
    private volatile LeanDatagramTransport? dtls;
    private long checks;

    public LeanSubscriber(IPAddress address)
    {
        // Room for a burst at a key frame while the loop is descheduled; the kernel's default (≈ 200 KB) is close.
        socket.ReceiveBufferSize = 1 << 20;
        socket.Bind(new IPEndPoint(address, 0));
        Local = (IPEndPoint)socket.LocalEndPoint!;
        Ufrag = Token(8);
        Pwd = Token(24);
        pwdKey = Encoding.ASCII.GetBytes(Pwd);
    }

    public IPEndPoint Local { get; }

    public string Ufrag { get; }

    public string Pwd { get; }

    public RtpCounter Counter { get; } = new();

    /// <summary>Connectivity checks answered so far (libnice's keepalives are indications and are not answered).</summary>
    public long Checks => Interlocked.Read(ref checks);

    public bool Connected { get; private set; }

    public string Answer(JanusOffer offer, DtlsIdentity identity) => SdpAnswer.Write(offer, Local, Ufrag, Pwd, identity.Fingerprint);

    public void Start() => receiving = ReceiveLoopAsync(stop.Token);

    /// <summary>Waits for Janus to nominate a pair, then completes DTLS as client on a thread of its own (BouncyCastle blocks).</summary>
    public async Task ConnectAsync(BcTlsCrypto crypto, DtlsIdentity identity, JanusOffer offer, TimeSpan timeout)
    {
        var remote = await nominated.Task.WaitAsync(timeout);
        var transport = new LeanDatagramTransport(socket, remote);
        dtls = transport;
        var client = new LeanTlsClient(crypto, identity, offer.Fingerprint);
        await Task.Factory.StartNew(() => new DtlsClientProtocol().Connect(client, transport), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).WaitAsync(timeout);
        // The keys are not exported: the SRTP is counted, not read. Records that come later (a retransmitted flight) go nowhere.
        dtls = null;
        transport.Close();
        Connected = true;
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!cancellationToken.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var packet = buffer.AsSpan(0, n);
            if (n < 12)
            {
                continue;
            }

            switch (packet[0])
            {
                case >= 128 and <= 191:
                    Counter.Add(packet);
                    break;
                case >= 20 and <= 63:
                    dtls?.Deliver(packet);
                    break;
                case < 4:
                    Answer(packet, from);
                    break;
            }
        }
    }

    private void Answer(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        var (check, _) = StunCheck.Read(packet, Ufrag, pwdKey);
        if (check is null)
        {
            return; // keepalive indications and anything unverified
        }

        var source = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from);
        var response = new StunWriter(StunAttribute.BindingSuccess, check.TransactionId).AddXorMappedAddress(source).ToBytes(pwdKey, fingerprint: true);
        socket.SendTo(response, SocketFlags.None, source);
        Interlocked.Increment(ref checks);
        if (check.UseCandidate)
        {
            // RFC 8445 §7.3.1.5: a lite agent takes the pair the controlling agent nominated.
            nominated.TrySetResult(source);
        }
    }

    private static string Token(int length) => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/", length);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Dispose();
        if (receiving is not null)
        {
            await receiving;
        }

        stop.Dispose();
    }
}
