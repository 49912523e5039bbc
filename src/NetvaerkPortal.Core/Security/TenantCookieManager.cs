using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Security;

/// <summary>Gives every tenant its own sign-in cookie: the tenant's name in the cookie name and the
/// tenant's URL prefix as the cookie path, so a browser never sends one tenant's cookie to another.</summary>
public sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, Scoped(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), Scoped(context, options));

    private static string Name(HttpContext context, string key) => key + "." + Tenant(context).Name.ToLowerInvariant();

    private static CookieOptions Scoped(HttpContext context, CookieOptions options)
    {
        options.Path = Tenant(context).PathBase is { Length: > 0 } pathBase ? pathBase + "/" : "/";
        return options;
    }

    private static TenantContext Tenant(HttpContext context) => context.RequestServices.GetRequiredService<TenantContext>();
}
