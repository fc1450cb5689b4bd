namespace Sferum.Faults;

/// <summary>
/// Open-loop writing at a fixed total rate: chats in turn, the writer random among the chat's present members. A
/// message is written whether or not earlier ones got through (they wait in their writer's outbox, as on a phone).
/// </summary>
public sealed class Load(IReadOnlyList<SimMember> members, double rate)
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;
    private int written;

    public int Written => Volatile.Read(ref written);

    public void Start() => running = RunAsync();

    public async Task StopAsync()
    {
        stopping.Cancel();
        await running;
    }

    private async Task RunAsync()
    {
        var random = new Random(7);
        var interval = TimeSpan.FromSeconds(1 / rate);
        var next = DateTime.UtcNow;
        var turn = 0;
        while (!stopping.IsCancellationRequested)
        {
            // Members move between chats, so the chats are taken from where the members are now.
            var chats = members.GroupBy(m => m.ChatId).OrderBy(g => g.Key).ToList();
            var chat = chats[turn++ % chats.Count].ToList();
            var writer = chat[random.Next(chat.Count)];
            writer.Write($"{writer.Index}-{Interlocked.Increment(ref written)}");
            next += interval;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
