using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Security;

public static class PortalPolicies
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
}

public static class PortalAuthentication
{
    /// <summary>Chooses per request: a Bearer token on /api/... is checked as a personal access token, anything else by the sign-in cookie.</summary>
    public const string Scheme = "Portal";

    /// <summary>Cookie sign-in per tenant (Identity's application cookie), personal access tokens on the API, and the role policies.</summary>
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<UserSessions>();
        services.AddSignInThrottling();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Sign-in cookie or access token", options =>
                options.ForwardDefaultSelector = context => IsApiRequest(context) && PersonalAccessTokenHandler.HasBearerToken(context.Request)
                    ? PersonalAccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "netvaerk.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CookieManager = new TenantCookieManager();
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/denied";
                options.ExpireTimeSpan = UserSessions.IdleTimeout;
                options.SlidingExpiration = true;
                SessionCookieEvents.Attach(options.Events);
                // A script calling the API wants a status code, not the login page.
                options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Administrator, policy => policy.RequireRole(PortalRoles.Administrator))
            .AddPolicy(PortalPolicies.Editor, policy => policy.RequireRole(PortalRoles.Administrator, PortalRoles.Editor));
        return services;
    }

    /// <summary>The request is for the JSON API of its tenant (/api/... after the tenant's prefix).</summary>
    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request was authenticated by a personal access token (not by the sign-in cookie).</summary>
    public static bool IsTokenAuthenticated(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: PersonalAccessTokenHandler.SchemeName };

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
