using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Display;

/// <summary>What the display layer adds to the pipeline: each module's static files at <c>/{ModuleId}/</c>, the
/// tenant's brand colours as <c>/site.css</c>, and error pages (404, 403, 500) in the layout for readers of HTML.</summary>
public static class DisplayEndpoints
{
    private static readonly Dictionary<int, (string Heading, string Text)> StatusTexts = new()
    {
        [StatusCodes.Status404NotFound] = ("Siden findes ikke", "Siden findes ikke, eller du har ikke adgang til den. Er du medlem, så log ind og prøv igen."),
        [StatusCodes.Status403Forbidden] = ("Du har ikke adgang til denne side", "Siden kræver en rolle, du ikke har. Spørg en administrator i din organisation, hvis du mener, du burde have adgang."),
        [StatusCodes.Status500InternalServerError] = ("Der gik noget galt", "Siden kunne ikke vises på grund af en fejl hos os. Prøv igen om lidt; fejlen er skrevet i loggen."),
    };

    public static IApplicationBuilder UseModuleStaticFiles(this IApplicationBuilder app)
    {
        foreach (var module in app.ApplicationServices.GetRequiredService<ModuleCatalog>().Ordered)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Modules", module.Assembly?.GetName().Name ?? module.Id, "wwwroot");
            if (Directory.Exists(folder))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/" + module.Id });
            }
        }

        return app;
    }

    /// <summary>HTML error pages for requests that end in 404, 403 or 500 without a body; the API keeps its JSON problems.</summary>
    public static IApplicationBuilder UsePortalStatusPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A request the server refuses (a form without its antiforgery token, a body too large) keeps its 4xx.
            StatusCodeSelector = error => error is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = async http =>
            {
                if (http.Response.StatusCode == StatusCodes.Status500InternalServerError && WantsHtml(http))
                {
                    await WriteStatusPageAsync(http, StatusCodes.Status500InternalServerError);
                }
            },
        });
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (WantsHtml(http) && StatusTexts.ContainsKey(http.Response.StatusCode))
            {
                await WriteStatusPageAsync(http, http.Response.StatusCode);
            }
        });
        return app;
    }

    public static IEndpointRouteBuilder MapDisplay(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/site.css", SiteStylesAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SiteStylesAsync(SiteDisplays sites, TenantContext tenant, SiteDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        var branding = (await sites.GetAsync(tenant.Name, documents, cancellationToken)).Branding;
        http.Response.Headers.CacheControl = http.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
        // Only colours that passed validation reach the page; anything else falls back to the theme's.
        var primary = BrandColours.IsColour(branding.PrimaryColor) ? branding.PrimaryColor : SiteBranding.DefaultPrimaryColor;
        var accent = BrandColours.IsColour(branding.AccentColor) ? branding.AccentColor : SiteBranding.DefaultAccentColor;
        return Results.Text(string.Create(CultureInfo.InvariantCulture, $":root {{ --brand: {primary}; --brand-accent: {accent}; }}\n"), "text/css; charset=utf-8");
    }

    private static bool WantsHtml(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted
        && http.Request.Headers.Accept.ToString() is var accept && (accept.Length == 0 || accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal));

    private static async Task WriteStatusPageAsync(HttpContext http, int status)
    {
        var (heading, text) = StatusTexts[status];
        var tenant = http.RequestServices.GetService<TenantContext>();
        if (tenant is not { IsResolved: true })
        {
            return;
        }

        try
        {
            var display = http.RequestServices.GetRequiredService<PageDisplay>();
            var signIn = status == StatusCodes.Status404NotFound && http.User.Identity?.IsAuthenticated != true
                ? $"{http.Request.PathBase}/account/login?returnUrl={Uri.EscapeDataString(http.Request.PathBase + http.Request.Path + http.Request.QueryString)}"
                : "";
            var body = await display.ShapeAsync([$"StatusPage-{status}", "StatusPage"], new StatusPageModel(heading, text, signIn));
            var html = await display.LayoutAsync(body, new PageOptions(heading, StatusCode: status) { TranslateTitle = true });
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(html);
        }
        catch (Exception) when (!http.Response.HasStarted)
        {
            // An error page that fails itself leaves the bare status code rather than a second error.
        }
    }

    public sealed record StatusPageModel(string Heading, string Text, string SignInUrl);
}
