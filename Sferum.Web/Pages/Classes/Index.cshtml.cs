using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Classes;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Classes;

/// <summary>A class: its teachers, students and parents, by name and role only. For members and school admins.</summary>
public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid ClassId { get; set; }

    public ClassDetails Class { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Class = await cluster.GetGrain<IClassGrain>(ClassId).GetAsync(User.GetUserId());

    public IEnumerable<ClassMember> Teachers => Class.Members.Where(m => m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher);

    public IEnumerable<ClassMember> Students => Class.Members.Where(m => m.Role == ClassRole.Student);

    public IEnumerable<ClassMember> ParentsOf(string studentId) =>
        Class.Members.Where(m => m.Role == ClassRole.Parent && m.ChildOf.Contains(studentId));
}
