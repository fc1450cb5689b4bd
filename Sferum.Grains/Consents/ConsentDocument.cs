using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sferum.PersonalData;

namespace Sferum.Consents;

/// <summary>
/// A consent text filled in for the people who give it and the school that receives it: the document a person reads
/// and accepts. Its SHA-256 over UTF-8 is stored with it, so the stored text can be shown to be the accepted one.
/// </summary>
public static partial class ConsentDocument
{
    /// <summary>Who gives the consent, for whom, to which operator, and the destruction period the text promises.</summary>
    public sealed record Parties(string ConsenterName, bool AsParent, string SubjectName, OperatorDetails Operator, int DestroyDays);

    // One pass: a value is never scanned again, so a name that looks like a placeholder stays a name.
    public static string Render(ConsentText text, Parties parties) =>
        Placeholder().Replace(text.Body, m => m.Groups[1].Value switch
        {
            "consenter" => parties.ConsenterName,
            "representative" => parties.AsParent
                ? ", действуя как родитель (законный представитель) несовершеннолетнего субъекта персональных данных"
                : "",
            "subject" => parties.SubjectName,
            "operator" => parties.Operator.LegalName,
            "operator_address" => parties.Operator.Address,
            "destroy_within" => Within(parties.DestroyDays),
            // A shipped text this version of Sferum cannot fill must not be accepted with a hole in it.
            var unknown => throw new InvalidOperationException($"Consent text {text.Purpose} v{text.Version} has the unknown placeholder {{{{{unknown}}}}}."),
        });

    public static byte[] Sha256(string document) => SHA256.HashData(Encoding.UTF8.GetBytes(document));

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>"не более 30 дней", "не более 21 дня": the genitive after «не более».</summary>
    public static string Within(int days) => $"не более {days} {(days % 10 == 1 && days % 100 != 11 ? "дня" : "дней")}";

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
