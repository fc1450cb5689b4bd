namespace Sferum.Local;

/// <summary>Janus's configuration files for <see cref="LocalJanus"/>: everything not needed is left unloaded.</summary>
internal static class JanusConfig
{
    private const string Libraries = "/usr/lib/x86_64-linux-gnu/janus";

    private static readonly string[] UnusedPlugins =
        ["audiobridge", "duktape", "echotest", "lua", "nosip", "recordplay", "sip", "streaming", "textroom", "videocall", "voicemail"];

    private static readonly string[] UnusedTransports = ["mqtt", "nanomsg", "pfunix", "rabbitmq", "websockets"];

    private static readonly string[] UnusedEventHandlers = ["gelfevh", "mqttevh", "nanomsgevh", "rabbitmqevh", "sampleevh", "wsevh"];

    public static async Task WriteAsync(
        string folder, int httpPort, int adminPort, string adminSecret, string roomAdminKey, string apiSecret, string? mediaInterface, CancellationToken cancellationToken)
    {
        static string Disabled(IEnumerable<string> names, string prefix) => string.Join(",", names.Select(n => $"libjanus_{prefix}{n}.so"));
        var nat = mediaInterface is null ? "" : $"\n\tice_enforce_list = \"{mediaInterface}\"\n\tfull_trickle = true";
        var general = mediaInterface is null ? "" : $"\n\tinterface = \"{mediaInterface}\"";

        await File.WriteAllTextAsync(Path.Combine(folder, "janus.jcfg"), $$"""
            general: {
            	configs_folder = "{{folder}}"
            	plugins_folder = "{{Libraries}}/plugins"
            	transports_folder = "{{Libraries}}/transports"
            	events_folder = "{{Libraries}}/events"
            	loggers_folder = "{{Libraries}}/loggers"
            	admin_secret = "{{adminSecret}}"
            	api_secret = "{{apiSecret}}"{{general}}
            }
            media: {
            	rtp_port_range = "20000-20999"
            }
            nat: {
            	nice_debug = false{{nat}}
            }
            plugins: {
            	disable = "{{Disabled(UnusedPlugins, "")}}"
            }
            transports: {
            	disable = "{{Disabled(UnusedTransports, "")}}"
            }
            events: {
            	disable = "{{Disabled(UnusedEventHandlers, "")}}"
            }
            loggers: {
            	disable = "libjanus_jsonlog.so"
            }
            """, cancellationToken);

        await File.WriteAllTextAsync(Path.Combine(folder, "janus.transport.http.jcfg"), $$"""
            general: {
            	json = "plain"
            	base_path = "/janus"
            	http = true
            	port = {{httpPort}}
            	ip = "127.0.0.1"
            	https = false
            }
            admin: {
            	admin_base_path = "/admin"
            	admin_http = true
            	admin_port = {{adminPort}}
            	admin_ip = "127.0.0.1"
            	admin_https = false
            }
            """, cancellationToken);

        await File.WriteAllTextAsync(Path.Combine(folder, "janus.plugin.videoroom.jcfg"), $$"""
            general: {
            	admin_key = "{{roomAdminKey}}"
            	lock_rtp_forward = true
            	string_ids = true
            }
            """, cancellationToken);
    }
}
