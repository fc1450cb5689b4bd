using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Files;
using Sferum.Web.Identity;

namespace Sferum.Web.Chats;

/// <summary>
/// Chat files: upload (a member, a permitted type, within the size limit; then the file is attached by the hub's
/// SendWithFiles) and download (members only, by message and position, served with its real type as an attachment).
/// </summary>
public static class ChatFilesApi
{
    public static IEndpointRouteBuilder MapChatFiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/chats/{chatId:guid}").RequireAuthorization();
        group.MapPost("/files", UploadAsync).DisableAntiforgery(); // checked by hand below: the token comes in a header
        group.MapGet("/messages/{seq:long}/files/{index:int}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(
        Guid chatId, HttpContext http, IClusterClient cluster, IFileStore files, IOptions<FileStoreOptions> options, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem("Страница устарела: обновите её и прикрепите файл снова.", statusCode: 400);
        }

        var userId = http.User.GetUserId();
        if (!await cluster.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            return TypedResults.Forbid();
        }

        var form = await http.Request.ReadFormAsync();
        if (form.Files.Count != 1)
        {
            return TypedResults.Problem("Прикрепите один файл в поле «file».", statusCode: 400);
        }

        var (stored, problem) = await FileUploads.StoreAsync(form.Files[0], files, options, http.RequestAborted);
        return stored is null ? problem!.ToResult() : TypedResults.Ok(stored);
    }

    private static async Task<IResult> DownloadAsync(Guid chatId, long seq, int index, HttpContext http, IClusterClient cluster, IFileStore files)
    {
        ChatAttachment attachment;
        try
        {
            attachment = await cluster.GetGrain<IChatGrain>(chatId).GetAttachmentAsync(http.User.GetUserId(), seq, index);
        }
        catch (DomainException ex)
        {
            return ex.Code == "forbidden" ? Results.Forbid() : Results.NotFound();
        }

        return FileUploads.Serve(http, files, attachment);
    }
}
