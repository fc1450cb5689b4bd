namespace Sferum.PersonalData;

/// <summary>What a person whose data was destroyed is called wherever their name used to be (chats, materials, polls, the audit log).</summary>
public static class FormerMember
{
    public const string Name = "бывший участник";
}
