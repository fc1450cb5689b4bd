using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Sferum.Launcher;
using Sferum.Local;

// The one command that starts Sferum on this machine (./run.sh builds, then runs this): a private PostgreSQL unless
// a connection string is given, Sferum.DevIdentity, one silo and the portal, all on 127.0.0.1, with demo data.
LauncherArguments arguments;
try
{
    arguments = LauncherArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 64;
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var logger = loggerFactory.CreateLogger("Sferum");
var layout = SolutionLayout.Locate();
var usersFile = arguments.UsersFile ?? Path.Combine(layout.ProjectDirectory("Sferum.DevIdentity"), "users.json");
var users = DemoUsers.Read(usersFile);

using var stopping = new CancellationTokenSource();
// Ctrl-C, a terminal closing or a service manager's SIGTERM: stop every child process and PostgreSQL cleanly.
var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
    .Select(signal => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        stopping.Cancel();
    }))
    .ToList();

SferumStack stack;
try
{
    stack = await SferumStack.StartAsync(new SferumStackOptions
    {
        ConnectionString = arguments.ConnectionString,
        DataDirectory = arguments.DataDirectory ?? Path.Combine(layout.Root, ".sferum"),
        UsersFile = Path.GetFullPath(usersFile),
        WebPort = arguments.WebPort,
        IdentityPort = arguments.IdentityPort,
        PostgresPort = arguments.PostgresPort,
        SiloPort = arguments.SiloPort,
        GatewayPort = arguments.GatewayPort,
        SeedDemo = true,
        Operators = users.Where(u => u.Login == DemoUsers.OperatorLogin).Select(u => u.Subject).ToList(),
        DemoSchoolAdminSnils = users.FirstOrDefault(u => u.Login == DemoUsers.OperatorLogin)?.Snils,
        Echo = arguments.Verbose ? Console.WriteLine : null,
        // Video meetings need Janus (run.sh installs it as root); without it the portal simply offers none.
        Video = File.Exists(LocalJanus.Binary),
    }, logger, stopping.Token);
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    logger.LogError("Sferum could not start: {Error}", ex.Message);
    return 1;
}

await using (stack)
{
    Console.WriteLine();
    Console.WriteLine($"Сферум работает: {stack.WebUrl}");
    Console.WriteLine($"Вход (Sferum.DevIdentity): {stack.IdentityUrl}");
    foreach (var user in users)
    {
        Console.WriteLine($"  {user.Login} / {user.Password}  — {user.LastName} {user.FirstName} ({user.Trust})");
    }

    Console.WriteLine(stack.Janus is null
        ? "Видеовстречи выключены: не установлен Janus (apt-get install janus janus-tools ffmpeg)."
        : $"Видеосервер Janus: {stack.Janus.HttpUrl} (только для Сферума: браузеры говорят с ним через портал)");
    Console.WriteLine("Остановить: Ctrl-C");
    var exited = Task.WhenAny(new[] { stack.Web!, stack.Identity! }.Concat(stack.Silos).Select(s => s.WaitForExitAsync()));
    await Task.WhenAny(exited, Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }));
    if (!stopping.IsCancellationRequested)
    {
        logger.LogError("A service stopped unexpectedly; stopping the rest");
    }

    Console.WriteLine("Останавливаю…");
}

return stopping.IsCancellationRequested ? 0 : 1;
