using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Protocols;
using NetvaerkPortal.Content;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The six built-in protocols come with every shipped recipe (through the moedeprotokoller recipe), complete
/// and shared with the organisation; running the recipe again updates them instead of adding copies.</summary>
public sealed class ProtocolRecipeTests : IDisposable
{
    private static readonly string[] BuiltIns =
    [
        "protokolkollegialsparring0", "protokolreflekterendeteam0", "protokolincidentmetoden000",
        "protokoltroikasparring0000", "protokolactionlearning0000", "protokolerfarunde000000000",
    ];

    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    private static string RecipePath(string name) => Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes", name + ".recipe.json");

    private static readonly string[] Shipped = ["netvaerk-portal", "ny-organisation", "nyborg-kommune", "aarhus-kommune-sundhed", "dansk-socialraadgiverforening", "ftf-formaend"];

    public static TheoryData<string> ShippedRecipes => new(Shipped);

    [Fact]
    public void Every_shipped_recipe_that_enables_meetings_runs_the_protocol_recipe()
    {
        var recipes = Directory.GetFiles(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes"), "*.recipe.json")
            .Select(RecipeReader.ReadFile)
            .Where(r => r.Name != "moedeprotokoller" && r.Steps.Any(s => s.Name == "feature" && s.Data["enable"] is JsonArray enable && enable.Any(f => f?.GetValue<string>() == "Netvaerk.Meetings")))
            .ToList();

        Assert.Equal(Shipped.Order(StringComparer.Ordinal), recipes.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(recipes, recipe =>
        {
            Assert.Contains(recipe.Steps, s => s.Name == "recipes" && s.Data["Values"]!.AsArray().Any(v => v!["name"]!.GetValue<string>() == "moedeprotokoller"));
            var indexed = recipe.Steps.Single(s => s.Name == "lucene-index").Data.ToJsonString();
            Assert.Contains("\"Protocol\"", indexed, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_protocol_recipe_validates_and_its_six_protocols_pass_the_rules()
    {
        var validation = await _portal.RunAsync("recipes", "validate", RecipePath("moedeprotokoller"));
        Assert.True(validation.ExitCode == 0, validation.All);

        var recipe = RecipeReader.ReadFile(RecipePath("moedeprotokoller"));
        var items = recipe.Steps.Single(s => s.Name == "content").Data["data"]!.AsArray().Select(node => ContentJson.Read((JsonObject)node!)).ToList();

        Assert.Equal(BuiltIns, items.Select(i => i.ContentItemId));
        Assert.All(items, item =>
        {
            Assert.Empty(ProtocolRules.Check(item));
            Assert.Equal("Tenant", item.Text("VisibilityPart", "Visibility"));
            Assert.True(ProtocolPart.Description(item)!.StartsWith("Brug ", StringComparison.Ordinal), item.DisplayText);
            Assert.All(ProtocolPart.Phases(item), phase =>
            {
                Assert.False(string.IsNullOrWhiteSpace(phase.Guidance), $"{item.DisplayText}: {phase.Name}");
                Assert.False(string.IsNullOrWhiteSpace(phase.Speaks), $"{item.DisplayText}: {phase.Name}");
                Assert.False(string.IsNullOrWhiteSpace(phase.Produces), $"{item.DisplayText}: {phase.Name}");
            });
        });
        var sparring = ProtocolPart.Phases(items[0]);
        Assert.Equal(
            ["Casting og rollefordeling", "Præsentation af casen", "Fokusspørgsmål", "Afklarende spørgsmål", "Refleksion", "Casegiverens respons", "Afrunding"],
            sparring.Select(p => p.Name));
        Assert.Equal("Casegiveren", sparring.Single(p => p.Name == "Refleksion").Listens);
        Assert.Equal([false, true, true, true, true, true, false], sparring.Select(p => p.PerCase));
        Assert.Contains(ProtocolPart.Phases(items[2]), p => p.Name == "Rådsrunde" && p.Listens == "Casegiveren");
        Assert.Contains(ProtocolPart.Phases(items[4]), p => p.Name == "Kun spørgsmål" && p.PerCase);
    }

    [Theory]
    [MemberData(nameof(ShippedRecipes))]
    public async Task Every_shipped_recipe_brings_the_built_ins_and_running_them_again_updates_them(string recipe)
    {
        var created = await _portal.RunAsync("tenants", "create", "Org", "--prefix", "org", "--recipe", recipe, "--param", "SiteName=Org");
        Assert.True(created.ExitCode == 0, created.All);

        var again = await _portal.RunAsync("recipes", "run", "--tenant", "Org", "moedeprotokoller");
        Assert.True(again.ExitCode == 0, again.All);

        var (protocols, versions) = await _portal.InTenantAsync("Org", async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            var published = await content.ListAsync(ProtocolPart.ContentType, VersionOptions.Published, take: 100);
            // The organisation's protocols; a recipe may add a network's own copy besides (Nyborg does).
            return (published.Where(p => Netvaerk.Networks.ContentTypes.NetworkItems.NetworkOf(p) is null).ToList(), (await content.ListVersionsAsync(BuiltIns[0])).Count);
        });

        Assert.Equal(BuiltIns.Order(StringComparer.Ordinal), protocols.Select(p => p.ContentItemId).Order(StringComparer.Ordinal));
        Assert.All(protocols, p => Assert.Equal("Tenant", p.Text("VisibilityPart", "Visibility")));
        Assert.All(protocols, p => Assert.Equal(ProtocolContentType.PathFor(p.ContentItemId), p.Text("AutoroutePart", "Path")));
        Assert.Equal(2, versions);
    }
}
