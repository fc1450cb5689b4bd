using Microsoft.Extensions.Options;
using Sferum.Common;
using Sferum.Files;
using Sferum.Materials;
using Sferum.Web.Chats;
using Sferum.Web.Errors;
using Sferum.Web.Identity;

namespace Sferum.Web.Classes;

/// <summary>
/// A class's materials library as JSON: list and search (members), publish a file or a link (teachers, as
/// multipart/form-data), download (members; counted), remove (teachers). The class's grain decides every right.
/// </summary>
public static class MaterialsApi
{
    /// <summary>The form of a publication: <c>file</c> or <c>url</c>, and the rest as text fields.</summary>
    public sealed record PublishForm(string ClientId, string Subject, string Title, DateOnly LessonDate, IFormFile? File, string? Url);

    public static IEndpointRouteBuilder MapMaterials(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/classes/{classId:guid}/materials").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Материалы класса");
        group.MapGet("/", ListAsync).WithName("ListMaterials").WithSummary("Материалы класса по предмету и поиску");
        group.MapPost("/", PublishAsync).DisableAntiforgery() // the header filter above checks the token
            .Accepts<PublishForm>("multipart/form-data").WithName("PublishMaterial").WithSummary("Опубликовать файл или ссылку");
        group.MapGet("/{materialId:guid}/download", DownloadAsync).WithName("DownloadMaterial").WithSummary("Скачать материал (считается скачивание)");
        group.MapDelete("/{materialId:guid}", RemoveAsync).WithName("RemoveMaterial").WithSummary("Убрать материал");
        return app;
    }

    private static Task<IResult> ListAsync(Guid classId, string? subject, string? q, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(() => cluster.GetGrain<IClassMaterialsGrain>(classId).ListAsync(http.User.GetUserId(), subject, q));

    private static async Task<IResult> PublishAsync(Guid classId, HttpContext http, IClusterClient cluster, IFileStore files, IOptions<FileStoreOptions> options)
    {
        var userId = http.User.GetUserId();
        var library = cluster.GetGrain<IClassMaterialsGrain>(classId);
        if (!await library.CanPublishAsync(userId))
        {
            return ApiErrors.From(DomainException.Forbidden("material.forbidden-publish", "Материалы публикуют учителя класса."));
        }

        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Отправьте форму (multipart/form-data).", statusCode: 400, type: "material.form");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!DateOnly.TryParseExact(form["lessonDate"].ToString(), "yyyy-MM-dd", out var date))
        {
            return TypedResults.Problem("Дата урока: ГГГГ-ММ-ДД.", statusCode: 400, type: "material.date-invalid");
        }

        Sferum.Chats.ChatAttachment? stored = null;
        if (form.Files.Count > 1)
        {
            return TypedResults.Problem("Один материал — один файл.", statusCode: 400, type: "material.content-invalid");
        }

        if (form.Files.Count == 1)
        {
            var (file, problem) = await FileUploads.StoreAsync(form.Files[0], files, options, http.RequestAborted);
            if (file is null)
            {
                return problem!.ToResult();
            }

            stored = file;
        }

        var url = form["url"].ToString();
        return await ApiErrors.RunAsync(() => library.PublishAsync(userId, new MaterialDraft(form["clientId"].ToString(), form["subject"].ToString(),
            form["title"].ToString(), date, stored, string.IsNullOrWhiteSpace(url) ? null : url)));
    }

    private static async Task<IResult> DownloadAsync(Guid classId, Guid materialId, HttpContext http, IClusterClient cluster, IFileStore files)
    {
        ClassMaterial material;
        try
        {
            material = await cluster.GetGrain<IClassMaterialsGrain>(classId).OpenAsync(http.User.GetUserId(), materialId);
        }
        catch (DomainException ex)
        {
            return ApiErrors.From(ex);
        }

        return material.File is { } file ? FileUploads.Serve(http, files, file) : Results.Redirect(material.Url!);
    }

    private static Task<IResult> RemoveAsync(Guid classId, Guid materialId, HttpContext http, IClusterClient cluster) =>
        ApiErrors.RunAsync(async () =>
        {
            await cluster.GetGrain<IClassMaterialsGrain>(classId).RemoveAsync(http.User.GetUserId(), materialId);
            return new { removed = materialId };
        });
}
