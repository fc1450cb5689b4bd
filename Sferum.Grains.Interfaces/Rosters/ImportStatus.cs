namespace Sferum.Rosters;

[GenerateSerializer, Alias("Sferum.ImportStatus")]
public enum ImportStatus
{
    /// <summary>The files have errors; nothing can be applied.</summary>
    Invalid = 0,

    /// <summary>Checked and compared; waiting for the admin to apply.</summary>
    Previewed = 1,

    /// <summary>The files describe exactly the current roster: there is nothing to apply.</summary>
    Unchanged = 2,

    Applying = 3,
    Applied = 4,

    /// <summary>Applying failed; nothing was written.</summary>
    Failed = 5,

    /// <summary>Another import was applied after this preview; it must be uploaded again.</summary>
    Superseded = 6,
}
