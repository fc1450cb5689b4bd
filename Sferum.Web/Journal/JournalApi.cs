using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sferum.Common;
using Sferum.Rosters;
using Sferum.Web.Localization;

namespace Sferum.Web.Journal;

/// <summary>
/// The journal push API: the same import as the portal's upload, for a journal's machine client. Described in the
/// OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class JournalApi
{
    public static IEndpointRouteBuilder MapJournalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/journal/v1/schools/{schoolId:guid}/imports")
            .RequireAuthorization(JournalAuthentication.Policy)
            .DisableAntiforgery()
            .WithTags("Journal push");

        group.MapPost("/", PushAsync)
            .WithName("PushRoster")
            .WithSummary("Загрузить выгрузку журнала (CSV, XLSX, OneRoster ZIP) и, по желанию, сразу применить")
            .Accepts<IFormFileCollection>("multipart/form-data");
        group.MapGet("/{importId:guid}", GetAsync).WithName("GetRosterImport").WithSummary("Отчёт о загрузке");
        group.MapPost("/{importId:guid}/apply", ApplyAsync).WithName("ApplyRosterImport").WithSummary("Применить проверенную загрузку");
        return app;
    }

    /// <summary>Status 200 with the report; 422 when the files have errors (the report lists them by file, row and column).</summary>
    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> PushAsync(
        Guid schoolId, IFormFileCollection files, [FromQuery] bool? apply, HttpContext http, IClusterClient cluster)
    {
        if (files.Count == 0)
        {
            return TypedResults.Problem(detail: "Передайте один или несколько файлов в поле multipart «files».", statusCode: 400, title: "Нет файлов");
        }

        var uploads = new List<ImportFile>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            uploads.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        return await RunAsync(async (grain, requester) =>
        {
            var report = await grain.PreviewAsync(requester, uploads);
            return apply == true && report.CanApply ? await grain.ApplyAsync(requester, report.ImportId) : report;
        }, schoolId, http, cluster);
    }

    private static Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> GetAsync(
        Guid schoolId, Guid importId, HttpContext http, IClusterClient cluster) =>
        RunAsync((grain, requester) => grain.GetAsync(requester, importId), schoolId, http, cluster);

    private static Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> ApplyAsync(
        Guid schoolId, Guid importId, HttpContext http, IClusterClient cluster) =>
        RunAsync((grain, requester) => grain.ApplyAsync(requester, importId), schoolId, http, cluster);

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> RunAsync(
        Func<IRosterImportGrain, ImportRequester, Task<ImportReport>> action, Guid schoolId, HttpContext http, IClusterClient cluster)
    {
        var requester = ImportRequester.Journal(JournalAuthentication.ClientId(http.User)!);
        try
        {
            var report = await action(cluster.GetGrain<IRosterImportGrain>(schoolId), requester);
            return report.Status == ImportStatus.Invalid ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
        }
        catch (DomainException ex)
        {
            var status = ex.Code switch
            {
                "forbidden" => StatusCodes.Status403Forbidden,
                "import.unknown" => StatusCodes.Status404NotFound,
                "import.not-applicable" => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(detail: ErrorText.Of(ex), statusCode: status, title: ex.Code);
        }
    }
}
