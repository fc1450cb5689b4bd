namespace Sferum.Web.Localization;

/// <summary>
/// The portal's texts: <c>SharedResource.resx</c> beside this class holds them in Russian (the neutral language), a
/// file <c>SharedResource.&lt;language&gt;.resx</c> holds another language. Views read a text as <c>L[key]</c>.
/// </summary>
public sealed class SharedResource;
