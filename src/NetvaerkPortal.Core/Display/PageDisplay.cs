using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Display;

public static class Html
{
    /// <summary>Danish letters stay letters in the HTML; what matters to HTML is escaped.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}

/// <summary>How a page is wrapped: its title, whether it belongs to the administration (admin theme and menu), its status.</summary>
public sealed record PageOptions(string Title, bool Admin = false, int StatusCode = StatusCodes.Status200OK)
{
    /// <summary>Whether the title is a Danish source text to translate (a content item's title is not).</summary>
    public bool TranslateTitle { get; init; }
}

/// <summary>The one way a page is built: a shape's template (found by <see cref="TemplateResolver"/>) renders the body,
/// and the theme's <c>Layout</c> wraps it with the chrome (site name, navigation, sign-in, language, footer).
/// Every template sees <c>Model</c> (also as its root), <c>Site</c> (the tenant's branding), <c>PathBase</c>,
/// <c>Lang</c>, <c>User</c> and <c>Request</c>, and has the filters of <see cref="LiquidFilters"/>.</summary>
public sealed class PageDisplay(
    TemplateResolver resolver,
    SiteDisplays sites,
    SiteDocuments documents,
    TenantContext tenant,
    IHttpContextAccessor accessor,
    IStringLocalizerFactory localizers,
    IEnumerable<MenuEntry> menuEntries,
    IEnumerable<Stylesheet> stylesheets,
    IAntiforgery antiforgery,
    TemplateProblems problems)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(PageDisplay));
    private SiteDisplay? _site;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("Pages are rendered within a request.");

    public IStringLocalizer Text => _text;

    public async Task<SiteDisplay> SiteAsync(CancellationToken cancellationToken = default) =>
        _site ??= await sites.GetAsync(tenant.Name, documents, cancellationToken);

    /// <summary>Renders a shape (the first of <paramref name="names"/> that some source has) to HTML.</summary>
    public async Task<string> ShapeAsync(IReadOnlyList<string> names, object model, bool admin = false, CancellationToken cancellationToken = default)
    {
        var site = await SiteAsync(cancellationToken);
        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        if (!await resolver.TryRenderAsync(names, () => NewContext(model, site), output, tenant.Name, site, admin))
        {
            throw new InvalidOperationException($"No module or theme has a template named {string.Join(" or ", names.Select(n => $"'{SafePaths.Show(n)}'"))}.");
        }

        return output.ToString();
    }

    /// <summary>Whether some source has a template by one of these names (an optional alternate such as a part's summary).</summary>
    public async Task<bool> HasTemplateAsync(IReadOnlyList<string> names, bool admin = false, CancellationToken cancellationToken = default) =>
        resolver.Candidates(names, tenant.Name, await SiteAsync(cancellationToken), admin).Any();

    /// <summary>A whole page: the shape's template inside the layout.</summary>
    public async Task<IResult> PageAsync(IReadOnlyList<string> names, object model, PageOptions options, CancellationToken cancellationToken = default)
    {
        var body = await ShapeAsync(names, model, options.Admin, cancellationToken);
        return await LayoutResultAsync(body, options, cancellationToken);
    }

    public async Task<IResult> LayoutResultAsync(string body, PageOptions options, CancellationToken cancellationToken = default)
    {
        var html = await LayoutAsync(body, options, cancellationToken);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, options.StatusCode);
    }

    /// <summary>The layout around an already rendered body (Razor pages put theirs here too).</summary>
    public async Task<string> LayoutAsync(string body, PageOptions options, CancellationToken cancellationToken = default)
    {
        var site = await SiteAsync(cancellationToken);
        var http = Http;
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var path = http.Request.PathBase + http.Request.Path;
        var returnUrl = path + http.Request.QueryString;
        var english = IsEnglish;
        var title = options.TranslateTitle ? _text[options.Title].Value : options.Title;
        var layout = new LayoutModel
        {
            Title = string.IsNullOrEmpty(title) ? site.Branding.SiteName : $"{title} – {site.Branding.SiteName}",
            Heading = title,
            Body = body,
            Admin = options.Admin,
            MainMenu = Menu(Menus.Main, site, user, signedIn, path),
            AdminMenu = options.Admin || IsStaff(user) ? Menu(Menus.Admin, site, user, signedIn, path) : [],
            AccountMenu = signedIn ? Menu(Menus.Account, site, user, signedIn, path) : [],
            SignInUrl = $"{http.Request.PathBase}/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}",
            SignOutAction = $"{http.Request.PathBase}/account/logout",
            MayAdminister = IsStaff(user),
            Stylesheets = stylesheets.Where(s => site.Features.Contains(s.Feature)).Select(s => http.Request.PathBase + s.Path).ToList(),
            LanguageUrl = $"{http.Request.PathBase}/sprog/{(english ? "da" : "en")}?returnUrl={Uri.EscapeDataString(returnUrl)}",
            LanguageLabel = english ? "Dansk" : "English",
            LanguageCode = english ? "da" : "en",
            AccessibilityStatementUrl = string.IsNullOrEmpty(site.Branding.AccessibilityStatementUrl)
                ? http.Request.PathBase + SiteBranding.DefaultAccessibilityStatementPath
                : site.Branding.AccessibilityStatementUrl,
            Problems = user.IsInRole(PortalRoles.Administrator) ? problems.For(tenant.Name) : [],
        };

        if (signedIn)
        {
            // Only signed-in pages carry a token: a Set-Cookie would keep anonymous pages out of the output cache.
            var tokens = antiforgery.GetAndStoreTokens(http);
            layout = layout with { AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken ?? "" };
        }

        await using var output = new StringWriter(CultureInfo.InvariantCulture);
        if (!await resolver.TryRenderAsync(options.Admin ? ["Layout-Admin", "Layout"] : ["Layout"], () => NewContext(layout, site), output, tenant.Name, site, options.Admin))
        {
            throw new InvalidOperationException("The active theme has no 'Layout' template. Enable a theme (Netvaerk.Theme) for this tenant.");
        }

        return output.ToString();
    }

    /// <summary>A template context with what every template may use.</summary>
    public TemplateContext NewContext(object model, SiteDisplay site)
    {
        var http = accessor.HttpContext;
        var pathBase = http?.Request.PathBase.Value ?? "";
        var context = new TemplateContext(model, resolver.Options) { CultureInfo = CultureInfo.CurrentCulture };
        context.AmbientValues[LiquidFilters.LocalizerKey] = _text;
        context.AmbientValues[LiquidFilters.PathBaseKey] = pathBase;
        context.SetValue("Model", model);
        context.SetValue("Site", site.Branding);
        context.SetValue("PathBase", pathBase);
        context.SetValue("TenantName", tenant.IsResolved ? tenant.Name : "");
        context.SetValue("Lang", IsEnglish ? "en" : "da");
        context.SetValue("User", new LayoutUser(
            http?.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "" : "",
            http?.User.Identity?.IsAuthenticated == true,
            http?.User.IsInRole(PortalRoles.Administrator) == true,
            http is not null && IsStaff(http.User)));
        context.SetValue("Request", new LayoutRequest((http?.Request.PathBase + http?.Request.Path).ToString() ?? "", http?.Request.QueryString.Value ?? ""));
        return context;
    }

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.Editor);

    /// <summary>The links of a menu this reader may follow on this tenant, in position order.</summary>
    public async Task<IReadOnlyList<LayoutLink>> MenuAsync(string menu, CancellationToken cancellationToken = default)
    {
        var http = Http;
        return Menu(menu, await SiteAsync(cancellationToken), http.User, http.User.Identity?.IsAuthenticated == true, http.Request.PathBase + http.Request.Path);
    }

    private List<LayoutLink> Menu(string menu, SiteDisplay site, ClaimsPrincipal user, bool signedIn, string currentPath)
    {
        var pathBase = Http.Request.PathBase.Value ?? "";
        var entries = menuEntries
            .Where(e => e.Menu == menu && site.Features.Contains(e.Feature) && (!e.SignedInOnly || signedIn) && (e.Roles is null || e.Roles.Any(user.IsInRole)))
            .OrderBy(e => e.Position)
            .ToList();
        // The current entry is the one whose path is the longest prefix of the page's ("/admin/users/x" is under "Brugere", not "Oversigt").
        var current = entries
            .Where(e => e.Path == "/" ? currentPath == pathBase || currentPath == pathBase + "/" : Under(currentPath, pathBase + e.Path.TrimEnd('/')))
            .MaxBy(e => e.Path.Length);
        return entries.Select(e => new LayoutLink(_text[e.Text].Value, pathBase + e.Path, ReferenceEquals(e, current), e.Hint.Length > 0 ? _text[e.Hint].Value : "")).ToList();
    }

    private static bool Under(string path, string prefix) =>
        prefix.Length > 0 && (string.Equals(path, prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
}

public sealed record LayoutModel
{
    public string Title { get; init; } = "";

    public string Heading { get; init; } = "";

    public string Body { get; init; } = "";

    public bool Admin { get; init; }

    public IReadOnlyList<LayoutLink> MainMenu { get; init; } = [];

    public IReadOnlyList<LayoutLink> AdminMenu { get; init; } = [];

    public IReadOnlyList<LayoutLink> AccountMenu { get; init; } = [];

    public string SignInUrl { get; init; } = "";

    public string SignOutAction { get; init; } = "";

    public bool MayAdminister { get; init; }

    public IReadOnlyList<string> Stylesheets { get; init; } = [];

    public string LanguageUrl { get; init; } = "";

    public string LanguageLabel { get; init; } = "";

    public string LanguageCode { get; init; } = "";

    public string AccessibilityStatementUrl { get; init; } = "";

    public string AntiforgeryField { get; init; } = "";

    public string AntiforgeryToken { get; init; } = "";

    public IReadOnlyList<TemplateProblem> Problems { get; init; } = [];
}

public sealed record LayoutLink(string Text, string Url, bool Current, string Hint);

public sealed record LayoutUser(string Name, bool SignedIn, bool IsAdministrator, bool IsStaff);

public sealed record LayoutRequest(string Path, string Query);
