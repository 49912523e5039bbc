using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NetvaerkPortal.Security;

/// <summary>An API request that presents a Bearer token which does not authenticate (unknown on this tenant,
/// expired, revoked) gets 401 instead of being served as anonymous, so a broken script notices at once.</summary>
public sealed class RejectInvalidAccessTokens(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (PortalAuthentication.IsApiRequest(context)
            && PersonalAccessTokenHandler.HasBearerToken(context.Request)
            && context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await context.Response.WriteAsJsonAsync(
                new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Invalid access token",
                    Detail = "The access token is unknown on this site, expired or revoked. Create a new one with 'tokens create'.",
                },
                options: null,
                contentType: "application/problem+json",
                cancellationToken: context.RequestAborted);
            return;
        }

        await next(context);
    }
}
