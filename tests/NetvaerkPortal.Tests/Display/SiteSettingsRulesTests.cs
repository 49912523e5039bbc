using System.Text.Json.Nodes;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Tests.Display;

/// <summary>The rules for the organisation's name and branding that both /admin/settings and a recipe's settings step apply.</summary>
public sealed class SiteSettingsRulesTests
{
    [Theory]
    [InlineData("red")]
    [InlineData("#fff")]
    [InlineData("#12345g")]
    [InlineData("1f4e79")]
    [InlineData("#1f4e79\n")]
    [InlineData("rgb(0,0,0)")]
    [InlineData("")]
    public void A_colour_not_written_as_six_hex_digits_is_refused_naming_the_key(string colour)
    {
        var problem = SiteSettingsRules.Colour("PrimaryColor", colour);

        Assert.NotNull(problem);
        Assert.Contains("PrimaryColor", problem.Message, StringComparison.Ordinal);
        Assert.Contains("#rrggbb", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#ffcc00")]
    [InlineData("#ffffff")]
    [InlineData("#7f7f7f")]
    [InlineData("#3399FF")]
    public void A_light_colour_is_refused_with_its_measured_ratio_and_a_darker_colour_that_passes(string colour)
    {
        var problem = SiteSettingsRules.Colour("AccentColor", colour);

        Assert.NotNull(problem);
        var ratio = (double)problem.Arguments[2];
        Assert.True(ratio < BrandColours.MinimumTextContrast);
        Assert.Contains($"{ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}:1", problem.Message, StringComparison.Ordinal);
        var suggestion = (string)problem.Arguments[3];
        Assert.Contains(suggestion, problem.Message, StringComparison.Ordinal);
        Assert.True(BrandColours.ContrastWithWhite(suggestion) >= BrandColours.MinimumTextContrast, $"{suggestion} must pass");
        Assert.Null(SiteSettingsRules.Colour("AccentColor", suggestion));
    }

    [Fact]
    public void The_suggested_colour_keeps_the_hue_and_is_the_lightest_that_passes()
    {
        var darker = BrandColours.Darker("#ff8000");

        Assert.True(BrandColours.ContrastWithWhite(darker) >= 4.5);
        Assert.Equal("00", darker[5..7]); // blue stays nothing
        Assert.True(Convert.ToInt32(darker[1..3], 16) > Convert.ToInt32(darker[3..5], 16)); // still orange: more red than green
    }

    [Theory]
    [InlineData("#1f4e79")]
    [InlineData("#9E3D12")]
    [InlineData("#000000")]
    public void A_dark_colour_passes(string colour) => Assert.Null(SiteSettingsRules.Colour("PrimaryColor", colour));

    [Theory]
    [InlineData("../../x.png")]
    [InlineData("/media/../x.png")]
    [InlineData("/media/../../tenants.json")]
    [InlineData("media/logo.png")]
    [InlineData("/etc/passwd")]
    [InlineData("https://example.com/logo.png")]
    [InlineData("//evil.example/logo.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/media/logo.exe")]
    [InlineData("/media/.hidden.png")]
    [InlineData("/media/a\\b.png")]
    [InlineData("/media/logo.png\0.jpg")]
    [InlineData("/media/con.png")]
    public void A_logo_path_that_is_no_image_in_the_tenants_media_is_refused(string path)
    {
        var problem = SiteSettingsRules.LogoPath(path);

        Assert.NotNull(problem);
        Assert.Equal("LogoPath", problem.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/media/logo.png")]
    [InlineData("/media/billeder/Nyborg logo.svg")]
    [InlineData("/media/site-logo/logo-20261201-ab12cd34.webp")]
    public void A_media_image_path_or_none_passes(string path) => Assert.Null(SiteSettingsRules.LogoPath(path));

    [Theory]
    [InlineData("http://was.digst.dk/nyborg")]
    [InlineData("/was")]
    [InlineData("was.digst.dk/nyborg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("https://user:pw@example.dk/was")]
    [InlineData("https://example.dk/was erklæring")]
    [InlineData("ftp://example.dk/was")]
    public void A_statement_url_that_is_no_full_https_address_is_refused(string url)
    {
        var problem = SiteSettingsRules.StatementUrl(url);

        Assert.NotNull(problem);
        Assert.Contains("https", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_nested_deeper_than_any_other_text_is_refused_as_a_welcome_text()
    {
        var deep = new string('>', 5_000) + " citat";

        var problem = SiteSettingsRules.WelcomeText(deep);

        Assert.NotNull(problem);
        Assert.Contains("levels", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Nyborg\0Kommune")]
    [InlineData("Nyborg\u202eKommune")]
    [InlineData("Nyborg\nKommune")]
    public void An_empty_or_control_character_name_is_refused(string name) => Assert.NotNull(SiteSettingsRules.SiteName(name));

    [Fact]
    public void A_name_longer_than_allowed_is_refused_with_its_length() =>
        Assert.Contains("121", SiteSettingsRules.SiteName(new string('a', 121))!.Message, StringComparison.Ordinal);

    public static TheoryData<string, string> WrongRecipeData => new()
    {
        { """{ "SiteName": 5 }""", "'SiteName' must be text, not a number" },
        { """{ "SiteName": ["Nyborg"] }""", "'SiteName' must be text, not an array" },
        { """{ "Branding": "blå" }""", "'Branding' must be an object" },
        { """{ "Branding": [] }""", "'Branding' must be an object" },
        { """{ "Branding": { "PrimaryColor": 1193046 } }""", "'Branding.PrimaryColor' must be text, not a number" },
        { """{ "Branding": { "PrimaryColor": null } }""", "'Branding.PrimaryColor' must be text, not null" },
        { """{ "Branding": { "WelcomeText": { "da": "Hej" } } }""", "'Branding.WelcomeText' must be text, not an object" },
        { """{ "Branding": { "Colour": "#1f4e79" } }""", "'Colour' is not a Branding setting" },
        { """{ "Branding": { "PrimaryColor": "red" } }""", "PrimaryColor 'red' is not a colour" },
        { """{ "Branding": { "AccentColor": "#ffcc00" } }""", "AccentColor #ffcc00 has a contrast of only 1.51:1" },
        { """{ "Branding": { "LogoPath": "../../x.png" } }""", "LogoPath '../../x.png'" },
        { """{ "Branding": { "AccessibilityStatementUrl": "http://example.dk/was" } }""", "AccessibilityStatementUrl 'http://example.dk/was' is not a full https address" },
    };

    [Theory]
    [MemberData(nameof(WrongRecipeData))]
    public void Recipe_settings_of_the_wrong_kind_or_value_are_refused_naming_the_key(string json, string expected)
    {
        var problems = SiteSettingsRules.Check(JsonNode.Parse(json)!.AsObject(), evaluated: true).Select(p => p.Message).ToList();

        Assert.Contains(problems, message => message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_are_read_ignoring_case_as_orchard_core_does_and_expressions_wait_until_they_are_evaluated()
    {
        var data = JsonNode.Parse("""{ "sitename": "[js: parameters('SiteName')]", "branding": { "primarycolor": "#1F4E79", "LogoPath": "[js: variables('logo')]" } }""")!.AsObject();

        Assert.Empty(SiteSettingsRules.Check(data, evaluated: false));
    }
}
