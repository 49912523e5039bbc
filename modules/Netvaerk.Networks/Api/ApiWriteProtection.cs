using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Api;

/// <summary>Guards every API write. Anonymous writes are refused (401). A write authenticated by a
/// personal access token needs nothing more: a browser never adds an Authorization header on its own,
/// so a foreign page cannot forge one. A write authenticated by the sign-in cookie must carry the
/// antiforgery token in the RequestVerificationToken header (GET /api/antiforgery hands it out), because
/// the browser sends the cookie with any request, including one a foreign page triggers (CSRF).</summary>
public sealed class ApiWriteProtection : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Writing needs a personal access token (Authorization: Bearer ...) or a signed-in session with an antiforgery token.");
        }

        if (!PortalAuthentication.IsTokenAuthenticated(http.User)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                detail: "A write with the sign-in cookie must send the antiforgery token in the RequestVerificationToken header (GET /api/antiforgery), or use a personal access token.");
        }

        return await next(context);
    }
}
