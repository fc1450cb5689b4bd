using Orleans.Concurrency;

namespace Sferum.PersonalData;

/// <summary>The background job that writes one export's archive (keyed by the export's id); a reminder finishes it if a silo dies.</summary>
[Alias("Sferum.IDataExportJobGrain")]
public interface IDataExportJobGrain : IGrainWithGuidKey
{
    [Alias("Start"), OneWay]
    Task StartAsync();
}
