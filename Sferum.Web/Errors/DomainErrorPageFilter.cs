using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sferum.Common;

namespace Sferum.Web.Errors;

/// <summary>
/// Grains are the last word on who may do what: when one refuses, the page answers 403 (and says nothing about what
/// exists behind it); an unknown school, class or import is a 404.
/// </summary>
public sealed class DomainErrorPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is DomainException ex && !executed.ExceptionHandled)
        {
            if (ex.Code == "forbidden")
            {
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
            }
            else if (ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
            {
                executed.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
                executed.ExceptionHandled = true;
            }
        }
    }
}
