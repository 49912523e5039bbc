using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Tests.Media;

namespace NetvaerkPortal.Tests.Recipes;

/// <summary>A recipe's settings step sets the organisation's name and Branding; validate and run refuse what the
/// admin would refuse, naming the key.</summary>
public sealed class BrandingRecipeTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    private static string Recipe(string settings, string extraSteps = "") => $$"""
        { "name": "branding", "steps": [
          { "name": "feature", "enable": [ "Netvaerk.Networks", "Netvaerk.Theme" ] },{{extraSteps}}
          { "name": "settings", "SiteName": "Vesthavn Kommune", {{settings}} } ] }
        """;

    private Task<SiteBranding> BrandingAsync(string tenant) =>
        _portal.InTenantAsync(tenant, services => SiteBranding.LoadAsync(services.GetRequiredService<SiteDocuments>()));

    public static TheoryData<string, string> Refused => new()
    {
        { """ "Branding": { "PrimaryColor": "red" } """, "Branding.PrimaryColor" },
        { """ "Branding": { "PrimaryColor": "#fff" } """, "Branding.PrimaryColor" },
        { """ "Branding": { "AccentColor": "#ffcc00" } """, "contrast of only 1.51:1" },
        { """ "Branding": { "AccentColor": 16763904 } """, "'Branding.AccentColor' must be text, not a number" },
        { """ "Branding": [ "#1f4e79" ] """, "'Branding' must be an object" },
        { """ "Branding": { "Farve": "#1f4e79" } """, "'Farve' is not a Branding setting" },
        { """ "Branding": { "LogoPath": "../../x.png" } """, "Branding.LogoPath" },
        { """ "Branding": { "LogoPath": "/media/../../tenants.json" } """, "Branding.LogoPath" },
        { """ "Branding": { "AccessibilityStatementUrl": "http://example.dk/was" } """, "Branding.AccessibilityStatementUrl" },
        { """ "Branding": { "WelcomeText": true } """, "'Branding.WelcomeText' must be text, not true or false" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Validate_and_setup_refuse_bad_branding_naming_the_key(string settings, string expected)
    {
        var recipe = _portal.WriteRecipe(Recipe(settings));

        var validation = await _portal.RunAsync("recipes", "validate", recipe);
        var created = await _portal.RunAsync("tenants", "create", "Vesthavn", "--prefix", "vesthavn", "--recipe", recipe);

        Assert.NotEqual(0, validation.ExitCode);
        Assert.Contains(expected, validation.All, StringComparison.Ordinal);
        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains(expected, created.Error, StringComparison.Ordinal);
        Assert.Contains("'settings'", created.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_portal.SiteFolder("Vesthavn")));
    }

    [Fact]
    public async Task Branding_nested_ten_thousand_deep_is_refused_by_the_reader_not_a_crash()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var recipe = _portal.WriteRecipe(Recipe($"\"Branding\": {deep}"));

        var result = await _portal.RunAsync("recipes", "validate", recipe);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("depth of 64", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_sets_name_and_branding_and_a_later_recipe_changes_only_what_it_names()
    {
        var logo = Convert.ToBase64String(TestImages.Png);
        var media = $$""" { "name": "media", "Files": [ { "TargetPath": "logo/vesthavn.png", "Base64": "{{logo}}" } ] },""";
        var setup = _portal.WriteRecipe(Recipe("""
            "Branding": { "LogoPath": "/media/logo/vesthavn.png", "PrimaryColor": "#00427A", "AccentColor": "#8a1c3c",
              "WelcomeText": "Velkommen til **Vesthavn**.", "FooterContact": "HR · hr@vesthavn.example",
              "AccessibilityStatementUrl": "https://www.was.digst.dk/vesthavn-dk" }
            """, media), "setup.recipe.json");
        Assert.Equal(0, (await _portal.RunAsync("tenants", "create", "Vesthavn", "--prefix", "vesthavn", "--recipe", setup)).ExitCode);
        var colours = _portal.WriteRecipe("""{ "name": "farver", "steps": [ { "name": "settings", "branding": { "accentcolor": "#1D5B79" } } ] }""", "farver.recipe.json");

        var run = await _portal.RunAsync("recipes", "run", "--tenant", "Vesthavn", colours);

        Assert.Equal(0, run.ExitCode);
        var branding = await BrandingAsync("Vesthavn");
        Assert.Equal("Vesthavn Kommune", branding.SiteName);
        Assert.Equal("/media/logo/vesthavn.png", branding.LogoPath);
        Assert.Equal("#00427a", branding.PrimaryColor);
        Assert.Equal("#1d5b79", branding.AccentColor);
        Assert.Equal("Velkommen til **Vesthavn**.", branding.WelcomeText);
        Assert.Equal("HR · hr@vesthavn.example", branding.FooterContact);
        Assert.Equal("https://www.was.digst.dk/vesthavn-dk", branding.AccessibilityStatementUrl);
    }

    [Fact]
    public async Task A_logo_path_to_a_missing_file_or_an_svg_with_a_script_is_refused_when_the_step_runs()
    {
        var missing = _portal.WriteRecipe(Recipe(""" "Branding": { "LogoPath": "/media/findes-ikke.png" } """), "missing.recipe.json");
        var script = Convert.ToBase64String(TestImages.ScriptSvg);
        var svg = _portal.WriteRecipe(Recipe(""" "Branding": { "LogoPath": "/media/logo.svg" } """,
            $$""" { "name": "media", "Files": [ { "TargetPath": "logo.svg", "Base64": "{{script}}" } ] },"""), "svg.recipe.json");

        var first = await _portal.RunAsync("tenants", "create", "Mangler", "--prefix", "mangler", "--recipe", missing);
        var second = await _portal.RunAsync("tenants", "create", "Skript", "--prefix", "skript", "--recipe", svg);

        Assert.NotEqual(0, first.ExitCode);
        Assert.Contains("names no file in the tenant's media folder", first.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("<script>", second.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_portal.SiteFolder("Skript")));
    }

    public static TheoryData<string> ShippedRecipes => new() { "netvaerk-portal", "ny-organisation", "nyborg-kommune", "aarhus-kommune-sundhed", "dansk-socialraadgiverforening", "ftf-formaend" };

    [Theory]
    [MemberData(nameof(ShippedRecipes))]
    public async Task Every_shipped_recipe_validates_and_brands_its_portal_within_the_rules(string name)
    {
        var path = Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes", name + ".recipe.json");

        var validation = await _portal.RunAsync("recipes", "validate", path);

        Assert.True(validation.ExitCode == 0, validation.All);
        var recipe = NetvaerkPortal.Recipes.RecipeReader.ReadFile(path);
        var settings = recipe.Steps.Single(s => s.Name == "settings").Data;
        var branding = Assert.IsType<System.Text.Json.Nodes.JsonObject>(settings["Branding"]);
        Assert.Empty(SiteSettingsRules.Check(settings, evaluated: false));
        Assert.True(((string)branding["WelcomeText"]!).Length > 100, "a welcome that says something");
        Assert.DoesNotContain("Netværk Portal", settings.ToJsonString(), StringComparison.Ordinal);
    }
}
