using System.Text.Json;
using System.Text.Json.Nodes;

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

    public string SiteName { get; init; } = "Netværksportal";

    /// <summary>A path below the tenant (e.g. "/media/logo.svg") or empty for none.</summary>
    public string LogoPath { get; init; } = "";

    public string PrimaryColor { get; init; } = DefaultPrimaryColor;

    public string AccentColor { get; init; } = DefaultAccentColor;

    /// <summary>Markdown shown on the front page.</summary>
    public string WelcomeText { get; init; } = "";

    /// <summary>Plain text: who to contact (e-mail, phone), shown in every page's footer.</summary>
    public string FooterContact { get; init; } = "";

    /// <summary>An absolute https URL (e.g. the organisation's statement at was.digst.dk) or empty for <see cref="DefaultAccessibilityStatementPath"/>.</summary>
    public string AccessibilityStatementUrl { get; init; } = "";

    /// <summary>Reads the branding from the "SiteSettings" document's values; what is missing or of the wrong kind keeps its default.</summary>
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
            var parsed = section.Deserialize<SiteBranding>(Data.SiteDocuments.JsonOptions) ?? new SiteBranding();
            var defaults = new SiteBranding();
            return parsed with
            {
                SiteName = defaults.SiteName,
                PrimaryColor = string.IsNullOrWhiteSpace(parsed.PrimaryColor) ? defaults.PrimaryColor : parsed.PrimaryColor,
                AccentColor = string.IsNullOrWhiteSpace(parsed.AccentColor) ? defaults.AccentColor : parsed.AccentColor,
                LogoPath = parsed.LogoPath ?? "",
                WelcomeText = parsed.WelcomeText ?? "",
                FooterContact = parsed.FooterContact ?? "",
                AccessibilityStatementUrl = parsed.AccessibilityStatementUrl ?? "",
            };
        }
        catch (JsonException)
        {
            return new SiteBranding();
        }
    }
}
