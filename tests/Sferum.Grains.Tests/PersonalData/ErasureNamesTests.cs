using Sferum.Identity;
using Sferum.PersonalData;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>The name forms an erasure replaces: every form Sferum writes, and never a single word that others' texts use too.</summary>
public sealed class ErasureNamesTests
{
    [Fact]
    public void A_name_gives_the_forms_sferum_writes_it_in()
    {
        var forms = ErasureNames.Forms(new PersonName("Иванова", "Мария", "Сергеевна")).ToList();
        Assert.Contains("Иванова Мария Сергеевна", forms);
        Assert.Contains("Мария Иванова", forms);
        Assert.Contains("Иванова Мария", forms);
        Assert.Contains("Мария Сергеевна", forms);
        Assert.DoesNotContain("Иванова", forms);
    }

    [Fact]
    public void Single_words_and_the_stand_in_are_never_replaced_identifiers_are_and_longest_go_first()
    {
        var names = ErasureNames.Distinct(["Участник", "Организатор", FormerMember.Name, "Мария Иванова", "Иванова Мария Сергеевна", "Мария Иванова",
            "+79001234567", "m@school.example", "152-634-871 68", " ", null, "Ли"]);
        Assert.Equal(["Иванова Мария Сергеевна", "m@school.example", "152-634-871 68", "Мария Иванова", "+79001234567"], names);
    }
}
