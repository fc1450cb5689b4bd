using System.IO.Compression;
using System.Text;
using Sferum.Rosters.Reading;

namespace Sferum.Rosters.Tests;

/// <summary>Each kind of bad input is named with its file, row and column, in Russian, and blocks applying.</summary>
public sealed class BadInputTests
{
    private const string StudentsHeader = "Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Идентификатор\r\n";

    /// <summary>The one error with this code; an error always blocks applying.</summary>
    private static ImportProblem Single(RosterReadResult result, string code)
    {
        var problem = Assert.Single(result.Problems, p => p.Code == code);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        return problem;
    }

    [Fact]
    public void Invalid_snils_check_digits()
    {
        var p = Single(Read.Files(("s.csv", StudentsHeader + "Иванов;Иван;;01.02.2015;5А;482-447-577 21;S1\r\n")), "snils.invalid");
        Assert.Equal(("s.csv", 2, "СНИЛС"), (p.File, p.Row, p.Column));
        Assert.Contains("482-447-577 21", p.Message);
    }

    [Theory]
    [InlineData("31.02.2015")]
    [InlineData("15.13.2015")]
    [InlineData("01.01.1850")]
    [InlineData("01.01.2999")]
    [InlineData("вчера")]
    public void Impossible_birth_dates(string date)
    {
        var p = Single(Read.Files(("s.csv", StudentsHeader + $"Иванов;Иван;;{date};5А;;S1\r\n")), "date.invalid");
        Assert.Equal((2, "Дата рождения"), (p.Row, p.Column));
    }

    [Fact]
    public void Missing_required_column()
    {
        var p = Single(Read.Files(("s.csv", "Фамилия;Класс;Идентификатор\r\nИванов;5А;S1\r\n")), "column.missing");
        Assert.Equal(("s.csv", "Имя"), (p.File, p.Column));
    }

    [Fact]
    public void Empty_required_field()
    {
        var p = Single(Read.Files(("s.csv", StudentsHeader + "Иванов;Иван;;;5А;;S1\r\n;Пётр;;;5А;;S2\r\n")), "field.empty");
        Assert.Equal((3, "Фамилия"), (p.Row, p.Column));
    }

    [Fact]
    public void A_parent_row_naming_an_unknown_student()
    {
        var result = Read.Files(
            ("s.csv", StudentsHeader + "Иванов;Иван;;;5А;;S1\r\n"),
            ("p.csv", "Фамилия;Имя;Кем приходится;Телефон;Идентификатор;Идентификатор ученика\r\nИванова;Анна;Мать;+79001234567;P1;S9\r\n"));
        var p = Single(result, "parent.unknown-student");
        Assert.Equal(("p.csv", 2, "Идентификатор ученика"), (p.File, p.Row, p.Column));
    }

    [Fact]
    public void The_same_person_twice_with_conflicting_data()
    {
        var p = Single(Read.Files(("s.csv", StudentsHeader + "Иванов;Иван;;01.02.2015;5А;;S1\r\nИванов;Иван;;03.04.2015;5А;;S1\r\n")), "person.conflict");
        Assert.Equal(3, p.Row);
        Assert.Contains("строка 2", p.Message);
    }

    [Fact]
    public void A_class_in_the_staff_file_that_no_student_has()
    {
        var result = Read.Files(
            ("s.csv", StudentsHeader + "Иванов;Иван;;;5А;;S1\r\n"),
            ("t.csv", "Фамилия;Имя;Должность;Классное руководство;Классы;Идентификатор\r\nПетрова;Ольга;Учитель;5А;5А, 6Б;T1\r\n"));
        var p = Single(result, "staff.unknown-class");
        Assert.Equal(("t.csv", 2, "Классы"), (p.File, p.Row, p.Column));
        Assert.Contains("6Б", p.Message);
    }

    [Fact]
    public void An_oversized_file()
    {
        var result = RosterReader.Read([new RosterUpload("big.csv", new byte[2048])], new RosterReaderOptions { MaxFileBytes = 1024 });
        Assert.Equal("big.csv", Single(result, "file.too-large").File);
    }

    [Fact]
    public void A_corrupt_workbook_and_a_corrupt_zip()
    {
        var random = new byte[500];
        new Random(1).NextBytes(random);
        Assert.Equal("book.xlsx", Single(Read.Bytes(("book.xlsx", random)), "file.corrupt").File);

        var truncated = "PK\u0003\u0004garbage-that-is-not-a-zip"u8.ToArray();
        Assert.Equal("export.zip", Single(Read.Bytes(("export.zip", truncated)), "file.corrupt").File);
    }

    [Fact]
    public void An_empty_file_and_a_header_only_file()
    {
        Assert.Equal("empty.csv", Single(Read.Bytes(("empty.csv", [])), "file.empty").File);
        Assert.Equal("header.csv", Single(Read.Files(("header.csv", StudentsHeader)), "file.empty").File);
    }

    [Fact]
    public void Binary_garbage_is_an_unknown_encoding()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 7)).ToArray();
        Assert.Equal("x.csv", Single(Read.Bytes(("x.csv", bytes)), "file.encoding-unknown").File);
    }

    [Fact]
    public void An_unrecognised_table()
    {
        Assert.Equal("menu.csv", Single(Read.Files(("menu.csv", "Блюдо;Цена\r\nКаша;50\r\n")), "file.unrecognised").File);
    }

    [Fact]
    public void A_zip_bomb_entry_is_refused_before_it_is_unpacked()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("students.csv", CompressionLevel.Optimal).Open();
            entry.Write(new byte[3 * 1024 * 1024]);
        }

        var result = RosterReader.Read([new RosterUpload("bomb.zip", buffer.ToArray())], new RosterReaderOptions { MaxFileBytes = 1024 * 1024 });
        Assert.Equal("bomb.zip/students.csv", Single(result, "file.too-large").File);
    }

    [Fact]
    public void Formula_like_cells_are_kept_as_text_and_a_parent_without_phone_is_only_a_warning()
    {
        var result = Read.Files(
            ("s.csv", StudentsHeader + "=HYPERLINK(\"x\");@Иван;<b>Жирный</b>;;5А;;S1\r\n"),
            ("p.csv", "Фамилия;Имя;Кем приходится;Телефон;Идентификатор;Идентификатор ученика\r\n-Петрова;+Анна;Мать;;P1;S1\r\n"));

        Assert.False(result.HasErrors);
        Assert.Contains(result.Snapshot.People, p => p.LastName == "=HYPERLINK(\"x\")" && p.FirstName == "@Иван" && p.MiddleName == "<b>Жирный</b>");
        Assert.Contains(result.Snapshot.People, p => p.LastName == "-Петрова" && p.FirstName == "+Анна");
        var warning = Assert.Single(result.Problems, p => p.Code == "parent.no-phone");
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_student_in_two_classes()
    {
        var p = Single(Read.Files(("s.csv", StudentsHeader + "Иванов;Иван;;;5А;;S1\r\nИванов;Иван;;;5Б;;S1\r\n")), "student.two-classes");
        Assert.Equal((3, "Класс"), (p.Row, p.Column));
    }

    [Fact]
    public void Windows_1251_text_is_read_and_an_english_header_is_understood()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Last name,First name,Class,ID\r\nЁжиков,Семён,5 а,S1\r\n";
        var result = Read.Bytes(("s.csv", Encoding.GetEncoding(1251).GetBytes(text)));

        Assert.False(result.HasErrors);
        var student = Assert.Single(result.Snapshot.People);
        Assert.Equal(("Ёжиков", "Семён"), (student.LastName, student.FirstName));
        Assert.Equal("5А", Assert.Single(result.Snapshot.Enrollments).ClassName);
    }
}
