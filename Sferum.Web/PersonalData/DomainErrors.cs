using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sferum.Common;
using Sferum.Web.Localization;

namespace Sferum.Web.PersonalData;

/// <summary>
/// Puts a grain's refusal next to the field it is about (the message already begins with the field's label), so that
/// a screen reader reading the field hears why; anything not tied to a field goes to the form's summary.
/// </summary>
public static class DomainErrors
{
    public static void AddTo(ModelStateDictionary state, DomainException error, IReadOnlyDictionary<string, string> fieldsByCode)
    {
        state.AddModelError(fieldsByCode.GetValueOrDefault(error.Code, string.Empty), ErrorText.Of(error));
        if (fieldsByCode.ContainsKey(error.Code))
        {
            // The summary lists it too: the first thing announced after the post.
            state.AddModelError(string.Empty, ErrorText.Of(error));
        }
    }
}
