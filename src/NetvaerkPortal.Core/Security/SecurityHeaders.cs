using Microsoft.AspNetCore.Http;

namespace NetvaerkPortal.Security;

/// <summary>The headers every response carries, static files and errors included, set in one place just before
/// the response starts (when the reader is known): the content security policy, no sniffing or framing, a
/// referrer and permissions policy, HSTS over HTTPS, and <c>private, no-store</c> on whatever depends on the reader.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>Scripts and styles only from the portal's own files (no inline script, style or handler anywhere);
    /// images may come from https sites too, because authors link pictures in their Markdown.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>An SVG image opened by its own address is a document: it may draw with its own styles and nothing else.</summary>
    public const string SvgContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>One year; no includeSubDomains, since other sites may live under the portal's domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public const string PrivateNoStore = "private, no-store";

    /// <summary>Paths (inside a tenant) whose answers always depend on who asks.</summary>
    private static readonly PathString[] PrivatePaths = ["/api", "/admin", "/account"];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Response.ContentType?.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase) == true
            ? SvgContentSecurityPolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (DependsOnReader(context))
        {
            headers.CacheControl = PrivateNoStore;
            headers.Pragma = "no-cache";
            headers.Remove("Expires");
        }
    }

    /// <summary>Signed in (cookie or token), a credential presented at all, a cookie being set, or a private path:
    /// no cache may keep it. An anonymous answer on a public page stays cacheable.</summary>
    private static bool DependsOnReader(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        || context.Request.Headers.Authorization.Count > 0
        || context.Response.Headers.SetCookie.Count > 0
        || PrivatePaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
}
