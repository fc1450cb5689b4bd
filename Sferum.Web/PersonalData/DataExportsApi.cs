using Microsoft.Extensions.Options;
using Sferum.Common;
using Sferum.Files;
using Sferum.PersonalData;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.PersonalData;

/// <summary>
/// Self-service exports of personal data: ask for one, watch its progress, download the archive once. The user's
/// grain decides whose data the caller may export; the archive is deleted as soon as it has been sent.
/// </summary>
public static class DataExportsApi
{
    public sealed record StartRequest(string? Person);

    public static IEndpointRouteBuilder MapDataExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/personal-data/exports").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Персональные данные");
        group.MapGet("/", (HttpContext http, IClusterClient cluster) =>
            ApiErrors.RunAsync(() => Exports(http, cluster).ListAsync())).WithName("ListDataExports").WithSummary("Мои выгрузки и их готовность");
        group.MapPost("/", (StartRequest request, HttpContext http, IClusterClient cluster) =>
            ApiErrors.RunAsync(() => Exports(http, cluster).RequestAsync(request.Person ?? "")))
            .WithName("StartDataExport").WithSummary("Подготовить архив своих данных или данных ребёнка");
        group.MapGet("/{exportId:guid}/download", DownloadAsync).WithName("DownloadDataExport").WithSummary("Скачать архив (один раз)");
        return app;
    }

    private static IDataExportsGrain Exports(HttpContext http, IClusterClient cluster) => cluster.GetGrain<IDataExportsGrain>(http.User.GetUserId());

    private static async Task<IResult> DownloadAsync(Guid exportId, HttpContext http, IClusterClient cluster, IOptions<FileStoreOptions> files)
    {
        string name;
        try
        {
            name = await Exports(http, cluster).TakeDownloadAsync(exportId);
        }
        catch (DomainException ex)
        {
            return ApiErrors.From(ex);
        }

        var path = Path.Combine(files.Value.Folder, "exports", name);
        if (!File.Exists(path))
        {
            return TypedResults.Problem("Архив не найден: его уже скачали или срок его хранения истёк.", statusCode: StatusCodes.Status404NotFound);
        }

        // Once: the file goes when the response has been sent (the silo's job sweeps it too, should this node die first).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(stream, "application/zip", $"sferum-dannye-{DateTime.UtcNow:yyyy-MM-dd}.zip");
    }
}
