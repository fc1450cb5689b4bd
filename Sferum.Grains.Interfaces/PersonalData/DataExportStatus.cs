namespace Sferum.PersonalData;

/// <summary>Where an export is in its life (stored as a number in <c>data_exports.status</c>).</summary>
public enum DataExportStatus
{
    Queued = 0,
    Running = 1,
    Ready = 2,
    Downloaded = 3,
    Expired = 4,
    Failed = 5,
}
