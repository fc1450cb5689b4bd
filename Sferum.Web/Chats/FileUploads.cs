using Microsoft.Extensions.Options;
using Sferum.Chats;
using Sferum.Files;

namespace Sferum.Web.Chats;

/// <summary>
/// Puts one uploaded file into the file store under the attachment rules (permitted type by extension, size limit,
/// not empty). Shared by chat attachments and the class materials library.
/// </summary>
public static class FileUploads
{
    /// <summary>Why an upload was refused: a rule's code, its Russian message and the HTTP status for the JSON API.</summary>
    public sealed record Refusal(string Code, string Message, int Status)
    {
        public IResult ToResult() => TypedResults.Problem(Message, statusCode: Status, type: Code);
    }

    /// <summary>The stored file, or why it was refused (nothing kept when refused for its type).</summary>
    public static async Task<(ChatAttachment? File, Refusal? Problem)> StoreAsync(IFormFile file, IFileStore files, IOptions<FileStoreOptions> options,
        CancellationToken cancellationToken)
    {
        var name = AttachmentRules.CleanName(file.FileName);
        var type = AttachmentRules.ContentTypeFor(name);
        if (type is null)
        {
            return (null, new Refusal("attachment.type",
                $"Файлы «{Path.GetExtension(name)}» загружать нельзя. Можно: документы, таблицы, презентации, PDF, фото, аудио и видео.", 415));
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var (hash, size) = await files.PutAsync(stream, options.Value.MaxBytes, cancellationToken);
            return size == 0
                ? (null, new Refusal("attachment.empty", "Файл пустой.", 400))
                : (new ChatAttachment(hash, name, type, size), null);
        }
        catch (FileTooLargeException ex)
        {
            return (null, new Refusal("attachment.too-large", $"Файл больше {ex.MaxBytes / (1024 * 1024)} МБ.", 413));
        }
    }

    /// <summary>Serves a stored file as a download with its real type; never sniffed by the browser.</summary>
    public static IResult Serve(HttpContext http, IFileStore files, ChatAttachment file)
    {
        var stream = files.Open(file.Hash);
        if (stream is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(stream, file.ContentType, file.FileName, enableRangeProcessing: true);
    }
}
