using System.Net;

namespace Sferum.Audit;

/// <summary>
/// Where a call comes from, for the audit log: the web node puts the requester's address (as it saw it, behind the
/// trusted proxies) into the Orleans request context, which travels with the grain call and the calls it makes, so
/// every audit entry a request causes — refusals included — says from where without each grain method taking it as a
/// parameter. Calls no request made (reminders, timers) carry none.
/// </summary>
public static class AuditCallContext
{
    private const string ClientAddressKey = "sferum.client-address";

    /// <summary>Sets the address for the grain calls made from here on in this async flow (the web request).</summary>
    public static void SetClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            RequestContext.Remove(ClientAddressKey);
            return;
        }

        // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; the log keeps the plain IPv4 address.
        RequestContext.Set(ClientAddressKey, (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString());
    }

    public static IPAddress? ClientAddress =>
        RequestContext.Get(ClientAddressKey) is string text && IPAddress.TryParse(text, out var address) ? address : null;
}
