using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Display;

/// <summary>The host's and platform's UI texts: every Danish source text has its English translation, Danish quotes are
/// »…«, and every host page has a title of its own in the reader's language.</summary>
public sealed partial class HostTextsTests
{
    private static readonly string Root = PortalCommandRunner.RepositoryRoot;

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Every Danish source text the host pages, the platform's and theme's templates, the host's menus, the
    /// status pages and the audit labels show, with the file it is in.</summary>
    private static IEnumerable<(string File, string Text)> SourceTexts()
    {
        // The network members page is on its way into the Networks module, which owns its texts.
        foreach (var file in Files("src/NetvaerkPortal.Web/Pages", "*.cshtml").Where(f => !f.Contains("Networks", StringComparison.Ordinal)))
        {
            foreach (Match match in RazorText().Matches(File.ReadAllText(file)))
            {
                yield return (file, match.Groups[1].Value);
            }
        }

        foreach (var file in Files("src/NetvaerkPortal.Web", "*.cs").Where(f => !f.Contains("Networks", StringComparison.Ordinal)))
        {
            foreach (Match match in CodeText().Matches(File.ReadAllText(file)))
            {
                yield return (file, match.Groups[1].Value);
            }
        }

        var menus = File.ReadAllText(Path.Combine(Root, "src/NetvaerkPortal.Web/Hosting/PortalApplication.cs"));
        foreach (Match match in MenuText().Matches(menus).Concat(MenuHint().Matches(menus)))
        {
            yield return ("PortalApplication.cs", match.Groups[1].Value);
        }

        foreach (var file in Files("src/NetvaerkPortal.Core/Views", "*.liquid").Concat(Files("themes", "*.liquid")))
        {
            foreach (Match match in LiquidText().Matches(File.ReadAllText(file)))
            {
                yield return (file, match.Groups[1].Value);
            }
        }

        foreach (Match match in StatusText().Matches(File.ReadAllText(Path.Combine(Root, "src/NetvaerkPortal.Core/Display/DisplayEndpoints.cs"))))
        {
            yield return ("DisplayEndpoints.cs", match.Groups[1].Value);
            yield return ("DisplayEndpoints.cs", match.Groups[2].Value);
        }

        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddPlatformAuditActions();
        foreach (var action in services.Select(d => d.ImplementationInstance).OfType<AuditAction>())
        {
            yield return ("AuditActions.cs", action.Label);
        }
    }

    [Fact]
    public void Every_danish_text_of_the_host_platform_and_theme_has_its_english_translation()
    {
        var localizer = new PortalLocalizerFactory(ModuleCatalog.Discover(typeof(Program).Assembly)).Create(typeof(HostTextsTests));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Assert.True(SourceTexts().Count() > 200, "the scan finds the texts");
            var missing = SourceTexts().Where(t => localizer[t.Text].ResourceNotFound)
                .Select(t => $"{Path.GetFileName(t.File)}: {t.Text}").Distinct().ToList();

            Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Danish_texts_quote_with_guillemets_and_name_the_product_in_one_word()
    {
        var texts = SourceTexts().Select(t => t.Text)
            .Concat(Files("src/NetvaerkPortal.Core/Texts", "*.da.json").Concat(Files("src/NetvaerkPortal.Core/Texts", "da.json")).SelectMany(f => JsonValues().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)))
            .ToList();

        Assert.DoesNotContain(texts, t => t.Contains('„', StringComparison.Ordinal) || t.Contains('“', StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => StraightQuoted().IsMatch(t));
        Assert.DoesNotContain(texts, t => t.Contains("Netværk Portal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_host_page_has_a_title_of_its_own_in_the_readers_language()
    {
        (string Language, string Path, string Title)[] pages =
        [
            ("da", "/admin/settings", "Indstillinger"), ("da", "/admin/templates", "Skabeloner"), ("da", "/admin/users", "Brugere"),
            ("da", "/admin/audit", "Revisionslog"), ("da", "/admin/content", "Indhold"), ("da", "/admin/tenants", "Organisationer"),
            ("da", "/account/password", "Skift adgangskode"), ("da", "/account/data", "Mine data"), ("da", "/was", "Tilgængelighedserklæring"),
            ("en", "/admin/settings", "Settings"), ("en", "/admin/templates", "Templates"), ("en", "/admin/users", "Users"),
            ("en", "/admin/tenants", "Organisations"), ("en", "/account/password", "Change password"), ("en", "/was", "Accessibility statement"),
        ];
        await using var portal = new PortalWebFactory();
        using var admin = new BrowserlessSession(portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        foreach (var (language, path, title) in pages)
        {
            await admin.GetAsync("/sprog/" + language);
            var html = WebUtility.HtmlDecode(await (await admin.GetAsync(path)).Content.ReadAsStringAsync());
            Assert.True(html.Contains($"<title>{title} – Netværksportal</title>", StringComparison.Ordinal), $"{language} {path}: {TitleOf(html)}");
        }
    }

    private static string TitleOf(string html) => Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value;

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex RazorText();

    [GeneratedRegex("""\btext\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex CodeText();

    [GeneratedRegex(@"new MenuEntry\(Menus\.\w+, ""([^""]+)""")]
    private static partial Regex MenuText();

    [GeneratedRegex("""new MenuEntry\([^;]*?, "([^"]+)"\)(?: \{[^}]*\})?\)""")]
    private static partial Regex MenuHint();

    [GeneratedRegex("""\{\{ "((?:[^"\\]|\\.)+)" \| t\b""")]
    private static partial Regex LiquidText();

    [GeneratedRegex("""= \("([^"]+)", "([^"]+)"\)""")]
    private static partial Regex StatusText();

    [GeneratedRegex(@""": ""((?:[^""\\]|\\.)*)"",?\s*$", RegexOptions.Multiline)]
    private static partial Regex JsonValues();

    /// <summary>A word or placeholder in straight quotes: 'x' or "x" (apostrophes inside words are fine).</summary>
    [GeneratedRegex(@"(?<![\p{L}])'[^'\s][^']*'(?![\p{L}])|\\""[^""]+\\""")]
    private static partial Regex StraightQuoted();
}
