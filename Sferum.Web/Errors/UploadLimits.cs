namespace Sferum.Web.Errors;

/// <summary>
/// Request size limits for uploads. Each roster file is limited by the silo (Sferum:Rosters:MaxFileBytes, 20 MB by
/// default); the request as a whole may carry several such files.
/// </summary>
public static class UploadLimits
{
    public const long MaxRequestBytes = 110L * 1024 * 1024;
}
