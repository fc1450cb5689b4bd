using Sferum.PersonalData;

namespace Sferum.Meetings;

/// <summary>Personal-data erasure: the meeting's state keeps names (people, attendance, parents' children, guests).</summary>
public sealed partial class MeetingGrain
{
    public Task<bool> HadPersonAsync(Guid userId) =>
        Task.FromResult(state.RecordExists && (M.HostId == userId || M.People.ContainsKey(userId) || M.Attendance.Any(a => a.UserId == userId)));

    public async Task ForgetPersonAsync(Guid userId, IReadOnlyList<string> names)
    {
        if (!state.RecordExists)
        {
            return;
        }

        string Clean(string text) => names.OrderByDescending(n => n.Length).Aggregate(text, (t, n) => t.Replace(n, FormerMember.Name, StringComparison.Ordinal));
        if (M.HostId == userId)
        {
            M.HostName = FormerMember.Name;
        }

        M.HostName = Clean(M.HostName);
        M.Title = Clean(M.Title);
        M.Notice = M.Notice is null ? null : Clean(M.Notice);
        foreach (var (id, person) in M.People)
        {
            person.Name = id == userId ? FormerMember.Name : Clean(person.Name);
            person.ChildNames = person.ChildNames.Select(Clean).ToList();
            person.GuestOf = person.GuestOf is null ? null : id == userId ? FormerMember.Name : Clean(person.GuestOf);
        }

        M.Attendance = M.Attendance.Select(a => a with { Name = a.UserId == userId ? FormerMember.Name : Clean(a.Name) }).ToList();
        foreach (var link in M.GuestLinks)
        {
            link.InvitedName = link.TakenBy == userId ? FormerMember.Name : Clean(link.InvitedName);
        }

        await state.WriteStateAsync();
    }
}
