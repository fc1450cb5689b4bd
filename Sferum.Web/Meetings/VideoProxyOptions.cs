namespace Sferum.Web.Meetings;

/// <summary>The web node's part of <c>Sferum:Video</c> (the silos read the rest): Janus's client API and its api_secret.</summary>
public sealed class VideoProxyOptions
{
    public const string Section = "Sferum:Video";

    /// <summary>Janus's client API, e.g. <c>http://127.0.0.1:8088/janus</c>. Empty: the proxy answers 503.</summary>
    public string JanusUrl { get; set; } = "";

    public string ApiSecret { get; set; } = "";
}
