using Microsoft.Playwright;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>Every page type, as the reader it is for, at 390 × 844 and 1280 × 900: zero axe violations of WCAG 2.1 A/AA,
/// nothing wider than the window, and a screenshot of each kept in <see cref="PageChecks.ScreenshotFolder"/>.</summary>
[Collection(TourCollection.Name)]
public sealed class PageTourBrowserTests(TourPortal tour)
{
    public enum Reader
    {
        Anonymous,
        Member,
        Administrator,
        DefaultAdministrator,
    }

    /// <summary>Each page type: its screenshot name, who looks at it, and where ({case} is the Nyborg case's id).</summary>
    public static TheoryData<string, Reader, string> PageTypes => new()
    {
        { "front-anonymous", Reader.Anonymous, TourPortal.Nyborg + "/" },
        { "front-member", Reader.Member, TourPortal.Nyborg + "/" },
        { "network", Reader.Anonymous, TourPortal.NetworkPath },
        { "case", Reader.Anonymous, TourPortal.CasePath },
        { "meeting-note", Reader.Member, TourPortal.NotePath },
        { "article", Reader.Anonymous, TourPortal.ArticlePath },
        { "search-results", Reader.Member, TourPortal.Nyborg + "/search?q=netv%C3%A6rk" },
        { "search-filtered", Reader.Member, TourPortal.Nyborg + "/search?q=netv%C3%A6rk&type=MeetingNote" },
        { "search-no-results", Reader.Anonymous, TourPortal.Nyborg + "/search?q=zyxwvq" },
        { "search-empty", Reader.Anonymous, TourPortal.Nyborg + "/search" },
        { "not-found", Reader.Anonymous, TourPortal.Nyborg + "/findes/ikke" },
        { "sign-in", Reader.Anonymous, TourPortal.Nyborg + "/account/login" },
        { "account-data", Reader.Member, TourPortal.Nyborg + "/account/data" },
        { "account-password", Reader.Member, TourPortal.Nyborg + "/account/password" },
        { "admin-index", Reader.Administrator, TourPortal.Nyborg + "/admin" },
        { "admin-content", Reader.Administrator, TourPortal.Nyborg + "/admin/content?type=MeetingNote" },
        { "admin-editor", Reader.Administrator, TourPortal.Nyborg + "/admin/content/{case}" },
        { "admin-new", Reader.Administrator, TourPortal.Nyborg + "/admin/content/new?type=MeetingNote" },
        { "admin-history", Reader.Administrator, TourPortal.Nyborg + "/admin/content/{case}/history" },
        { "admin-users", Reader.Administrator, TourPortal.Nyborg + "/admin/users" },
        { "admin-audit", Reader.Administrator, TourPortal.Nyborg + "/admin/audit" },
        { "admin-search", Reader.Administrator, TourPortal.Nyborg + "/admin/search" },
        { "admin-tenants", Reader.DefaultAdministrator, "/admin/tenants" },
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_page_type_passes_axe_and_fits_a_phone_and_a_desktop(string name, Reader reader, string path)
    {
        var page = await OpenAsync(tour, reader);

        await PageChecks.AssertPageAsync(page, path.Replace("{case}", tour.CaseId, StringComparison.Ordinal), name);
    }

    [Fact]
    public async Task The_account_menu_folds_on_a_phone_and_opens_without_javascript()
    {
        var page = await OpenAsync(tour, Reader.Member);
        await page.SetViewportSizeAsync(PageChecks.Phone.Width, PageChecks.Phone.Height);
        await page.GotoAsync(TourPortal.Nyborg + "/");
        var signOut = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Log ud") });

        await Assertions.Expect(signOut).ToBeHiddenAsync();
        await page.Locator(".account-menu > summary").ClickAsync();
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        Assert.Empty(await PageChecks.CheckAsync(page, "account-menu-open"));

        await page.SetViewportSizeAsync(PageChecks.Desktop.Width, PageChecks.Desktop.Height);
        await page.GotoAsync(TourPortal.Nyborg + "/");
        await Assertions.Expect(signOut).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Search_filters_sit_beside_the_results_on_a_desktop_and_above_them_on_a_phone()
    {
        var page = await OpenAsync(tour, Reader.Member);
        await page.SetViewportSizeAsync(PageChecks.Desktop.Width, PageChecks.Desktop.Height);
        await page.GotoAsync(TourPortal.Nyborg + "/search?q=netv%C3%A6rk");
        var filters = page.Locator(".facets");
        var results = page.Locator("#results");

        var (wideFilters, wideResults) = (await filters.BoundingBoxAsync(), await results.BoundingBoxAsync());
        Assert.True(wideFilters!.X + wideFilters.Width <= wideResults!.X, "on a desktop the filters stand left of the results");
        Assert.True(wideFilters.Y < wideResults.Y + wideResults.Height, "on a desktop the filters start beside the results");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mødenotat") })).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(PageChecks.Phone.Width, PageChecks.Phone.Height);
        var (narrowFilters, narrowResults) = (await filters.BoundingBoxAsync(), await results.BoundingBoxAsync());
        Assert.True(narrowFilters!.Y + narrowFilters.Height <= narrowResults!.Y, "on a phone the filters come above the results");
    }

    [Fact]
    public async Task Pages_print_without_menus_and_forms_in_black_on_white()
    {
        var page = await OpenAsync(tour, Reader.Member);
        await page.GotoAsync(TourPortal.NotePath);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        Assert.False(await page.Locator(".main-menu").IsVisibleAsync());
        Assert.False(await page.Locator(".site-footer ul").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("main h1").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Directory.CreateDirectory(PageChecks.ScreenshotFolder);
        await page.PdfAsync(new() { Path = Path.Combine(PageChecks.ScreenshotFolder, "meeting-note-print.pdf") });
    }

    public static async Task<IPage> OpenAsync(TourPortal tour, Reader reader) => reader switch
    {
        Reader.Member => await tour.Portal.SignedInPageAsync(TourPortal.Nyborg, TourPortal.MemberName, TourPortal.MemberPassword),
        Reader.Administrator => await tour.Portal.SignedInPageAsync(TourPortal.Nyborg, "admin", PortalTestHost.AdminPassword),
        Reader.DefaultAdministrator => await tour.Portal.SignedInPageAsync("", "admin", PortalTestHost.AdminPassword),
        _ => await tour.Portal.NewPageAsync(),
    };
}
