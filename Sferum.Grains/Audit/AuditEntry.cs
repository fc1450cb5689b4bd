using System.Net;

namespace Sferum.Audit;

/// <summary>
/// One audit entry; <see cref="Action"/> is a stable code such as <c>roster.import-applied</c>. <see cref="SubjectUserId"/>
/// is the person the action or read was about. <see cref="ClientAddress"/> defaults to the address the web node put
/// into the call's request context (<see cref="AuditCallContext"/>).
/// </summary>
public sealed record AuditEntry(
    Guid? SchoolId,
    Guid? ActorUserId,
    string? ActorClient,
    string Action,
    string Summary,
    IReadOnlyDictionary<string, object?>? Details = null,
    Guid? SubjectUserId = null,
    IPAddress? ClientAddress = null);
