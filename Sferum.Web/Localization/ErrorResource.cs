namespace Sferum.Web.Localization;

/// <summary>
/// The texts of the grains' refusals (<see cref="Sferum.Common.DomainException"/>): <c>ErrorResource.resx</c> beside
/// this class holds them in Russian under each refusal's <see cref="Sferum.Common.DomainException.Key"/>, with
/// <c>{0}</c> where its arguments go; <c>ErrorResource.&lt;language&gt;.resx</c> holds another language. Apart from
/// <see cref="SharedResource"/> because these keys are the grains' codes, not the pages' own texts.
/// </summary>
public sealed class ErrorResource;
