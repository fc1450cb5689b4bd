namespace Sferum.DataRequests;

/// <summary>What a data subject's formal request asks for (152-FZ arts. 14, 20, 21). Stored as its number.</summary>
[GenerateSerializer, Alias("Sferum.DataRequestKind")]
public enum DataRequestKind
{
    /// <summary>To know what is processed about them (art. 14): answered in 10 working days, extendable once by 5.</summary>
    Access = 0,

    /// <summary>To correct inaccurate data (art. 21 part 2): done in 7 working days.</summary>
    Correction = 1,

    /// <summary>Processing that is unlawful (art. 21 part 3): stopped in 3 working days, destroyed in 10.</summary>
    UnlawfulProcessing = 2,

    /// <summary>A consent withdrawn (art. 21 part 5): processing on it ends, data destroyed in 30 days.</summary>
    ConsentWithdrawal = 3,
}
