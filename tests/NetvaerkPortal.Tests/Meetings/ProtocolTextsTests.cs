using System.Globalization;
using System.Text.RegularExpressions;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The protocol pages' texts: every Danish source text has its English translation, every English refusal its
/// Danish one, and Danish quotes are »…«.</summary>
public sealed partial class ProtocolTextsTests
{
    private static readonly string Module = Path.Combine(PortalCommandRunner.RepositoryRoot, "modules", "Netvaerk.Meetings");

    private static IEnumerable<string> Read(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(Module, folder), pattern).Select(File.ReadAllText);

    /// <summary>The Danish source texts of the Protocol* templates and of the code in Protocols/.</summary>
    private static List<string> DanishTexts() =>
    [
        .. Read("Views", "Protocol*.liquid").SelectMany(text => LiquidText().Matches(text)).Select(m => Regex.Unescape(m.Groups[1].Value)),
        .. Read("Protocols", "*.cs").SelectMany(text => CodeText().Matches(text)).Select(m => m.Groups[1].Value),
        Netvaerk.Meetings.Protocols.ProtocolContentType.DisplayName,
    ];

    /// <summary>The English templates of the protocol's refusals (rules and handler).</summary>
    private static List<string> EnglishTemplates() =>
        Read("Protocols", "Protocol*.cs").SelectMany(text => RuleTemplate().Matches(text)).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();

    private static Microsoft.Extensions.Localization.IStringLocalizer Localizer() =>
        new PortalLocalizerFactory(ModuleCatalog.Discover(typeof(Program).Assembly)).Create(typeof(ProtocolTextsTests));

    private static List<string> Missing(IEnumerable<string> texts, string language)
    {
        var localizer = Localizer();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return texts.Where(t => localizer[t].ResourceNotFound).Distinct().ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_danish_text_of_the_protocol_pages_has_its_english_translation()
    {
        var texts = DanishTexts();

        Assert.True(texts.Count > 60, $"the scan finds the texts ({texts.Count})");
        var missing = Missing(texts, "en");
        Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_refusal_a_writer_can_meet_has_its_danish_translation()
    {
        var templates = EnglishTemplates();

        Assert.True(templates.Count > 15, $"the scan finds the templates ({templates.Count})");
        var missing = Missing(templates, "da");
        Assert.True(missing.Count == 0, "No Danish for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Danish_texts_quote_with_guillemets()
    {
        var danish = DanishTexts().Concat(Read("Texts", "protocols.da.json").SelectMany(text => JsonValues().Matches(text)).Select(m => m.Groups[1].Value));

        Assert.DoesNotContain(danish, t => t.Contains('„', StringComparison.Ordinal) || t.Contains('“', StringComparison.Ordinal) || t.Contains("\\\"", StringComparison.Ordinal));
    }

    [GeneratedRegex("""\{\{ "((?:[^"\\]|\\.)+)" \| t\b""")]
    private static partial Regex LiquidText();

    /// <summary>Texts translated in code, the editor's notices, the page's messages, the menu and the administration link.</summary>
    [GeneratedRegex("""(?:text\[|FormChange\(|const string (?:Saved|ChooseNetwork|CopyFailed) = |MenuEntry\(Menus\.\w+, |ProtocolPart\.ContentType, |PageOptions\()"((?:[^"\\]|\\.)+)"[\],);]""")]
    private static partial Regex CodeText();

    /// <summary>A rule's template: <c>new("Field", "Template"</c>, <c>new(field, "Template"</c>, or a ContentValidationException's third argument.</summary>
    [GeneratedRegex("""(?:new\((?:"[^"]*"|\w+|\$"[^"]*")|new ContentValidationException\([^,]+,\s*"[^"]*"),\s*"((?:[^"\\]|\\.)+)["]""")]
    private static partial Regex RuleTemplate();

    [GeneratedRegex(@""": ""((?:[^""\\]|\\.)*)"",?\s*$", RegexOptions.Multiline)]
    private static partial Regex JsonValues();
}
