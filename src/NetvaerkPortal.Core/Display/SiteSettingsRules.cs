using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Files;
using NetvaerkPortal.Media;
using NetvaerkPortal.Recipes;

namespace NetvaerkPortal.Display;

/// <summary>One thing wrong with a site setting: the key it concerns ("Branding.PrimaryColor") and a message written in
/// English from <see cref="Template"/> (recipes, command line) that the admin translates (da.json) with its arguments.</summary>
public sealed record SettingProblem(string Key, string Template, params object[] Arguments)
{
    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Arguments);
}

/// <summary>The rules for a tenant's name and branding, the one place both /admin/settings and a recipe's settings step
/// ask: names and texts without control characters and within their lengths, colours as #rrggbb with WCAG AA contrast
/// against white, a logo path into the tenant's media, Markdown that nests no deeper than any other, an https statement URL.</summary>
public static class SiteSettingsRules
{
    public const int MaxSiteNameLength = 120;
    public const int MaxWelcomeTextLength = 10_000;
    public const int MaxFooterContactLength = 300;
    public const int MaxUrlLength = 500;

    /// <summary>The keys of the settings document's Branding section, as recipes and the document spell them.</summary>
    public static readonly IReadOnlyList<string> BrandingKeys =
    [
        nameof(SiteBranding.LogoPath), nameof(SiteBranding.PrimaryColor), nameof(SiteBranding.AccentColor),
        nameof(SiteBranding.WelcomeText), nameof(SiteBranding.FooterContact), nameof(SiteBranding.AccessibilityStatementUrl),
    ];

    public static IReadOnlyList<SettingProblem> Check(SiteBranding branding)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return new[]
        {
            SiteName(branding.SiteName),
            LogoPath(branding.LogoPath),
            Colour(nameof(SiteBranding.PrimaryColor), branding.PrimaryColor),
            Colour(nameof(SiteBranding.AccentColor), branding.AccentColor),
            WelcomeText(branding.WelcomeText),
            FooterContact(branding.FooterContact),
            StatementUrl(branding.AccessibilityStatementUrl),
        }.OfType<SettingProblem>().ToList();
    }

    /// <summary>What is wrong with a recipe's settings step data: <c>SiteName</c> and the <c>Branding</c> section, their
    /// kinds, unknown Branding keys and each value. Expressions not yet evaluated are skipped until the step runs.</summary>
    public static IEnumerable<SettingProblem> Check(JsonObject data, bool evaluated)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (RecipeReader.Get(data, "SiteName") is { } siteName)
        {
            if (Text("SiteName", siteName, out var name) is { } wrong)
            {
                yield return wrong;
            }
            else if (!RecipeExpressions.Pending(name!, evaluated) && SiteName(name!) is { } problem)
            {
                yield return problem;
            }
        }

        switch (RecipeReader.Get(data, SiteBranding.Section))
        {
            case null:
                yield break;
            case not JsonObject:
                yield return new SettingProblem(SiteBranding.Section, "'Branding' must be an object of settings ({0}), not {1}.", string.Join(", ", BrandingKeys), RecipeReader.Kind(RecipeReader.Get(data, SiteBranding.Section)));
                yield break;
            case JsonObject branding:
                foreach (var (key, value) in branding)
                {
                    var known = BrandingKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                    if (known is null)
                    {
                        yield return new SettingProblem("Branding." + SafePaths.Show(key), "'{0}' is not a Branding setting. The settings are: {1}.", SafePaths.Show(key), string.Join(", ", BrandingKeys));
                    }
                    else if (Text("Branding." + known, value, out var text) is { } wrong)
                    {
                        yield return wrong;
                    }
                    else if (!RecipeExpressions.Pending(text!, evaluated) && Value(known, text!) is { } problem)
                    {
                        yield return problem with { Key = "Branding." + known };
                    }
                }

                break;
        }
    }

    public static SettingProblem? SiteName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return trimmed.Length == 0
            ? new SettingProblem("SiteName", "The organisation's name (SiteName) is empty. Give the name visitors know the organisation by, e.g. 'Nyborg Kommune'.")
            : trimmed.Length > MaxSiteNameLength
                ? new SettingProblem("SiteName", "The organisation's name (SiteName) is {0} characters long; at most {1} are allowed. Shorten it.", trimmed.Length, MaxSiteNameLength)
                : Characters("SiteName", trimmed, multiLine: false);
    }

    public static SettingProblem? Colour(string key, string colour)
    {
        ArgumentNullException.ThrowIfNull(colour);
        if (!BrandColours.IsColour(colour))
        {
            return new SettingProblem(key, "{0} '{1}' is not a colour written as #rrggbb (a '#' and six hexadecimal digits, e.g. #1f4e79).", key, SafePaths.Show(colour, 40));
        }

        var contrast = BrandColours.ContrastWithWhite(colour);
        return contrast >= BrandColours.MinimumTextContrast
            ? null
            : new SettingProblem(key, "{0} {1} has a contrast of only {2}:1 against white; WCAG 2.1 AA needs at least 4.5:1 for white text on it and for it as text on a white page. Choose a darker colour, e.g. {3}.",
                key, colour.ToLowerInvariant(), Math.Floor(contrast * 100) / 100, BrandColours.Darker(colour.ToLowerInvariant()));
    }

    /// <summary>Empty (no logo) or <c>/media/</c> followed by a safe relative path to a PNG, JPEG, WebP or SVG file.</summary>
    public static SettingProblem? LogoPath(string path) => LogoPath(nameof(SiteBranding.LogoPath), path);

    private static SettingProblem? LogoPath(string key, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 || MediaFiles.IsImagePath(path)
            ? null
            : new SettingProblem(nameof(SiteBranding.LogoPath), "{0} '{1}' is not a logo in the tenant's media. Give a path such as /media/logo.png: a PNG, JPEG, WebP or SVG file in the media folder, named with letters, digits, '-', '_' and '.' (no '..', no '\\', no address of another site).", key, SafePaths.Show(path));
    }

    public static SettingProblem? WelcomeText(string markdown) => WelcomeText(nameof(SiteBranding.WelcomeText), markdown);

    private static SettingProblem? WelcomeText(string key, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxWelcomeTextLength)
        {
            return new SettingProblem("WelcomeText", "The welcome text ({0}) is {1} characters long; at most {2} are allowed. Shorten it, and put longer texts on pages of their own.", key, markdown.Length, MaxWelcomeTextLength);
        }

        if (Characters(key, markdown, multiLine: true) is { } characters)
        {
            return characters;
        }

        var measure = MarkdownNesting.Measure(markdown);
        return measure.TooDeep
            ? new SettingProblem("WelcomeText", "{0} is nested {1} levels deep (quotes, lists, brackets, emphasis or HTML tags); at most {2} levels are allowed. Flatten it.", key, measure.Depth, MarkdownNesting.MaxDepth)
            : measure.TooManyMarks
                ? new SettingProblem("WelcomeText", "{0} has {1} emphasis marks and web addresses in one paragraph; at most {2} are allowed. Split it into paragraphs with blank lines.", key, measure.MarksPerParagraph, MarkdownNesting.MaxMarksPerParagraph)
                : !MarkdownRenderer.CanRender(markdown)
                    ? new SettingProblem("WelcomeText", "{0} cannot be rendered as Markdown. Simplify its formatting: fewer nested quotes, lists, brackets or emphasis.", key)
                    : null;
    }

    public static SettingProblem? FooterContact(string text) => FooterContact(nameof(SiteBranding.FooterContact), text);

    private static SettingProblem? FooterContact(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > MaxFooterContactLength
            ? new SettingProblem("FooterContact", "The footer contact ({0}) is {1} characters long; at most {2} are allowed. Give the essentials: a phone number, an e-mail address.", key, text.Length, MaxFooterContactLength)
            : Characters(key, text, multiLine: false);
    }

    /// <summary>Empty (the built-in /was page) or an absolute https URL with a host.</summary>
    public static SettingProblem? StatementUrl(string url) => StatementUrl(nameof(SiteBranding.AccessibilityStatementUrl), url);

    private static SettingProblem? StatementUrl(string key, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Length == 0 || (url.Length <= MaxUrlLength && url.All(c => c > ' ' && c < 0x7f)
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps && parsed.Host.Length > 0 && parsed.UserInfo.Length == 0)
            ? null
            : new SettingProblem("AccessibilityStatementUrl", "{0} '{1}' is not a full https address. Give the address of the organisation's accessibility statement (https://…, e.g. at was.digst.dk), or leave it empty to link the portal's own page at /was.", key, SafePaths.Show(url));
    }

    /// <summary>A Branding value from a recipe, its messages naming it as the recipe does ("Branding.PrimaryColor").</summary>
    private static SettingProblem? Value(string name, string value) => name switch
    {
        nameof(SiteBranding.LogoPath) => LogoPath("Branding." + name, value),
        nameof(SiteBranding.PrimaryColor) or nameof(SiteBranding.AccentColor) => Colour("Branding." + name, value),
        nameof(SiteBranding.WelcomeText) => WelcomeText("Branding." + name, value),
        nameof(SiteBranding.FooterContact) => FooterContact("Branding." + name, value),
        _ => StatementUrl("Branding." + name, value),
    };

    private static SettingProblem? Text(string key, JsonNode? node, out string? text)
    {
        text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return text is null ? new SettingProblem(key, "'{0}' must be text, not {1}.", key, RecipeReader.Kind(node)) : null;
    }

    private static SettingProblem? Characters(string key, string text, bool multiLine) =>
        ContentText.FindForbidden(text, multiLine) is { } found
            ? new SettingProblem(key, multiLine
                ? "{0} holds the control character {1} at position {2}. Remove it; only tabs and line breaks are allowed."
                : "{0} holds the control character {1} at position {2}. Remove it; this field is a single line without tabs or line breaks.", key, $"U+{found.CodePoint:X4}", found.Position + 1)
            : null;
}
