namespace Sferum.Bench.Video;

/// <summary>One level of the broadcast step, as bench/results/video.json keeps it (CPU in % of one core).</summary>
public sealed record BroadcastLevel(
    int viewers,
    int connected,
    int receiving,
    double janus_cpu_percent,
    double? janus_per_viewer_percent,
    double generator_cpu_percent,
    double publisher_browser_cpu_percent,
    double machine_busy_percent,
    double out_mbit_s,
    double median_viewer_kbit_s,
    double min_viewer_kbit_s,
    double loss_percent,
    long udp_receive_buffer_drops,
    double add_seconds);
