using System.Globalization;
using System.Text.RegularExpressions;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The evaluation and health pages' texts: every Danish source text (templates, code, the questions' words)
/// has its English translation, and every refusal a member can meet has its Danish one.</summary>
public sealed partial class EvaluationTextsTests
{
    private static readonly string Module = Path.Combine(PortalCommandRunner.RepositoryRoot, "modules", "Netvaerk.Meetings");

    private static IEnumerable<string> Read(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(Module, folder), pattern).Select(File.ReadAllText);

    private static List<string> Missing(IEnumerable<string> texts, string language)
    {
        var localizer = new PortalLocalizerFactory(ModuleCatalog.Discover(typeof(Program).Assembly)).Create(typeof(EvaluationTextsTests));
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
    public void Every_danish_text_of_the_evaluation_and_health_pages_has_its_english_translation()
    {
        var code = Read("Evaluation", "*.cs").Concat(Read("Health", "*.cs")).ToList();
        List<string> texts =
        [
            .. new[] { "Evaluation.liquid", "Health.liquid", "HealthChart.liquid", "HealthOverview.liquid" }
                .SelectMany(name => LiquidText().Matches(File.ReadAllText(Path.Combine(Module, "Views", name)))).Select(m => Regex.Unescape(m.Groups[1].Value)),
            .. code.SelectMany(text => CodeText().Matches(text)).Select(m => m.Groups[1].Value),
            .. code.SelectMany(text => QuestionText().Matches(text)).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value }),
            "Netværkets sundhed", "Netværkenes sundhed", "Evaluering", "Giv din anonyme evaluering af mødet",
        ];

        Assert.True(texts.Count > 90, $"the scan finds the texts ({texts.Count})");
        var missing = Missing(texts, "en");
        Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_refusal_of_an_evaluation_has_its_danish_translation()
    {
        var templates = Read("Evaluation", "*.cs").SelectMany(text => RefusalText().Matches(text)).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();

        Assert.True(templates.Count >= 8, $"the scan finds the refusals ({templates.Count})");
        var missing = Missing(templates, "da");
        Assert.True(missing.Count == 0, "No Danish for:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""\{\{ "((?:[^"\\]|\\.)+)" \| t\b""")]
    private static partial Regex LiquidText();

    [GeneratedRegex("""text\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex CodeText();

    /// <summary>A question of the form: ("name", "Field", "Legend", "Low", "High").</summary>
    [GeneratedRegex("""\("\w+", "\w+", "([^"]+)", "([^"]+)", "([^"]+)"\)""")]
    private static partial Regex QuestionText();

    /// <summary>An English refusal: a MeetingInputException's or EvaluationRefusedException's template, or the export's note.</summary>
    [GeneratedRegex(""""(?:MeetingInputException\("\w+", |MeetingInputException\(field, |EvaluationRefusal\.\w+, (?:meeting\.AttendanceRecorded\s*\?\s*)?|:\s*|Explanation =\s*)"((?:[^"\\]|\\.){20,})"""")]
    private static partial Regex RefusalText();
}
