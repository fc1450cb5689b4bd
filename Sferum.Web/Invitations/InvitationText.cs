using QRCoder;
using Sferum.Invitations;

namespace Sferum.Web.Invitations;

/// <summary>How invitations are worded and drawn on the pages.</summary>
public static class InvitationText
{
    public static string Role(InvitationRole role) => role switch
    {
        InvitationRole.Student => "ученик",
        InvitationRole.Parent => "родитель",
        InvitationRole.Teacher => "учитель",
        _ => "участник",
    };

    public static string State(InvitationState state) => state switch
    {
        InvitationState.Active => "действует",
        InvitationState.Expired => "истекло",
        InvitationState.Revoked => "отозвано",
        _ => "исчерпано",
    };

    public static string Use(InvitationUseStatus status) => status switch
    {
        InvitationUseStatus.Pending => "ждёт одобрения",
        InvitationUseStatus.Joined => "присоединился(-ась)",
        InvitationUseStatus.Declined => "отклонено",
        _ => "удалён(а)",
    };

    /// <summary>The link as a PNG QR code (data URI), for a phone's camera.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    public static string LinkFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/i/{token}";

    /// <summary>The address attempts are counted against (the proxy's, unless forwarded headers are configured).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
