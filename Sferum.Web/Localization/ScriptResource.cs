namespace Sferum.Web.Localization;

/// <summary>
/// The texts the browser shows on its own: the scripts' (<c>wwwroot/js</c>) and the offline page's. Russian in
/// <c>ScriptResource.resx</c> beside this class (the neutral language), another language in
/// <c>ScriptResource.&lt;language&gt;.resx</c>. The layout hands them to the scripts (<see cref="ScriptTexts"/>).
/// </summary>
public sealed class ScriptResource;
