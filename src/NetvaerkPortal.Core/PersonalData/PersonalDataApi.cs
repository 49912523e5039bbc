using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.PersonalData;

/// <summary>GET /api/me/data: the signed-in member's (or token holder's) own personal data as JSON.</summary>
public static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me/data", ExportAsync)
            .RequireAuthorization()
            .WithTags("Personal data")
            .WithName("ExportMyData")
            .WithSummary("The caller's personal data: profile, network memberships, what they wrote, their tokens' metadata.");
        return routes;
    }

    private static async Task<Results<Ok<JsonObject>, UnauthorizedHttpResult>> ExportAsync(
        HttpContext http, UserManager<PortalUser> users, PersonalDataExport export, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        // Personal data never sits in a shared cache.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(await export.ExportAsync(user, cancellationToken));
    }
}
