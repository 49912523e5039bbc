using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Security;

public static class PortalPolicies
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
}

public static class PortalAuthentication
{
    /// <summary>Cookie sign-in per tenant (Identity's application cookie), and the role policies.</summary>
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "netvaerk.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                options.CookieManager = new TenantCookieManager();
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectOtherTenants;
            }));

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Administrator, policy => policy.RequireRole(PortalRoles.Administrator))
            .AddPolicy(PortalPolicies.Editor, policy => policy.RequireRole(PortalRoles.Administrator, PortalRoles.Editor));
        return services;
    }

    private static async Task RejectOtherTenants(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        if (context.Principal?.FindFirstValue(TenantClaimsPrincipalFactory.TenantClaim) != tenant.Name)
        {
            context.RejectPrincipal();
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
