using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static NetvaerkPortal.Tests.Browser.PageTourBrowserTests;

namespace NetvaerkPortal.Tests.Browser;

/// <summary>A visitor who chooses English gets every page's chrome and labels in English: the header's language link
/// switches, and no Danish label is left on any page type afterwards (people's own texts stay as they wrote them).</summary>
[Collection(TourCollection.Name)]
public sealed partial class EnglishBrowserTests(TourPortal tour)
{
    // Danish UI labels of the layout and the page types; none may be left in the labels of an English page.
    private static readonly string[] DanishLabels =
    [
        "Forside", "Søg", "Log ind", "Log ud", "Gå til indhold", "Gå til resultaterne", "Tilgængelighedserklæring", "Hovedmenu", "Konto", "Din konto",
        "Oversigt", "Indhold", "Brugere", "Revisionslog", "Organisationer", "Søgning", "Mine data", "Skift adgangskode",
        "Brugernavn", "Adgangskode", "Husk mig", "Nuværende adgangskode", "Ny adgangskode",
        "Netværk", "Casefortælling", "Mødenotat", "Videnartikel", "Synlighed", "Mødedato", "Offentlig", "Netværkets medlemmer", "Emner",
        "Formål", "Målgruppe", "Spilleregler", "Udfordring", "Fremgangsmåde", "Resultater", "Nyeste indhold",
        "Afgræns søgningen", "Indholdstype", "Emne", "Sortér efter", "relevans", "resultater", "Sider", "Næste side", "Ingen resultater",
        "Siden findes ikke", "Til forsiden", "Søg i portalen",
        "Titel", "Ændret", "Filtrér", "Alle", "Udgivet", "Kladde", "Opret", "Udgiv", "Gem kladde", "Forhåndsvis", "Brødtekst", "Slet",
        "Versionshistorik", "Gendan", "Forfatter", "Rolle", "Opret bruger", "Handling", "Hvem", "Hvorfra", "Tidspunkt",
        "Indeks", "Synonymer", "Genopbyg", "Opret organisation", "Navn", "Tilstand", "Opskrift",
    ];

    // Where a page's labels are: the chrome, form labels and buttons, table heads, facts' names, section headings;
    // not what people wrote (titles, bodies, names in cells).
    private const string LabelText = """
        () => {
          const own = 'h1, .body, .front__text, .preview, dd, td, .snippet, .search-results h3, .facets li, .item-list a, .account-menu__user, .brand__name, .site-footer__name, .site-footer__contact, option';
          const labels = [...document.querySelectorAll('header, footer, nav, .skip, .skip-link, label, button, th, caption, summary, legend, dt, h2, h3, .item__type, .item__meta, .help, .hint, .empty, .meta, .sort, .status-page, .notice')]
            .filter(e => !e.closest(own))
            .map(e => {
              // Text node by text node: "Oversigt" in one link and "Indhold" in the next are two words, not "OversigtIndhold".
              const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
              const texts = [];
              while (walker.nextNode()) { if (!walker.currentNode.parentElement.closest(own)) texts.push(walker.currentNode.nodeValue); }
              return texts.join('\n');
            });
          const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
            .filter(e => !e.closest(own))
            .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.tagName === 'ABBR' ? e.getAttribute('title') : null]);
          return [...labels, ...attributes].filter(Boolean).join('\n');
        }
        """;

    [Fact]
    public async Task The_visitor_switches_to_english_and_every_pages_chrome_and_labels_follow()
    {
        var problems = new List<string>();
        foreach (var group in PageTypes.Select(row => ((string)row[0], (Reader)row[1], (string)row[2])).GroupBy(row => row.Item2))
        {
            var page = await OpenAsync(tour, group.Key);
            var home = group.Key == Reader.DefaultAdministrator ? "/" : TourPortal.Nyborg + "/";
            await page.GotoAsync(home);
            await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dansk", Exact = true })).ToBeVisibleAsync();

            foreach (var (name, _, path) in group)
            {
                await page.GotoAsync(path.Replace("{case}", tour.CaseId, StringComparison.Ordinal));
                var lang = await page.Locator("html").GetAttributeAsync("lang");
                var text = await page.EvaluateAsync<string>(LabelText);
                var left = DanishLabels.Where(label => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(label)}(?!\p{{L}})")).ToList();
                if (lang != "en" || left.Count > 0)
                {
                    problems.Add($"{name} ({path}): lang={lang}; Danish left: {string.Join(", ", left.Select(l => $"»{l}«"))}");
                }
            }

            await PageChecks.ScreenshotAsync(page, $"english-{group.Last().Item1}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
