using Orleans.Dashboard;
using Sferum.Web.Identity;

namespace Sferum.Web.Operations;

public static class OperationsExtensions
{
    /// <summary>The operators' status page's sources (cluster, database, video server).</summary>
    public static IServiceCollection AddSferumOperations(this IServiceCollection services)
    {
        services.AddSingleton<ClusterStatus>();
        services.AddSingleton<DatabaseStatus>();
        services.AddHttpClient<VideoServerStatus>(http => http.Timeout = TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>
    /// The Orleans dashboard at <c>/Admin/Orleans/</c>, for platform operators only. Its grain-state view is refused:
    /// grain state holds people's names and SNILS, which an operator's monitoring has no business showing.
    /// </summary>
    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(DashboardPath)
            .RequireAuthorization(Policies.Admin)
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.Value?.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase) == true
                    ? TypedResults.Problem("Состояние зёрен не показывается: в нём персональные данные.", statusCode: StatusCodes.Status403Forbidden)
                    : await next(context));
        return app;
    }

    public const string DashboardPath = "/Admin/Orleans";
}
