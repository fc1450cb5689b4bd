using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sferum.Common;
using Sferum.Schools;
using Sferum.Web.Identity;

namespace Sferum.Web.PersonalData;

/// <summary>
/// The web's own check on a school's personal-data pages, before any handler runs: the school's appointed admins, and
/// with <see cref="OperatorsToo"/> platform operators; anyone else gets 403 at once, so a page reads nothing for
/// someone it is not for. Asked of the school's grain, whose refusal is audited like any other; the grains behind the
/// page check again and have the last word.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SchoolStaffOnlyAttribute : Attribute, IAsyncPageFilter
{
    public bool OperatorsToo { get; init; }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(context.RouteData.Values["schoolId"]?.ToString(), out var schoolId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        try
        {
            await context.HttpContext.RequestServices.GetRequiredService<IClusterClient>().GetGrain<ISchoolGrain>(schoolId)
                .RequirePersonalDataStaffAsync(context.HttpContext.User.GetUserId(), OperatorsToo);
        }
        catch (DomainException ex) when (ex.Code == "forbidden")
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
