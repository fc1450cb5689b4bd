namespace Sferum.PersonalData;

/// <summary>
/// A user's exports of personal data (keyed by the user's id): whom they may export (themselves and their minor
/// children), asking for an export, its progress, and taking the finished archive — once, by the user only.
/// </summary>
[Alias("Sferum.IDataExportsGrain")]
public interface IDataExportsGrain : IGrainWithGuidKey
{
    [Alias("GetPeople")]
    Task<IReadOnlyList<ExportablePerson>> GetPeopleAsync();

    /// <summary>Starts an export about the person with this <see cref="ExportablePerson.Key"/>; refused for anyone else.</summary>
    [Alias("Request")]
    Task<DataExportView> RequestAsync(string personKey);

    [Alias("List")]
    Task<IReadOnlyList<DataExportView>> ListAsync();

    /// <summary>
    /// Marks a ready export as downloaded and returns the archive's path in the file store's folder; a second call, an
    /// export of somebody else, or an expired one is refused.
    /// </summary>
    [Alias("TakeDownload")]
    Task<string> TakeDownloadAsync(Guid exportId);
}
