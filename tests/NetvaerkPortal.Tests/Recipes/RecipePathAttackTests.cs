using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Recipes.Steps;

namespace NetvaerkPortal.Tests.Recipes;

/// <summary>Every name or path a recipe gives that would become a file path (index names, media targets and sources,
/// [file:text()] references, template names, nested recipes) is refused by `recipes validate` and by a run, with the
/// step's name and position; and nothing outside the tenant's folder is touched (a victim folder keeps its files).</summary>
public sealed class RecipePathAttackTests : IDisposable
{
    private const string Tenant = "Angrebet";

    private readonly PortalCommandRunner _portal = new();

    public RecipePathAttackTests()
    {
        Victim = Directory.CreateDirectory(Path.Combine(_portal.AppData, "victimdir")).FullName;
        File.WriteAllText(Path.Combine(Victim, "a.txt"), "victim's file");
        File.WriteAllText(Path.Combine(Victim, "secret.txt"), "server secret");
    }

    /// <summary>A folder beside Sites/ that a name climbing out of the tenant's folder reaches.</summary>
    private string Victim { get; }

    public void Dispose() => _portal.Dispose();

    public static TheoryData<string> HostileNames => new()
    {
        "..",
        "../../../victimdir",
        "../../../../victimdir",
        "Search/../../../../victimdir",
        "/tmp/victimdir",
        "C:\\victimdir",
        "a\0b",
        "line\nbreak",
        new string('x', 300),
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Index_name_that_climbs_out_is_refused_by_validate_and_run(string name)
    {
        var recipe = Recipe(Step("lucene-index", "Indices", new JsonArray(new JsonObject { [name] = new JsonObject { ["AnalyzerName"] = "danish" } })));

        await AssertRefusedAsync(recipe, "step 1 'lucene-index'", "index name");
        // Nothing marked a bad index, so a rebuild writes only the tenant's own index.
        Assert.Equal(0, (await _portal.RunAsync("search", "rebuild", "--tenant", Tenant)).ExitCode);
        AssertNothingOutsideTouched();
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Index_name_to_rebuild_that_climbs_out_is_refused_by_validate_and_run(string name)
    {
        var recipe = Recipe(Step("lucene-index-rebuild", "Indices", new JsonArray(JsonValue.Create(name))));

        await AssertRefusedAsync(recipe, "step 1 'lucene-index-rebuild'", "index name");
        AssertNothingOutsideTouched();
    }

    [Fact]
    public async Task An_index_name_already_stored_or_a_linked_index_folder_never_becomes_a_path()
    {
        await CreateTenantAsync();
        Directory.CreateDirectory(Path.Combine(_portal.SiteFolder(Tenant), "Lucene"));
        Directory.CreateSymbolicLink(Path.Combine(_portal.SiteFolder(Tenant), "Lucene", "Linked"), Victim);

        var refused = await _portal.InTenantAsync(Tenant, services =>
        {
            var registry = services.GetRequiredService<LuceneIndexRegistry>();
            return Task.FromResult(new[] { "..", "../../victimdir", "Linked" }.Select(name =>
                Record.Exception(() => registry.IndexPath(Tenant, name))).ToList());
        });

        Assert.All(refused, error => Assert.IsType<IndexFolderRefusedException>(error));
        Assert.Contains("Linked", refused[2]!.Message, StringComparison.Ordinal);
        AssertNothingOutsideTouched();
    }

    public static TheoryData<string> HostileTargets => new()
    {
        "../portal.db",
        "../../../victimdir/a.txt",
        "/tmp/victimdir/a.txt",
        "C:\\victimdir\\a.txt",
        "a\0b.png",
        ".netvaerk-owned",
        "billeder/../../portal.db",
        string.Join('/', Enumerable.Repeat("mappe", 60)) + "/a.png",
    };

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task Media_target_outside_the_media_folder_is_refused_by_validate_and_run(string target)
    {
        var recipe = Recipe(Step("media", "Files", new JsonArray(new JsonObject { ["TargetPath"] = target, ["Base64"] = "cHduZWQ=" })));

        await AssertRefusedAsync(recipe, "step 1 'media'", "target path");
        AssertNothingOutsideTouched();
    }

    [Fact]
    public async Task Media_target_through_a_link_in_the_media_folder_is_refused()
    {
        await CreateTenantAsync();
        var media = Directory.CreateDirectory(Path.Combine(_portal.SiteFolder(Tenant), MediaStep.MediaFolder)).FullName;
        Directory.CreateSymbolicLink(Path.Combine(media, "ud"), Victim);
        var recipe = Recipe(Step("media", "Files", new JsonArray(new JsonObject { ["TargetPath"] = "ud/a.txt", ["Base64"] = "cHduZWQ=" })));

        var run = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, _portal.WriteRecipe(recipe));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("step 1 'media'", run.Error, StringComparison.Ordinal);
        AssertNothingOutsideTouched();
    }

    public static TheoryData<string> HostileSources => new()
    {
        "../victimdir/secret.txt",
        "../../victimdir/secret.txt",
        "/tmp/secret.txt",
        "C:\\secret.txt",
        "a\0b.txt",
        "link-to-secret.txt",
        "link-to-victim/secret.txt",
    };

    [Theory]
    [MemberData(nameof(HostileSources))]
    public async Task Media_source_outside_the_recipe_folder_or_through_a_link_is_refused_and_never_copied(string source)
    {
        var recipe = Recipe(Step("media", "Files", new JsonArray(new JsonObject { ["TargetPath"] = "kopi.txt", ["SourcePath"] = source })));
        var path = WriteRecipeWithLinks(recipe);
        await CreateTenantAsync();

        var validate = await _portal.RunAsync("recipes", "validate", path);
        var run = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, path);
        var skipped = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, path, "--skip-unsupported");

        Assert.NotEqual(0, validate.ExitCode);
        Assert.Contains("step 1 'media'", validate.All, StringComparison.Ordinal);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("step 1 'media'", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Contains("skipped media file", skipped.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_portal.SiteFolder(Tenant), MediaStep.MediaFolder, "kopi.txt")), "the file must not be copied");
        AssertNothingOutsideTouched();
    }

    [Theory]
    [MemberData(nameof(HostileSources))]
    public async Task File_reference_outside_the_recipe_folder_or_through_a_link_is_refused_by_validate_and_run(string reference)
    {
        var recipe = Recipe(Step("settings", "Footer", $"[file:text('{reference}')]"));
        var path = WriteRecipeWithLinks(recipe);
        await CreateTenantAsync();

        var validate = await _portal.RunAsync("recipes", "validate", path);
        var run = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, path, "--skip-unsupported");

        Assert.NotEqual(0, validate.ExitCode);
        Assert.Contains("step 1 'settings'", validate.All, StringComparison.Ordinal);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("step 1 'settings'", run.Error, StringComparison.Ordinal);
        var footer = await _portal.InTenantAsync(Tenant, async services =>
            (await services.GetRequiredService<SiteDocuments>().GetAsync<Dictionary<string, JsonNode?>>(SettingsStep.DocumentName)).GetValueOrDefault("Footer"));
        Assert.Null(footer);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../../victimdir/a")]
    [InlineData("/tmp/x")]
    [InlineData("Content/Case")]
    [InlineData("C:\\x")]
    [InlineData("a\0b")]
    [InlineData(".hidden")]
    public async Task Template_name_that_is_no_plain_file_name_is_refused_by_validate_and_run(string name)
    {
        var recipe = Recipe(Step("Templates", "Templates", new JsonObject { [name] = new JsonObject { ["Content"] = "<p>x</p>" } }));

        await AssertRefusedAsync(recipe, "step 1 'Templates'", "template name");
    }

    [Fact]
    public async Task Template_names_like_orchard_cores_still_pass()
    {
        var recipe = Recipe(Step("Templates", "Templates", new JsonObject
        {
            ["Content__ComingSoon"] = new JsonObject { ["Content"] = "<p>x</p>" },
            ["Content-Case.Summary"] = new JsonObject { ["Content"] = "<p>y</p>" },
        }));

        var validate = await _portal.RunAsync("recipes", "validate", _portal.WriteRecipe(recipe));

        Assert.True(validate.ExitCode == 0, validate.All);
    }

    [Fact]
    public async Task A_nested_recipe_is_a_name_from_the_catalog_never_a_path()
    {
        var elsewhere = Path.Combine(Victim, "pwn.recipe.json");
        File.WriteAllText(elsewhere, Recipe(Step("settings", "Pwned", "yes")));
        var byPath = _portal.WriteRecipe(Recipe(Step("recipes", "Values", new JsonArray(new JsonObject { ["name"] = elsewhere }))), "by-path.recipe.json");
        var relative = _portal.WriteRecipe(Recipe(Step("recipes", "Values", new JsonArray(new JsonObject { ["name"] = "../victimdir/pwn.recipe.json" }))), "relative.recipe.json");
        var unknown = _portal.WriteRecipe(Recipe(Step("recipes", "Values", new JsonArray(new JsonObject { ["name"] = "findes-ikke" }))), "unknown.recipe.json");
        var shipped = _portal.WriteRecipe(Recipe(Step("recipes", "Values", new JsonArray(new JsonObject { ["name"] = "nyborg-kommune" }))), "shipped.recipe.json");
        await CreateTenantAsync();

        foreach (var path in new[] { byPath, relative, unknown })
        {
            var validate = await _portal.RunAsync("recipes", "validate", path);
            var run = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, path);
            Assert.NotEqual(0, validate.ExitCode);
            Assert.Contains("step 1 'recipes'", validate.All, StringComparison.Ordinal);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("step 1 'recipes'", run.Error, StringComparison.Ordinal);
        }

        Assert.Contains("never a path", (await _portal.RunAsync("recipes", "validate", byPath)).All, StringComparison.Ordinal);
        Assert.Equal(0, (await _portal.RunAsync("recipes", "validate", shipped)).ExitCode);
        var pwned = await _portal.InTenantAsync(Tenant, async services =>
            (await services.GetRequiredService<SiteDocuments>().GetAsync<Dictionary<string, JsonNode?>>(SettingsStep.DocumentName)).ContainsKey("Pwned"));
        Assert.False(pwned, "the recipe outside the catalog must not run");
    }

    public static TheoryData<string> HostileTenantNames => new()
    {
        "..", "../victimdir", "/tmp/victimdir", "C:\\x", "a\0b", "x\n", "con", new string('a', 64), "Sites/../../victimdir",
    };

    [Theory]
    [MemberData(nameof(HostileTenantNames))]
    public async Task Tenant_name_that_is_no_plain_folder_name_is_refused_and_nothing_is_created(string name)
    {
        var result = await _portal.RunAsync("tenants", "create", name, "--prefix", "angreb", "--recipe", BaseRecipe());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is not allowed", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_portal.AppData, "Sites")), "no site folder may be made");
        AssertNothingOutsideTouched();
    }

    /// <summary>Validate refuses it, and a run on a running tenant refuses it with nothing changed, both naming the step.</summary>
    private async Task AssertRefusedAsync(string recipeJson, string stepLabel, string what)
    {
        var path = _portal.WriteRecipe(recipeJson);
        await CreateTenantAsync();

        var validate = await _portal.RunAsync("recipes", "validate", path);
        var run = await _portal.RunAsync("recipes", "run", "--tenant", Tenant, path);

        Assert.NotEqual(0, validate.ExitCode);
        Assert.Contains(stepLabel, validate.All, StringComparison.Ordinal);
        Assert.Contains(what, validate.All, StringComparison.Ordinal);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(stepLabel, run.Error, StringComparison.Ordinal);
        Assert.Contains(what, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    private async Task CreateTenantAsync()
    {
        if (Directory.Exists(_portal.SiteFolder(Tenant)))
        {
            return;
        }

        var created = await _portal.RunAsync("tenants", "create", Tenant, "--prefix", "angrebet", "--recipe", BaseRecipe());
        Assert.True(created.ExitCode == 0, created.All);
    }

    private string BaseRecipe() => _portal.WriteRecipe(
        """{ "name": "base", "steps": [ { "name": "feature", "enable": [ "Netvaerk.Networks", "Netvaerk.Search.Lucene" ] } ] }""", "base.recipe.json");

    /// <summary>Writes the recipe into a folder that also holds links to the victim's secret and to the victim folder.</summary>
    private string WriteRecipeWithLinks(string recipeJson)
    {
        var path = _portal.WriteRecipe(recipeJson, "links.recipe.json");
        var folder = Path.GetDirectoryName(path)!;
        if (!File.Exists(Path.Combine(folder, "link-to-secret.txt")))
        {
            File.CreateSymbolicLink(Path.Combine(folder, "link-to-secret.txt"), Path.Combine(Victim, "secret.txt"));
            Directory.CreateSymbolicLink(Path.Combine(folder, "link-to-victim"), Victim);
        }

        return path;
    }

    private void AssertNothingOutsideTouched()
    {
        Assert.Equal(["a.txt", "secret.txt"], Directory.GetFiles(Victim).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("victim's file", File.ReadAllText(Path.Combine(Victim, "a.txt")));
        Assert.Equal("server secret", File.ReadAllText(Path.Combine(Victim, "secret.txt")));
        if (Directory.Exists(_portal.SiteFolder(Tenant)))
        {
            Assert.True(File.Exists(Path.Combine(_portal.SiteFolder(Tenant), "portal.db")), "the tenant's database must stay");
        }
    }

    private static string Recipe(JsonObject step) =>
        new JsonObject { ["name"] = "attack", ["steps"] = new JsonArray(step) }.ToJsonString();

    private static JsonObject Step(string name, string key, JsonNode value) => new() { ["name"] = name, [key] = value };
}
