using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sferum.Rosters.Changes;
using Sferum.Rosters.Model;

namespace Sferum.Rosters;

/// <summary>
/// The roster tables: reads a school's current roster as a snapshot and writes an import's changes, all of them in one
/// transaction or none. Rows are sent as arrays (one round trip per section), which keeps a 10,000-student school
/// within seconds.
/// </summary>
public sealed class RosterStore(NpgsqlDataSource database, ILogger<RosterStore> logger)
{
    public async Task<int> VersionAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("SELECT version FROM roster_schools WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        return await command.ExecuteScalarAsync() is int version ? version : 0;
    }

    public async Task<List<Guid>> ClassIdsAsync(Guid schoolId, string academicYear, bool includeRemoved)
    {
        await using var command = database.CreateCommand(
            "SELECT class_id FROM roster_classes WHERE school_id = @school AND academic_year = @year AND (@all OR removed_at IS NULL)");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("year", academicYear);
        command.Parameters.AddWithValue("all", includeRemoved);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async Task<RosterSnapshot> LoadAsync(Guid schoolId, string academicYear)
    {
        await using var connection = await database.OpenConnectionAsync();
        var classes = new List<RosterClass>();
        await ReadAsync(connection, "SELECT name, grade FROM roster_classes WHERE school_id = @school AND academic_year = @year AND removed_at IS NULL ORDER BY name",
            schoolId, academicYear, r => classes.Add(new RosterClass(r.GetString(0), r.GetInt16(1))));
        var people = new List<RosterPerson>();
        await ReadAsync(connection, """
            SELECT journal_id, role, last_name, first_name, middle_name, birth_date, snils, email, phone, position, is_school_admin
            FROM roster_people WHERE school_id = @school AND removed_at IS NULL ORDER BY journal_id
            """, schoolId, academicYear, r => people.Add(new RosterPerson(
                r.GetString(0), (RosterRole)r.GetInt16(1), r.GetString(2), r.GetString(3), NullableString(r, 4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), NullableString(r, 6), NullableString(r, 7),
                NullableString(r, 8), NullableString(r, 9), r.GetBoolean(10))));
        var enrollments = new List<RosterEnrollment>();
        await ReadAsync(connection, "SELECT student_id, class_name FROM roster_enrollments WHERE school_id = @school AND academic_year = @year ORDER BY student_id",
            schoolId, academicYear, r => enrollments.Add(new RosterEnrollment(r.GetString(0), r.GetString(1))));
        var guardianships = new List<RosterGuardianship>();
        await ReadAsync(connection, "SELECT parent_id, student_id, relation FROM roster_guardianships WHERE school_id = @school ORDER BY parent_id, student_id",
            schoolId, academicYear, r => guardianships.Add(new RosterGuardianship(r.GetString(0), r.GetString(1), NullableString(r, 2))));
        var teaching = new List<RosterTeaching>();
        await ReadAsync(connection, "SELECT staff_id, class_name, is_homeroom, subjects FROM roster_teaching WHERE school_id = @school AND academic_year = @year ORDER BY staff_id, class_name",
            schoolId, academicYear, r => teaching.Add(new RosterTeaching(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetFieldValue<string[]>(3))));
        return new RosterSnapshot(RosterCoverage.All, null, academicYear, classes, people, enrollments, guardianships, teaching);
    }

    /// <summary>
    /// Writes <paramref name="changes"/> unless another import was applied since <paramref name="baseVersion"/>
    /// (then writes nothing and returns false). <paramref name="alsoInTransaction"/> records the import's outcome in the
    /// same transaction, so the roster and its history never disagree.
    /// </summary>
    public async Task<bool> ApplyAsync(
        Guid schoolId,
        string academicYear,
        RosterChangeSet changes,
        int baseVersion,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> alsoInTransaction,
        Action<string, double> progress)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // The school's row is the lock that keeps two imports (from any silo) from writing at once.
        await ExecuteAsync(connection, transaction, "INSERT INTO roster_schools (school_id) VALUES (@school) ON CONFLICT DO NOTHING", c => c.Parameters.AddWithValue("school", schoolId));
        var version = 0;
        await using (var select = new NpgsqlCommand("SELECT version FROM roster_schools WHERE school_id = @school FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("school", schoolId);
            version = (int)(await select.ExecuteScalarAsync())!;
        }

        if (version != baseVersion)
        {
            await transaction.RollbackAsync();
            return false;
        }

        var writer = new Writer(connection, transaction, schoolId, academicYear);
        progress("Запись классов", 0.55);
        await writer.ClassesAsync(changes.Classes);
        progress("Запись людей", 0.6);
        await writer.PeopleAsync(changes.People);
        progress("Запись состава классов", 0.75);
        await writer.EnrollmentsAsync(changes.Enrollments);
        await writer.GuardianshipsAsync(changes.Guardianships);
        await writer.TeachingAsync(changes.Teaching);
        progress("Поиск зарегистрированных участников", 0.85);
        await writer.LinkKnownUsersAsync();
        await ExecuteAsync(connection, transaction, "UPDATE roster_schools SET version = version + 1 WHERE school_id = @school", c => c.Parameters.AddWithValue("school", schoolId));
        await alsoInTransaction(connection, transaction);
        progress("Сохранение", 0.9);
        await transaction.CommitAsync();
        await RefreshStatisticsAsync(connection, schoolId, changes);
        return true;
    }

    private async Task RefreshStatisticsAsync(NpgsqlConnection connection, Guid schoolId, RosterChangeSet changes)
    {
        var written = new Dictionary<string, int>
        {
            ["roster_classes"] = changes.Classes.Count,
            ["roster_people"] = changes.People.Count,
            ["roster_enrollments"] = changes.Enrollments.Count,
            ["roster_guardianships"] = changes.Guardianships.Count,
            ["roster_teaching"] = changes.Teaching.Count,
        };
        try
        {
            var analyzed = await RosterStatistics.RefreshAsync(connection, written);
            if (analyzed.Count > 0)
            {
                logger.LogInformation("Roster import of school {SchoolId}: statistics refreshed for {Tables}", schoolId, analyzed);
            }
        }
        catch (NpgsqlException ex)
        {
            // The import is committed and stays so; autovacuum brings the statistics within a minute.
            logger.LogWarning(ex, "Roster import of school {SchoolId} committed, but its tables could not be analyzed", schoolId);
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Guid schoolId, string year, Action<NpgsqlDataReader> row)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Action<NpgsqlCommand> parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        parameters(command);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statements of one apply, each taking a whole section as arrays.</summary>
    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid schoolId, string year)
    {
        public async Task ClassesAsync(IReadOnlyList<Change<RosterClass>> changes)
        {
            var upserts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => c.After!).ToList();
            var removed = changes.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Before!.Name).ToArray();
            await RunAsync("""
                INSERT INTO roster_classes (school_id, academic_year, name, grade, class_id, class_chat_id, parents_chat_id)
                SELECT @school, @year, n, g, gen_random_uuid(), gen_random_uuid(), gen_random_uuid()
                FROM unnest(@names, @grades) AS x(n, g)
                ON CONFLICT (school_id, academic_year, name) DO UPDATE SET grade = excluded.grade, removed_at = NULL
                """, c =>
            {
                c.Parameters.AddWithValue("names", upserts.Select(x => x.Name).ToArray());
                c.Parameters.AddWithValue("grades", upserts.Select(x => (short)x.Grade).ToArray());
            });
            await RunAsync("UPDATE roster_classes SET removed_at = now() WHERE school_id = @school AND academic_year = @year AND name = ANY(@names)",
                c => c.Parameters.AddWithValue("names", removed));
        }

        public async Task PeopleAsync(IReadOnlyList<Change<RosterPerson>> changes)
        {
            var upserts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => c.After!).ToList();
            var removed = changes.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Before!.JournalId).ToArray();

            // A value the export does not carry (null) keeps what we know. A changed SNILS unlinks the user: the
            // link was made on the old SNILS and must be proven again.
            await RunAsync("""
                INSERT INTO roster_people (school_id, journal_id, role, last_name, first_name, middle_name, birth_date,
                                           snils, email, phone, position, is_school_admin)
                SELECT @school, * FROM unnest(@ids, @roles, @last, @first, @middle, @birth, @snils, @email, @phone, @position, @admin)
                ON CONFLICT (school_id, journal_id) DO UPDATE SET
                    role = excluded.role, last_name = excluded.last_name, first_name = excluded.first_name,
                    middle_name = coalesce(excluded.middle_name, roster_people.middle_name),
                    birth_date = coalesce(excluded.birth_date, roster_people.birth_date),
                    snils = coalesce(excluded.snils, roster_people.snils),
                    email = coalesce(excluded.email, roster_people.email),
                    phone = coalesce(excluded.phone, roster_people.phone),
                    position = coalesce(excluded.position, roster_people.position),
                    is_school_admin = excluded.is_school_admin,
                    removed_at = NULL,
                    user_id = CASE WHEN excluded.snils IS NOT NULL AND excluded.snils IS DISTINCT FROM roster_people.snils
                                   THEN NULL ELSE roster_people.user_id END,
                    linked_at = CASE WHEN excluded.snils IS NOT NULL AND excluded.snils IS DISTINCT FROM roster_people.snils
                                     THEN NULL ELSE roster_people.linked_at END
                """, c =>
            {
                c.Parameters.AddWithValue("ids", upserts.Select(p => p.JournalId).ToArray());
                c.Parameters.AddWithValue("roles", upserts.Select(p => (short)p.Role).ToArray());
                c.Parameters.AddWithValue("last", upserts.Select(p => p.LastName).ToArray());
                c.Parameters.AddWithValue("first", upserts.Select(p => p.FirstName).ToArray());
                AddNullableText(c, "middle", upserts.Select(p => p.MiddleName));
                c.Parameters.Add(new NpgsqlParameter("birth", NpgsqlDbType.Array | NpgsqlDbType.Date)
                {
                    Value = upserts.Select(p => p.BirthDate is { } d ? (object)d : DBNull.Value).ToArray(),
                });
                AddNullableText(c, "snils", upserts.Select(p => p.Snils));
                AddNullableText(c, "email", upserts.Select(p => p.Email));
                AddNullableText(c, "phone", upserts.Select(p => p.Phone));
                AddNullableText(c, "position", upserts.Select(p => p.Position));
                c.Parameters.AddWithValue("admin", upserts.Select(p => p.IsSchoolAdministrator).ToArray());
            });

            // People who left are kept (their names stay in chat history) but leave every class and link.
            await RunAsync("""
                UPDATE roster_people SET removed_at = now() WHERE school_id = @school AND journal_id = ANY(@ids);
                DELETE FROM roster_enrollments WHERE school_id = @school AND student_id = ANY(@ids);
                DELETE FROM roster_guardianships WHERE school_id = @school AND (parent_id = ANY(@ids) OR student_id = ANY(@ids));
                DELETE FROM roster_teaching WHERE school_id = @school AND staff_id = ANY(@ids);
                """, c => c.Parameters.AddWithValue("ids", removed));
        }

        public async Task EnrollmentsAsync(IReadOnlyList<Change<RosterEnrollment>> changes)
        {
            var removed = changes.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Before!).ToList();
            var upserts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => c.After!).ToList();
            await RunAsync("""
                DELETE FROM roster_enrollments e USING unnest(@students, @classes) AS x(s, n)
                WHERE e.school_id = @school AND e.academic_year = @year AND e.student_id = x.s AND e.class_name = x.n
                """, c =>
            {
                c.Parameters.AddWithValue("students", removed.Select(e => e.StudentId).ToArray());
                c.Parameters.AddWithValue("classes", removed.Select(e => e.ClassName).ToArray());
            });
            await RunAsync("""
                INSERT INTO roster_enrollments (school_id, academic_year, student_id, class_name)
                SELECT @school, @year, s, n FROM unnest(@students, @classes) AS x(s, n)
                ON CONFLICT (school_id, academic_year, student_id) DO UPDATE SET class_name = excluded.class_name
                """, c =>
            {
                c.Parameters.AddWithValue("students", upserts.Select(e => e.StudentId).ToArray());
                c.Parameters.AddWithValue("classes", upserts.Select(e => e.ClassName).ToArray());
            });
        }

        public async Task GuardianshipsAsync(IReadOnlyList<Change<RosterGuardianship>> changes)
        {
            var removed = changes.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Before!).ToList();
            var upserts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => c.After!).ToList();
            await RunAsync("""
                DELETE FROM roster_guardianships g USING unnest(@parents, @students) AS x(p, s)
                WHERE g.school_id = @school AND g.parent_id = x.p AND g.student_id = x.s
                """, c =>
            {
                c.Parameters.AddWithValue("parents", removed.Select(g => g.ParentId).ToArray());
                c.Parameters.AddWithValue("students", removed.Select(g => g.StudentId).ToArray());
            });
            await RunAsync("""
                INSERT INTO roster_guardianships (school_id, parent_id, student_id, relation)
                SELECT @school, p, s, r FROM unnest(@parents, @students, @relations) AS x(p, s, r)
                ON CONFLICT (school_id, parent_id, student_id) DO UPDATE SET relation = coalesce(excluded.relation, roster_guardianships.relation)
                """, c =>
            {
                c.Parameters.AddWithValue("parents", upserts.Select(g => g.ParentId).ToArray());
                c.Parameters.AddWithValue("students", upserts.Select(g => g.StudentId).ToArray());
                AddNullableText(c, "relations", upserts.Select(g => g.Relation));
            });
        }

        public async Task TeachingAsync(IReadOnlyList<Change<RosterTeaching>> changes)
        {
            var removed = changes.Where(c => c.Kind == ChangeKind.Removed).Select(c => c.Before!).ToList();
            var upserts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => c.After!).ToList();
            await RunAsync("""
                DELETE FROM roster_teaching t USING unnest(@staff, @classes) AS x(s, n)
                WHERE t.school_id = @school AND t.academic_year = @year AND t.staff_id = x.s AND t.class_name = x.n
                """, c =>
            {
                c.Parameters.AddWithValue("staff", removed.Select(t => t.StaffId).ToArray());
                c.Parameters.AddWithValue("classes", removed.Select(t => t.ClassName).ToArray());
            });

            // Subjects travel as one joined string per row: unnest cannot take an array of arrays of different lengths.
            await RunAsync("""
                INSERT INTO roster_teaching (school_id, academic_year, staff_id, class_name, is_homeroom, subjects)
                SELECT @school, @year, s, n, h, CASE WHEN subj = '' THEN '{}'::text[] ELSE string_to_array(subj, E'\x1f') END
                FROM unnest(@staff, @classes, @homeroom, @subjects) AS x(s, n, h, subj)
                ON CONFLICT (school_id, academic_year, staff_id, class_name) DO UPDATE
                SET is_homeroom = excluded.is_homeroom, subjects = excluded.subjects
                """, c =>
            {
                c.Parameters.AddWithValue("staff", upserts.Select(t => t.StaffId).ToArray());
                c.Parameters.AddWithValue("classes", upserts.Select(t => t.ClassName).ToArray());
                c.Parameters.AddWithValue("homeroom", upserts.Select(t => t.IsHomeroom).ToArray());
                c.Parameters.AddWithValue("subjects", upserts.Select(t => string.Join('\x1f', t.Subjects)).ToArray());
            });
        }

        /// <summary>Entries of people who already use Sferum are linked now, as at their next sign-in.</summary>
        public Task LinkKnownUsersAsync() => RunAsync("""
            UPDATE roster_people p SET user_id = u.user_id, linked_at = now()
            FROM user_identities u
            WHERE p.school_id = @school AND p.removed_at IS NULL AND p.user_id IS NULL AND u.trust >= 1
              AND ((p.snils IS NOT NULL AND p.snils = u.snils)
                   OR (p.snils IS NULL AND ((p.email IS NOT NULL AND p.email = u.email) OR (p.phone IS NOT NULL AND p.phone = u.phone))))
            """, _ => { });

        private async Task RunAsync(string sql, Action<NpgsqlCommand> parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("school", schoolId);
            command.Parameters.AddWithValue("year", year);
            parameters(command);
            await command.ExecuteNonQueryAsync();
        }

        private static void AddNullableText(NpgsqlCommand command, string name, IEnumerable<string?> values) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = values.Select(v => v is null ? (object)DBNull.Value : v).ToArray(),
            });
    }
}
