using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Display;

/// <summary>How a tenant's portal presents itself: the organisation's name (never the technical tenant name), logo,
/// brand colours, front-page welcome, footer contact and the link to its accessibility statement
/// (<i>tilgængelighedserklæring</i>). Kept in the "SiteSettings" document: <c>SiteName</c> at the top as in Orchard
/// Core, the rest in its <c>Branding</c> section, so a recipe's settings step sets them.</summary>
public sealed record SiteBranding
{
    public const string Section = "Branding";
    public const string DefaultPrimaryColor = "#1f4e79";
    public const string DefaultAccentColor = "#9e3d12";

    /// <summary>Where the accessibility statement is when the organisation has not given its own address: the portal's built-in page.</summary>
    public const string DefaultAccessibilityStatementPath = "/was";

    /// <summary>The product's name, until the organisation gives its own.</summary>
    public const string DefaultSiteName = "Netværksportal";

    public string SiteName { get; init; } = DefaultSiteName;

    /// <summary>A path to an image in the tenant's media (e.g. "/media/logo.svg") or empty for none.</summary>
    public string LogoPath { get; init; } = "";

    public string PrimaryColor { get; init; } = DefaultPrimaryColor;

    public string AccentColor { get; init; } = DefaultAccentColor;

    /// <summary>Markdown shown on the front page.</summary>
    public string WelcomeText { get; init; } = "";

    /// <summary>Plain text: who to contact (e-mail, phone), shown in every page's footer.</summary>
    public string FooterContact { get; init; } = "";

    /// <summary>An absolute https URL (e.g. the organisation's statement at was.digst.dk) or empty for <see cref="DefaultAccessibilityStatementPath"/>.</summary>
    public string AccessibilityStatementUrl { get; init; } = "";

    /// <summary>The tenant's branding as its "SiteSettings" document holds it now (staged changes included).</summary>
    public static async Task<SiteBranding> LoadAsync(SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return From(await documents.GetAsync<Dictionary<string, JsonNode?>>(Recipes.Steps.SettingsStep.DocumentName, cancellationToken));
    }

    /// <summary>Stages the branding for the caller's SaveChanges: <c>SiteName</c> at the top of the "SiteSettings"
    /// document, the rest as its <c>Branding</c> section; the document's other settings (Culture, SearchSettings, ...) stay.</summary>
    public async Task SaveAsync(SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>(Recipes.Steps.SettingsStep.DocumentName, cancellationToken);
        settings["SiteName"] = SiteName;
        settings[Section] = new JsonObject
        {
            [nameof(LogoPath)] = LogoPath,
            [nameof(PrimaryColor)] = PrimaryColor,
            [nameof(AccentColor)] = AccentColor,
            [nameof(WelcomeText)] = WelcomeText,
            [nameof(FooterContact)] = FooterContact,
            [nameof(AccessibilityStatementUrl)] = AccessibilityStatementUrl,
        };
        await documents.SetAsync(Recipes.Steps.SettingsStep.DocumentName, settings, cancellationToken);
    }

    /// <summary>Reads the branding from the "SiteSettings" document's values; what is missing, of the wrong kind or
    /// breaks <see cref="SiteSettingsRules"/> (stored before the rules, or by hand) keeps its default.</summary>
    public static SiteBranding From(IReadOnlyDictionary<string, JsonNode?> settings)
    {
        var branding = settings.TryGetValue(Section, out var section) && section is JsonObject ? Parse(section) : new SiteBranding();
        return settings.TryGetValue("SiteName", out var name) && name is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? branding with { SiteName = text.Trim() }
            : branding;
    }

    private static SiteBranding Parse(JsonNode section)
    {
        try
        {
            var parsed = section.Deserialize<SiteBranding>(SiteDocuments.JsonOptions) ?? new SiteBranding();
            var defaults = new SiteBranding();
            return parsed with
            {
                SiteName = defaults.SiteName,
                PrimaryColor = Valid(parsed.PrimaryColor, c => SiteSettingsRules.Colour(nameof(PrimaryColor), c)) ?? defaults.PrimaryColor,
                AccentColor = Valid(parsed.AccentColor, c => SiteSettingsRules.Colour(nameof(AccentColor), c)) ?? defaults.AccentColor,
                LogoPath = Valid(parsed.LogoPath, SiteSettingsRules.LogoPath) ?? "",
                WelcomeText = parsed.WelcomeText ?? "",
                FooterContact = Valid(parsed.FooterContact, SiteSettingsRules.FooterContact) ?? "",
                AccessibilityStatementUrl = Valid(parsed.AccessibilityStatementUrl, SiteSettingsRules.StatementUrl) ?? "",
            };
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or NotSupportedException)
        {
            return new SiteBranding();
        }
    }

    private static string? Valid(string? value, Func<string, SettingProblem?> rule) => value is not null && rule(value) is null ? value : null;
}
