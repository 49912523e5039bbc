using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Recipes;

/// <summary>Every way a recipe or a tenant request can be wrong: a clear one-line message, a non-zero
/// exit code, and no tenant entry, folder or database left behind.</summary>
public sealed class RecipeBadInputTests : IDisposable
{
    private const string ValidSteps = """
        { "name": "feature", "enable": [ "Netvaerk.Networks" ] },
        { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "DisplayName": "Note",
          "Settings": { "ContentTypeSettings": { "Draftable": true } },
          "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Required": true } } } ] } ] },
        { "name": "content", "data": [ { "ContentItemId": "[js: variables('first')]", "ContentType": "Note", "Published": true, "TitlePart": { "Title": "Først" } } ] }
        """;

    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    public static TheoryData<string, string, string> BrokenRecipes => new()
    {
        { "malformed JSON", """{ "name": "x", "steps": [ { "name": "feature", } """, "line" },
        { "unknown step", $$"""{ "name": "x", "variables": { "first": "[js:uuid()]" }, "steps": [ {{ValidSteps}}, { "name": "layers", "Layers": [] } ] }""", "'layers' (step 4)" },
        { "unknown function", $$"""{ "name": "x", "variables": { "first": "[js:uuid()]" }, "steps": [ {{ValidSteps}}, { "name": "settings", "SiteName": "[js: getUrlPrefix()]" } ] }""", "Unknown function 'getUrlPrefix'" },
        { "undefined variable", """{ "name": "x", "steps": [ { "name": "settings", "SiteName": "[js: variables('siteName')]" } ] }""", "'siteName'" },
        { "undefined content type", $$"""{ "name": "x", "variables": { "first": "[js:uuid()]" }, "steps": [ {{ValidSteps}}, { "name": "content", "data": [ { "ContentType": "Nonexistent", "TitlePart": { "Title": "Ingen" } } ] } ] }""", "Unknown content type 'Nonexistent'" },
        { "missing required part", $$"""{ "name": "x", "variables": { "first": "[js:uuid()]" }, "steps": [ {{ValidSteps}}, { "name": "content", "data": [ { "ContentType": "Note" } ] } ] }""", "'TitlePart'" },
        { "file path escaping the folder", """{ "name": "x", "steps": [ { "name": "settings", "Footer": "[file:text('../../../etc/passwd')]" } ] }""", "leaves the recipe's folder" },
        { "unknown feature", """{ "name": "x", "steps": [ { "name": "feature", "enable": [ "Netvaerk.Nothing" ] } ] }""", "Netvaerk.Nothing" },
    };

    [Theory]
    [MemberData(nameof(BrokenRecipes))]
    public async Task A_broken_recipe_creates_no_tenant(string problem, string recipeJson, string expectedMessage)
    {
        var recipe = _portal.WriteRecipe(recipeJson);

        var result = await _portal.RunAsync("tenants", "create", "Broken", "--prefix", "broken", "--recipe", recipe);

        Assert.True(result.ExitCode != 0, problem);
        Assert.Contains(expectedMessage, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("Broken", File.Exists(_portal.TenantsFile) ? File.ReadAllText(_portal.TenantsFile) : "");
        Assert.False(Directory.Exists(_portal.SiteFolder("Broken")), $"{problem}: the site folder must be removed");
    }

    [Theory]
    [MemberData(nameof(BrokenRecipes))]
    public async Task Validate_reports_a_broken_recipe_without_changing_anything(string problem, string recipeJson, string expectedMessage)
    {
        if (problem is "undefined content type" or "missing required part")
        {
            return; // only running the content step can tell; covered by the tenant test above
        }

        var result = await _portal.RunAsync("recipes", "validate", _portal.WriteRecipe(recipeJson));

        Assert.True(result.ExitCode != 0, problem);
        Assert.Contains(expectedMessage, result.All);
        Assert.False(Directory.Exists(Path.Combine(_portal.AppData, "Sites")));
    }

    [Fact]
    public async Task A_failing_recipe_run_on_a_running_tenant_leaves_its_content_as_it_was()
    {
        var setup = _portal.WriteRecipe($$"""{ "name": "setup", "variables": { "first": "[js:uuid()]" }, "steps": [ {{ValidSteps}} ] }""", "setup.recipe.json");
        Assert.Equal(0, (await _portal.RunAsync("tenants", "create", "Atomic", "--prefix", "atomic", "--recipe", setup)).ExitCode);
        var failing = _portal.WriteRecipe("""
            { "name": "more", "steps": [
              { "name": "content", "data": [ { "ContentType": "Note", "Published": true, "TitlePart": { "Title": "Anden" } } ] },
              { "name": "content", "data": [ { "ContentType": "Nonexistent" } ] } ] }
            """, "more.recipe.json");

        var result = await _portal.RunAsync("recipes", "run", "--tenant", "Atomic", failing);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("step 2 'content'", result.Error);
        var titles = await _portal.InTenantAsync("Atomic", async services =>
            (await services.GetRequiredService<ContentManager>().ListAsync("Note", VersionOptions.Latest)).Select(i => i.DisplayText).ToList());
        Assert.Equal(["Først"], titles);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("admin")]
    [InlineData("Store Bogstaver")]
    [InlineData("%2e%2e")]
    public async Task A_prefix_that_is_not_one_safe_url_segment_is_refused(string prefix)
    {
        var result = await _portal.RunAsync("tenants", "create", "Unsafe", "--prefix", prefix, "--recipe", "nyborg-kommune");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("prefix", result.Error);
        Assert.False(Directory.Exists(_portal.SiteFolder("Unsafe")));
    }

    [Fact]
    public async Task Duplicate_tenant_names_and_prefixes_are_refused_and_the_first_tenant_is_untouched()
    {
        Assert.Equal(0, (await _portal.RunAsync("tenants", "create", "Nyborg", "--prefix", "nyborg", "--recipe", "nyborg-kommune")).ExitCode);
        var before = File.ReadAllText(_portal.TenantsFile);

        var sameName = await _portal.RunAsync("tenants", "create", "nyborg", "--prefix", "andet", "--recipe", "nyborg-kommune");
        var samePrefix = await _portal.RunAsync("tenants", "create", "Andet", "--prefix", "nyborg", "--recipe", "nyborg-kommune");

        Assert.Contains("already exists", sameName.Error);
        Assert.Contains("already used", samePrefix.Error);
        Assert.Equal(before, File.ReadAllText(_portal.TenantsFile));
        Assert.False(Directory.Exists(_portal.SiteFolder("Andet")));
    }

    [Fact]
    public async Task Step_names_match_case_insensitively_and_content_data_may_be_capitalised()
    {
        var recipe = _portal.WriteRecipe("""
            { "name": "cases", "steps": [
              { "name": "Feature", "enable": [ "Netvaerk.Networks" ] },
              { "name": "contentdefinition", "ContentTypes": [ { "Name": "Note", "Settings": { "Draftable": true, "Listable": true },
                "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "Position": "0" } } ] } ] },
              { "name": "CONTENT", "Data": [ { "ContentType": "Note", "Published": true, "TitlePart": { "Title": "Stor" } } ] } ] }
            """);

        var result = await _portal.RunAsync("tenants", "create", "Cases", "--prefix", "cases", "--recipe", recipe);

        Assert.True(result.ExitCode == 0, result.All);
        var (titles, draftable) = await _portal.InTenantAsync("Cases", async services =>
        {
            var items = await services.GetRequiredService<ContentManager>().ListAsync("Note", VersionOptions.Published);
            var type = await services.GetRequiredService<ContentDefinitionManager>().GetTypeAsync("Note");
            return (items.Select(i => i.DisplayText).ToList(), type!.Draftable);
        });
        Assert.Equal(["Stor"], titles);
        Assert.True(draftable, "the older flat settings shape is read too");
    }
}
