namespace Sferum.Consents;

/// <summary>A kind of personal data Sferum keeps, where it comes from and on which basis (<see cref="PersonalDataCategories"/>).</summary>
public sealed record PersonalDataCategory(string Code, string Label, LegalBasis Basis, string Source);
