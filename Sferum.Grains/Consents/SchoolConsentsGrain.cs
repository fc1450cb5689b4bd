using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Schools;

namespace Sferum.Consents;

/// <summary>
/// One school's consents. No grain state: PostgreSQL holds them, and each call reads who is whom afresh, so a parent the
/// journal no longer links is refused at once. Not reentrant: gives and withdrawals of a school take turns.
/// </summary>
public sealed class SchoolConsentsGrain(
    ConsentTexts texts,
    ConsentStore store,
    OperatorStore operators,
    ConsentSubjects subjects,
    ConsentAudit audit,
    IOptions<PersonalDataOptions> options,
    TimeProvider clock) : Grain, ISchoolConsentsGrain, ISchoolScoped
{
    public const string WithdrawalReason = "отзыв согласия";

    public Guid? AuditSchoolId => SchoolId;

    private Guid SchoolId => this.GetPrimaryKey();

    private int DestroyDays => options.Value.ConsentWithdrawalDestroyDays;

    public async Task<ConsentOverview?> GetOverviewAsync(Guid userId)
    {
        var school = await SchoolAsync();
        if (await ProfileAsync(userId) is not { } me)
        {
            return null;
        }

        var self = await subjects.SelfAsync(SchoolId, userId, me.Name.FullName);
        var children = await subjects.ChildrenAsync(SchoolId, userId);
        if (self is null && children.Count == 0)
        {
            return null;
        }

        var op = await OperatorAsync();
        var today = SchoolClock.For(school.TimeZone).Date(clock.GetUtcNow());
        var people = new List<ConsentSubject>();
        if (self is not null)
        {
            people.Add(await DescribeAsync(self, true, me, op, today));
        }

        foreach (var child in children)
        {
            people.Add(await DescribeAsync(child, false, me, op, today));
        }

        // A parent is shown whom they consent to (name and address), not the school's internal details.
        return new ConsentOverview(SchoolId, school.Name, school.TimeZone, op is null ? null : new OperatorDetails(op.LegalName, op.Address), people);
    }

    public async Task<ConsentRecord> GiveAsync(Guid userId, ConsentGrant grant)
    {
        var school = await SchoolAsync();
        var me = await ProfileAsync(userId) ?? throw NotYours();
        var (person, isSelf) = await ResolveAsync(userId, me, grant.SubjectKey) ?? throw NotYours();
        var op = await OperatorAsync() ?? throw new DomainException("consent.operator-missing", ConsentRules.OperatorMissing);
        if (ConsentRules.CannotGive(person, isSelf, SchoolClock.For(school.TimeZone).Date(clock.GetUtcNow())) is not null)
        {
            throw isSelf
                ? new DomainException("consent.minor", ConsentRules.MinorCannotGive)
                : new DomainException("consent.adult-child", ConsentRules.AdultGivesOwn);
        }

        var text = ConsentPurposes.Offered.Contains(grant.Purpose) ? await texts.LatestAsync(grant.Purpose) : null;
        if (text is null)
        {
            throw new DomainException("consent.purpose-unknown", "Такое согласие в Сферуме не оформляется.");
        }

        var data = ConsentRules.Data(text, grant);
        var document = ConsentDocument.Render(text, new(me.Name.FullName, !isSelf, person.Name, op, DestroyDays));
        var hash = ConsentDocument.Sha256(document);
        // The text must be the one the person read: a new version, or a changed operator, since the page was shown, refuses.
        if (grant.Version != text.Version || !string.Equals(grant.DocumentSha256, ConsentDocument.Hex(hash), StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("consent.text-changed", "Текст согласия изменился, пока страница была открыта. Прочитайте новый текст и подтвердите ещё раз.");
        }

        var consent = new ConsentStore.NewConsent(Guid.NewGuid(), SchoolId, text.Purpose, text.Version, person.Key, person.UserId, person.Name,
            userId, me.Name.FullName, !isSelf, op, document, hash, Now(), data);
        var record = new ConsentRecord(consent.ConsentId, text.Purpose, text.Title, text.Version, person.Key, person.Name, me.Name.FullName, !isSelf,
            consent.AcceptedAt, null, null, null, null, document, ConsentDocument.Hex(hash), data.GetValueOrDefault(PersonalDataCategories.ContactPhone.Code));
        await store.InsertAsync(consent, ConsentAudit.GivenEntry(SchoolId, userId, record, person.UserId));
        return record;
    }

    public async Task<ConsentWithdrawal> WithdrawAsync(Guid userId, Guid consentId)
    {
        var school = await SchoolAsync();
        var stored = await store.GetAsync(SchoolId, consentId) ?? throw new DomainException("consent.unknown", "Такого согласия нет.");
        var me = await ProfileAsync(userId) ?? throw NotYours();
        var (person, isSelf) = await ResolveAsync(userId, me, stored.Record.SubjectKey) ?? throw NotYours();
        if (!isSelf && !person.IsMinorOn(SchoolClock.For(school.TimeZone).Date(clock.GetUtcNow())))
        {
            throw DomainException.Forbidden("consent.forbidden-adult", "Ученику уже исполнилось 18 лет: своими согласиями он распоряжается сам.");
        }

        var c = stored.Record;
        if (!c.InForce)
        {
            return new ConsentWithdrawal(c.ConsentId, c.Title, c.SubjectName, c.WithdrawnAt!.Value, c.RemainingBasis, c.DestroyBy,
                stored.DestroyedCategories.Select(k => PersonalDataCategories.Get(k).Label).ToList(), school.TimeZone);
        }

        var text = await texts.GetAsync(c.Purpose, c.Version);
        var account = person.UserId is { } subjectUser ? (subjectUser == userId ? me : await ProfileAsync(subjectUser)) : null;
        var remaining = text.Categories.ToDictionary(k => k, k => LegalBases.Remaining(k, stored.Data.GetValueOrDefault(k), person, account));
        var kept = remaining.Where(r => r.Value is not null).Select(r => r.Key).ToList();
        var destroyed = remaining.Where(r => r.Value is null).Select(r => r.Key).ToList();
        var now = Now();
        var remainingBasis = kept.Count == 0 ? null : string.Join("; ", kept.Select(k => $"{PersonalDataCategories.Get(k).Label}: {remaining[k]}"));
        var outcome = new ConsentWithdrawal(c.ConsentId, c.Title, c.SubjectName, now, remainingBasis,
            destroyed.Count == 0 ? null : now.AddDays(DestroyDays), destroyed.Select(k => PersonalDataCategories.Get(k).Label).ToList(), school.TimeZone);
        await store.WithdrawAsync(
            new ConsentStore.Withdrawal(stored, SchoolId, userId, now, remainingBasis, kept, destroyed, outcome.DestroyBy, WithdrawalReason),
            ConsentAudit.WithdrawnEntries(SchoolId, userId, c, stored.SubjectUserId, outcome));
        return outcome;
    }

    public async Task<ConsentRegisterPage> GetRegisterAsync(Guid adminUserId, ConsentRegisterQuery query)
    {
        var school = await SchoolAsync();
        await RequireAdminAsync(adminUserId, DomainException.Forbidden("consent.forbidden-registry", "Реестр согласий школы видят только её администраторы."));
        var (rows, total) = await store.RegisterAsync(SchoolId, query);
        // Written after the read, as an export is: the register shows who consented to what, itself personal data.
        await audit.RegisterReadAsync(SchoolId, adminUserId, query, rows.Count);
        return new ConsentRegisterPage(rows, total, school.TimeZone);
    }

    public async Task<IReadOnlyList<ConsentedPhone>> GetClassPhonesAsync(Guid teacherUserId, Guid classId)
    {
        // The class grain refuses anyone who is neither in the class nor its school's admin.
        var details = await GrainFactory.GetGrain<IClassGrain>(classId).GetAsync(teacherUserId);
        if (details.SchoolId != SchoolId || details.Removed
            || !details.Members.Any(m => m.UserId == teacherUserId && m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher))
        {
            throw DomainException.Forbidden("consent.forbidden-phones", "Контактные телефоны класса видят только его учителя.");
        }

        // Pupils by their journal key (a parent's consent names them so); adults by their account.
        var names = new Dictionary<string, string>();
        foreach (var m in details.Members.Where(m => m.UserId != teacherUserId))
        {
            names.TryAdd(m.Role == ClassRole.Student ? m.JournalId : m.UserId is { } id ? ConsentPerson.UserKey(id) : m.JournalId, m.DisplayName);
        }

        var phones = await store.PhonesAsync(SchoolId, names.Keys);
        foreach (var p in phones)
        {
            await audit.PhoneViewedAsync(SchoolId, teacherUserId, classId, p.Key, p.SubjectUserId, p.ConsentId);
        }

        return phones.Select(p => new ConsentedPhone(p.Key, names[p.Key], p.Phone)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task<ConsentSubject> DescribeAsync(ConsentPerson person, bool isSelf, UserProfile me, OperatorDetails? op, DateOnly today)
    {
        // An adult's consents are their own business: a parent the roster still links to them learns only why not.
        if (!isSelf && !person.IsMinorOn(today))
        {
            return new ConsentSubject(person.Key, person.Name, false, ConsentRules.CannotGive(person, false, today), [], [], [], false);
        }

        var consents = await store.ForSubjectAsync(SchoolId, person.Key);
        var account = person.UserId is { } id ? (isSelf ? me : await ProfileAsync(id)) : null;
        var consented = new List<(string, string)>();
        foreach (var c in consents.Where(c => c.InForce))
        {
            consented.AddRange((await texts.GetAsync(c.Purpose, c.Version)).Categories.Select(k => (k, c.Title)));
        }

        var cannotGive = op is null ? ConsentRules.OperatorMissing : ConsentRules.CannotGive(person, isSelf, today);
        var offers = new List<ConsentOffer>();
        foreach (var purpose in cannotGive is null ? ConsentPurposes.Offered.Where(p => consents.All(c => !c.InForce || c.Purpose != p)) : [])
        {
            var text = await texts.LatestAsync(purpose);
            if (text is not null)
            {
                var document = ConsentDocument.Render(text, new(me.Name.FullName, !isSelf, person.Name, op!, DestroyDays));
                offers.Add(new ConsentOffer(purpose, text.Title, text.Version, document, ConsentDocument.Hex(ConsentDocument.Sha256(document)),
                    ConsentRules.SuggestedPhone(person, account)));
            }
        }

        return new ConsentSubject(person.Key, person.Name, isSelf, cannotGive, LegalBases.For(person, account, consented), offers, consents, true);
    }

    /// <summary>The person the key names, if it is the user themselves or one of their children in this school.</summary>
    private async Task<(ConsentPerson Person, bool IsSelf)?> ResolveAsync(Guid userId, UserProfile me, string subjectKey)
    {
        if (await subjects.SelfAsync(SchoolId, userId, me.Name.FullName) is { } self && self.Key == subjectKey)
        {
            return (self, true);
        }

        var child = (await subjects.ChildrenAsync(SchoolId, userId)).FirstOrDefault(c => c.Key == subjectKey);
        return child is null ? null : (child, false);
    }

    // PostgreSQL keeps microseconds: what a call returns is then exactly what a later read finds.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private async Task<SchoolSummary> SchoolAsync() =>
        await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).GetAsync() ?? throw new DomainException("school.unknown", "Такой школы нет.");

    private Task<UserProfile?> ProfileAsync(Guid userId) => GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();

    private async Task RequireAdminAsync(Guid userId, DomainException refusal)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId))
        {
            throw refusal;
        }
    }

    // The same answer whether the person does not exist or is not the user's to act for.
    private static DomainException NotYours() =>
        DomainException.Forbidden("consent.forbidden", "Согласием распоряжается только тот, за кого оно дано, или его родитель.");

    /// <summary>The operator a consent names, or null while the school has not given its legal name and address.</summary>
    private async Task<OperatorDetails?> OperatorAsync() => await operators.GetAsync(SchoolId) is { NamesOperator: true } op ? op : null;
}
