using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Media;

namespace NetvaerkPortal.Tests.Display;

/// <summary>/admin/settings: an organisation's administrators give their portal its name, logo, colours, welcome,
/// footer contact and statement link; what breaks the rules is refused with a message and nothing is stored.</summary>
public sealed partial class SiteSettingsPageTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private async Task<BrowserlessSession> AdminOfNewTenantAsync(string name)
    {
        await _portal.Tenants.CreateAsync(new CreateTenantRequest(name, name.ToLowerInvariant(), null, _portal.AppData.EmptyRecipe(),
            new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));
        var admin = new BrowserlessSession(_portal, "/" + name.ToLowerInvariant());
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        return admin;
    }

    private static Dictionary<string, string> Settings(string siteName = "Nyborg Kommune", string primary = "#005f73", string accent = "#9b2226",
        string welcome = "Velkommen til **ledernetværket**.", string footer = "HR og Udvikling · netvaerk@nyborg.dk", string statement = "", string logoPath = "") => new()
    {
        ["Input.SiteName"] = siteName,
        ["Input.PrimaryColor"] = primary,
        ["Input.AccentColor"] = accent,
        ["Input.WelcomeText"] = welcome,
        ["Input.FooterContact"] = footer,
        ["Input.AccessibilityStatementUrl"] = statement,
        ["Input.LogoPath"] = logoPath,
    };

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string Title(string html) => TitlePattern().Match(html).Groups[1].Value;

    /// <summary>The header's text as a reader sees it (links' addresses carry the URL prefix, which is not a name).</summary>
    private static string Header(string html) => TagPattern().Replace(HeaderPattern().Match(html).Value, " ");

    [Fact]
    public async Task Saved_settings_show_in_title_header_footer_front_page_and_site_css_and_are_audited()
    {
        using var admin = await AdminOfNewTenantAsync("Nyborg");
        using var visitor = new BrowserlessSession(_portal, "/nyborg");
        var before = await HtmlAsync(await visitor.GetAsync("/")); // an anonymous page in the cache before the change

        var saved = await admin.SubmitAsync("/admin/settings", Settings());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Indstillingerne er gemt", await HtmlAsync(saved), StringComparison.Ordinal);
        var front = await HtmlAsync(await visitor.GetAsync("/"));
        Assert.Contains("Netværksportal", Title(before), StringComparison.Ordinal);
        Assert.Equal("Nyborg Kommune", Title(front));
        Assert.Contains("Nyborg Kommune", Header(front), StringComparison.Ordinal);
        Assert.Contains("<strong>ledernetværket</strong>", front, StringComparison.Ordinal);
        Assert.Contains("HR og Udvikling · netvaerk@nyborg.dk", front, StringComparison.Ordinal);
        Assert.Contains("href=\"/nyborg/was\"", front, StringComparison.Ordinal);
        var css = await (await visitor.GetAsync("/site.css")).Content.ReadAsStringAsync();
        Assert.Contains("--brand: #005f73; --brand-accent: #9b2226;", css, StringComparison.Ordinal);
        var audit = await HtmlAsync(await admin.GetAsync("/admin/audit?action=" + AuditActions.SettingsChanged));
        Assert.Contains("Indstillinger ændret", audit, StringComparison.Ordinal);
        Assert.Contains("SiteName", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_technical_tenant_name_is_never_in_the_title_or_header_unless_it_is_the_organisations_name()
    {
        using var admin = await AdminOfNewTenantAsync("Zulu7");
        using var visitor = new BrowserlessSession(_portal, "/zulu7");

        foreach (var path in new[] { "/", "/was", "/search", "/account/login", "/findes-ikke" })
        {
            var html = await HtmlAsync(await visitor.GetAsync(path));
            Assert.DoesNotContain("Zulu7", Title(html), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Zulu7", Header(html), StringComparison.OrdinalIgnoreCase);
        }

        await admin.SubmitAsync("/admin/settings", Settings(siteName: "Zulu7"));
        Assert.Contains("Zulu7", Title(await HtmlAsync(await visitor.GetAsync("/"))), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "Input.PrimaryColor", "red", "primaryColor", "#rrggbb" },
        { "Input.PrimaryColor", "#fff", "primaryColor", "#rrggbb" },
        { "Input.AccentColor", "#ffcc00", "accentColor", "kontrasten 1,51:1" },
        { "Input.SiteName", "", "siteName", "navn" },
        { "Input.SiteName", "Nyborg\u0000Kommune", "siteName", "kontroltegnet U+0000" },
        { "Input.SiteName", new string('N', 500), "siteName", "500 tegn" },
        { "Input.WelcomeText", new string('>', 5_000) + " dybt", "welcomeText", "niveauer" },
        { "Input.WelcomeText", new string('x', 10_001), "welcomeText", "10001 tegn" },
        { "Input.FooterContact", "linje 1\nlinje 2", "footerContact", "kontroltegnet" },
        { "Input.AccessibilityStatementUrl", "http://nyborg.dk/was", "statementUrl", "https" },
        { "Input.AccessibilityStatementUrl", "javascript:alert(1)", "statementUrl", "https" },
        { "Input.LogoPath", "../../x.png", "logoPath", "mediemappe" },
        { "Input.LogoPath", "/media/../../tenants.json", "logoPath", "mediemappe" },
        { "Input.LogoPath", "/media/findes-ikke.png", "logoPath", "/media/findes-ikke.png" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_setting_that_breaks_the_rules_is_refused_in_danish_beside_its_field_and_nothing_is_stored(string field, string value, string fieldId, string expected)
    {
        using var admin = await AdminOfNewTenantAsync("Refus" + Math.Abs(field.GetHashCode(StringComparison.Ordinal) ^ value.GetHashCode(StringComparison.Ordinal)) % 100_000);
        var form = Settings();
        form[field] = value;

        // As the browser sends the form (multipart, for the logo): a NUL reaches the page's own rules.
        var response = await admin.SubmitWithFileAsync("/admin/settings", form, "Input.LogoFile", "logo.png", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("Indstillingerne er ikke gemt", html, StringComparison.Ordinal);
        var error = Regex.Match(html, $"<p class=\"field-error\" id=\"{fieldId}-error\">([^<]*)</p>");
        Assert.True(error.Success, $"no error beside {fieldId}");
        Assert.Contains(expected, error.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains($"aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(SiteBranding.DefaultSiteName, Title(await HtmlAsync(await admin.GetAsync("/"))));
    }

    [Fact]
    public async Task A_nul_in_a_url_encoded_form_is_refused_by_the_framework_and_nothing_is_stored()
    {
        using var admin = await AdminOfNewTenantAsync("Nulbyte");

        var response = await admin.SubmitAsync("/admin/settings", Settings(siteName: "Nyborg\0Kommune"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SiteBranding.DefaultSiteName, Title(await HtmlAsync(await admin.GetAsync("/"))));
    }

    [Fact]
    public async Task A_low_contrast_colour_is_refused_with_the_measured_ratio_and_a_darker_suggestion()
    {
        using var admin = await AdminOfNewTenantAsync("Kontrast");

        var html = await HtmlAsync(await admin.SubmitAsync("/admin/settings", Settings(primary: "#3399ff")));

        Assert.Contains("kontrasten 2,94:1 mod hvid", html, StringComparison.Ordinal);
        Assert.Contains("mindst 4,5:1", html, StringComparison.Ordinal);
        Assert.Contains($"fx {BrandColours.Darker("#3399ff")}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_png_gets_a_generated_name_in_the_media_folder_and_shows_in_the_header()
    {
        using var admin = await AdminOfNewTenantAsync("Logo");

        var response = await admin.SubmitWithFileAsync("/admin/settings", Settings(), "Input.LogoFile", "../../../etc/passwd.png", TestImages.Png);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var front = await HtmlAsync(await new BrowserlessSession(_portal, "/logo").GetAsync("/"));
        var src = Regex.Match(front, "<img class=\"brand__logo\" src=\"(/logo/media/site-logo/logo-\\d{14}-[0-9a-f]{8}\\.png)\"").Groups[1].Value;
        Assert.NotEmpty(src);
        var image = await new BrowserlessSession(_portal).GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Png, await image.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists(Path.Combine(_portal.AppData.SitePath("Logo"), "Media", "site-logo", Path.GetFileName(src))));
        Assert.False(File.Exists(Path.Combine(_portal.AppData.Path, "etc", "passwd.png")));
    }

    [Fact]
    public async Task A_new_logo_replaces_the_old_uploaded_file_and_removing_it_leaves_no_logo()
    {
        using var admin = await AdminOfNewTenantAsync("Skift");
        var folder = Path.Combine(_portal.AppData.SitePath("Skift"), "Media", "site-logo");

        await admin.SubmitWithFileAsync("/admin/settings", Settings(), "Input.LogoFile", "a.png", TestImages.Png);
        var first = Directory.GetFiles(folder, "logo-*").Single();
        await admin.SubmitWithFileAsync("/admin/settings", Settings(logoPath: "/media/site-logo/" + Path.GetFileName(first)), "Input.LogoFile", "b.svg", TestImages.PlainSvg);
        var second = Directory.GetFiles(folder, "logo-*").Single();
        var removed = Settings(logoPath: "/media/site-logo/" + Path.GetFileName(second));
        removed["Input.RemoveLogo"] = "true";
        await admin.SubmitAsync("/admin/settings", removed);

        Assert.EndsWith(".svg", second, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "logo-*"));
        Assert.DoesNotContain("brand__logo", await HtmlAsync(await admin.GetAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_with_a_script_is_refused_and_a_plain_one_is_served_under_a_policy_that_runs_nothing()
    {
        using var admin = await AdminOfNewTenantAsync("Svg");

        var refused = await admin.SubmitWithFileAsync("/admin/settings", Settings(), "Input.LogoFile", "logo.svg", TestImages.ScriptSvg);
        var accepted = await admin.SubmitWithFileAsync("/admin/settings", Settings(), "Input.LogoFile", "logo.svg", TestImages.PlainSvg);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<script>", await HtmlAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var src = Regex.Match(await HtmlAsync(await admin.GetAsync("/")), "src=\"(/svg/media/site-logo/[^\"]+\\.svg)\"").Groups[1].Value;
        var svg = await new BrowserlessSession(_portal).GetAsync(src);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", svg.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", svg.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_portal.AppData.SitePath("Svg"), "Media", "site-logo"), "logo-*"));
    }

    [Theory]
    [InlineData(LogoFilesMax + 1, "KB")]
    [InlineData(100, "PNG, JPEG, WebP eller SVG")]
    public async Task An_oversized_or_unknown_upload_is_refused_and_nothing_is_written(int size, string expected)
    {
        using var admin = await AdminOfNewTenantAsync("Upload" + size);
        var bytes = new byte[size];
        bytes.AsSpan().Fill((byte)'A');

        var response = await admin.SubmitWithFileAsync("/admin/settings", Settings(), "Input.LogoFile", "logo.png", bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await HtmlAsync(response), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_portal.AppData.SitePath("Upload" + size), "Media", "site-logo")));
    }

    private const int LogoFilesMax = NetvaerkPortal.Media.LogoFiles.MaxBytes;

    [Fact]
    public async Task The_media_route_serves_only_images_inside_the_tenants_media_folder()
    {
        using var admin = await AdminOfNewTenantAsync("Medier");
        var media = Path.Combine(_portal.AppData.SitePath("Medier"), "Media");
        Directory.CreateDirectory(media);
        await File.WriteAllTextAsync(Path.Combine(media, "noter.txt"), "hemmeligt");
        await File.WriteAllBytesAsync(Path.Combine(media, "logo.png"), TestImages.Png);
        using var visitor = new BrowserlessSession(_portal, "/medier");

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/media/logo.png")).StatusCode);
        foreach (var path in new[] { "/media/noter.txt", "/media/../portal.db", "/media/%2e%2e/%2e%2e/tenants.json", "/media/..%2F..%2Ftenants.json", "/media/findes.png", "/media/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
        }

        // Another tenant's media is not reachable under this tenant's prefix.
        Assert.Equal(HttpStatusCode.NotFound, (await new BrowserlessSession(_portal).GetAsync("/media/logo.png")).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_change_settings()
    {
        using var admin = await AdminOfNewTenantAsync("Roller");
        var tenant = _portal.Store.Find("Roller")!;
        await using (var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var editor = new PortalUser { UserName = "redaktoer", Email = "r@example.test", EmailConfirmed = true };
            await users.CreateAsync(editor, PortalTestHost.AdminPassword);
            await users.AddToRoleAsync(editor, PortalRoles.Editor);
        }

        using var editorSession = new BrowserlessSession(_portal, "/roller");
        await editorSession.SignInAsync("redaktoer", PortalTestHost.AdminPassword);
        using var anonymous = new BrowserlessSession(_portal, "/roller");

        Assert.Contains("/account/denied", (await editorSession.GetAsync("/admin/settings")).Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await editorSession.PostAsync("/admin/settings", Settings(siteName: "Overtaget"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/settings")).StatusCode);
        var branding = await BrandingAsync(tenant);
        Assert.Equal(SiteBranding.DefaultSiteName, branding.SiteName);
    }

    private async Task<SiteBranding> BrandingAsync(TenantSettings tenant)
    {
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant);
        return await SiteBranding.LoadAsync(scope.ServiceProvider.GetRequiredService<SiteDocuments>());
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<header class=\"site-header\">.*?</header>", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
