namespace Sferum.Audit;

/// <summary>A grain that knows which school it belongs to, so that refusals it makes reach that school's audit log.</summary>
public interface ISchoolScoped
{
    Guid? AuditSchoolId { get; }
}
