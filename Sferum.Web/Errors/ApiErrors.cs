using Microsoft.AspNetCore.Antiforgery;
using Sferum.Common;
using Sferum.Web.Localization;

namespace Sferum.Web.Errors;

/// <summary>
/// The JSON API's answers to a grain's refusal: 403 for "forbidden" (saying nothing of what exists), 404 for an unknown
/// thing, 429 for a rate limit, otherwise 400 with the rule's code and its text in the reader's language (ErrorText).
/// </summary>
public static class ApiErrors
{
    public static async Task<IResult> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (DomainException ex)
        {
            return From(ex);
        }
    }

    public static IResult From(DomainException ex) => ex.Code switch
    {
        "forbidden" => TypedResults.Problem("Нет доступа.", statusCode: StatusCodes.Status403Forbidden),
        var code when code.EndsWith(".unknown", StringComparison.Ordinal) =>
            TypedResults.Problem(ErrorText.Of(ex), statusCode: StatusCodes.Status404NotFound, type: code),
        var code when code.EndsWith("rate-limited", StringComparison.Ordinal) =>
            TypedResults.Problem(ErrorText.Of(ex), statusCode: StatusCodes.Status429TooManyRequests, type: code),
        var code => TypedResults.Problem(ErrorText.Of(ex), statusCode: StatusCodes.Status400BadRequest, type: code),
    };

    /// <summary>
    /// Cookie-authenticated writes must prove they come from Sferum's own page: the antiforgery token travels in the
    /// <c>RequestVerificationToken</c> header (a journal's bearer-token API does not use this).
    /// </summary>
    public static TBuilder RequireAntiforgeryHeader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                try
                {
                    await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return TypedResults.Problem("Страница устарела: обновите её и повторите.", statusCode: StatusCodes.Status400BadRequest,
                        type: "antiforgery");
                }
            }

            return await next(context);
        });
}
