using System.Text.Json.Nodes;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Operations;

/// <summary>The published <c>netvaerk</c> command: the same verbs as <c>dotnet run -- VERB</c>, relative paths from the
/// caller's directory, and help without building the portal.</summary>
public sealed class NetvaerkCommandTests : IDisposable
{
    private readonly TempAppData _work = new();

    public void Dispose() => _work.Dispose();

    public static TheoryData<string> Verbs => new()
    {
        "tenants list", "tenants create", "tenants disable", "recipes validate", "recipes run", "users create", "users delete",
        "users reset-password", "tokens create", "tokens revoke", "tokens list", "content export", "search rebuild", "backup",
    };

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var help = await NetvaerkProcess.RunAsync(_work.Path, null, "--help");
        var bare = await NetvaerkProcess.RunAsync(_work.Path, null);

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(help.Output, bare.Output);
        foreach (var verb in Verbs)
        {
            Assert.Contains("  " + verb, help.Output, StringComparison.Ordinal);
        }

        Assert.Contains("--app-data PATH", help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_after_a_verb_shows_only_that_verb(string verb)
    {
        var output = new StringWriter();

        var exit = await PortalCommands.RunAsync([.. verb.Split(' '), "--help"], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("  " + verb, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(verb == "backup" ? "  tenants list" : "  backup", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_recipe_and_app_data_paths_resolve_from_the_callers_directory()
    {
        var caller = Directory.CreateDirectory(Path.Combine(_work.Path, "operator")).FullName;
        Directory.CreateDirectory(Path.Combine(caller, "opskrifter"));
        await File.WriteAllTextAsync(Path.Combine(caller, "opskrifter", "lokal.recipe.json"), new JsonObject
        {
            ["name"] = "lokal",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray("Netvaerk.Networks", "Netvaerk.Theme") }),
        }.ToJsonString());
        var environment = new Dictionary<string, string> { ["Portal__Setup__AdminPassword"] = PortalTestHost.AdminPassword };

        var validated = await NetvaerkProcess.RunAsync(caller, environment, "recipes", "validate", "opskrifter/lokal.recipe.json");
        var created = await NetvaerkProcess.RunAsync(caller, environment, "--app-data", "data", "tenants", "create", "Lokal", "--prefix", "lokal", "--recipe", "opskrifter/lokal.recipe.json");
        var listed = await NetvaerkProcess.RunAsync(caller, environment, "tenants", "list", "--app-data=data");
        var elsewhere = await NetvaerkProcess.RunAsync(_work.Path, environment, "tenants", "list", "--app-data", "operator/data");

        Assert.True(validated.ExitCode == 0, validated.All);
        Assert.Contains("Recipe 'lokal' is valid", validated.Output, StringComparison.Ordinal);
        Assert.True(created.ExitCode == 0, created.All);
        var tenants = await File.ReadAllTextAsync(Path.Combine(caller, "data", "tenants.json"));
        Assert.Contains(Path.Combine(caller, "opskrifter", "lokal.recipe.json"), tenants, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(caller, "data", "Sites", "Lokal", "portal.db")));
        Assert.Contains("Lokal", listed.Output, StringComparison.Ordinal);
        Assert.Contains("Lokal", elsewhere.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--app-data")]
    [InlineData("--app-data=")]
    [InlineData("--app-data=a\0b")]
    [InlineData("--app-data=  ")]
    public async Task App_data_without_a_usable_path_is_refused_with_an_example(string option)
    {
        var error = new StringWriter();

        var exit = await PortalCommands.RunAsync(["tenants", "list", option], new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("--app-data needs the path", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_says_how_to_get_the_list()
    {
        var result = await NetvaerkProcess.RunAsync(_work.Path, null, "tenants", "remove", "Nyborg");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown command 'tenants remove'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }
}
