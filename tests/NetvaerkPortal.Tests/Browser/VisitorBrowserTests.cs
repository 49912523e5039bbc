using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>What an anonymous visitor does on an organisation's portal: finds their way from the front page to a case and reads it.</summary>
[Collection(TourCollection.Name)]
public sealed class VisitorBrowserTests(TourPortal tour)
{
    [Fact]
    public async Task An_anonymous_visitor_browses_an_organisations_portal_and_reads_a_case()
    {
        var page = await tour.Portal.NewPageAsync();
        await page.SetViewportSizeAsync(PageChecks.Phone.Width, PageChecks.Phone.Height);
        await page.GotoAsync(TourPortal.Nyborg + "/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nyborg Kommune – Ledernetværk");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Nyborg Kommune"));
        await page.GetByLabel("Søg i portalen").FillAsync("18-årsdagen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("resultat") })).ToBeVisibleAsync();
        // Meeting notes are the network's own: a visitor's search does not offer them.
        await Assertions.Expect(page.GetByText("Mødenotat", new() { Exact = false })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = TourPortal.CaseTitle }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(TourPortal.CasePath) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = TourPortal.CaseTitle, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Casefortælling", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Udfordring");
        await PageChecks.ScreenshotAsync(page, "visitor-reads-case-390");

        await page.GetByRole(AriaRole.Link, new() { Name = "Forside", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(TourPortal.Nyborg) + "/?$"));
    }
}
