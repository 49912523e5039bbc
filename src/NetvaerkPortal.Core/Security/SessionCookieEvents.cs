using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Security;

/// <summary>Ties the sign-in cookie to its <see cref="UserSession"/>: signing in starts a session, signing out
/// revokes it, and every request checks it (one indexed query), so a lock, a revoked session or a logout
/// counts on the next request, and a changed security stamp (role, membership) rebuilds the cookie's claims.</summary>
public static class SessionCookieEvents
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = StartSessionAsync;
        events.OnSigningOut = EndSessionAsync;
        events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        // The new cookie replaces the one this browser had (a second sign-in, a refresh after a password change).
        if (context.HttpContext.User.FindFirstValue(UserSessions.SessionClaim) is { } replaced)
        {
            await sessions.RevokeAsync(replaced, context.HttpContext.RequestAborted);
        }

        if (context.Principal?.Identity is ClaimsIdentity identity && UserId(context.HttpContext.RequestServices, context.Principal) is { } userId)
        {
            foreach (var stale in identity.FindAll(UserSessions.SessionClaim).ToList())
            {
                identity.RemoveClaim(stale);
            }

            identity.AddClaim(new Claim(UserSessions.SessionClaim, await sessions.StartAsync(userId, context.HttpContext.RequestAborted)));
        }
    }

    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(UserSessions.SessionClaim) is { } session)
        {
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().RevokeAsync(session, CancellationToken.None);
        }
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var cancellationToken = context.HttpContext.RequestAborted;
        // A ticket stamped for another tenant is refused even if someone copies the cookie across.
        if (principal?.FindFirstValue(TenantClaimsPrincipalFactory.TenantClaim) != services.GetRequiredService<TenantContext>().Name
            || principal.FindFirstValue(UserSessions.SessionClaim) is not { } sessionId
            || UserId(services, principal) is not { } userId)
        {
            await RejectAsync(context);
            return;
        }

        // A signed-in page reads the database several times: one connection for the request (the context closes it when
        // the request ends) instead of one taken from the pool and given back per query. Not for a live hub connection,
        // whose request lasts as long as the browser stays, and would hold a connection all that time.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is null)
        {
            await services.GetRequiredService<Data.PortalDbContext>().Database.OpenConnectionAsync(cancellationToken);
        }

        var sessions = services.GetRequiredService<UserSessions>();
        var state = await sessions.FindLiveAsync(sessionId, userId, cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        if (state is null || state.IsLockedOut(clock.GetUtcNow()))
        {
            await RejectAsync(context);
            return;
        }

        await sessions.TouchAsync(sessionId, state, cancellationToken);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal.FindFirstValue(stampClaim) != state.SecurityStamp)
        {
            await RebuildAsync(context, services, userId, sessionId);
        }
    }

    /// <summary>Roles or memberships changed: the cookie gets claims read from the database now, and is reissued.</summary>
    private static async Task RebuildAsync(CookieValidatePrincipalContext context, IServiceProvider services, string userId, string sessionId)
    {
        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId);
        if (user is null)
        {
            await RejectAsync(context);
            return;
        }

        var fresh = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var identity = (ClaimsIdentity)fresh.Identity!;
        identity.AddClaim(new Claim(UserSessions.SessionClaim, sessionId));
        if (context.Principal!.FindFirst("amr") is { } method)
        {
            identity.AddClaim(new Claim(method.Type, method.Value));
        }

        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static string? UserId(IServiceProvider services, ClaimsPrincipal principal) =>
        principal.FindFirstValue(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType);
}
