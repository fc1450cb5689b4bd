namespace Sferum.PersonalData;

/// <summary>Configuration section <c>Sferum:PersonalData</c>: the periods the law sets, configurable because laws change.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "Sferum:PersonalData";

    /// <summary>Days after a roster import removed a person before their data is destroyed.</summary>
    public int LeaverGraceDays { get; set; } = 30;

    /// <summary>Years an act of destruction and its log extract are kept, then purged.</summary>
    public int DestructionActYears { get; set; } = 3;

    /// <summary>How often the leaver and purge job runs (an Orleans reminder: one minute at least).</summary>
    public int JobIntervalMinutes { get; set; } = 60;

    /// <summary>A TrueType font with Cyrillic for the acts' PDFs (embedded into each PDF).</summary>
    public string FontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Its bold face (headings); the regular face when this file is missing.</summary>
    public string BoldFontFile { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
}
