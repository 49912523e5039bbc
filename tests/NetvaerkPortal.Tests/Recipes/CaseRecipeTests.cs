using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Tests.Recipes;

public class CaseRecipeTests : IDisposable
{
    private readonly PortalCommandRunner _portal;

    public CaseRecipeTests()
        : this(null)
    {
    }

    /// <summary>The recipes on <paramref name="databaseProvider"/> (the provider matrix).</summary>
    protected CaseRecipeTests(string? databaseProvider) => _portal = new PortalCommandRunner(databaseProvider);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _portal.Dispose();
        }
    }

    [Theory]
    [InlineData("netvaerk-portal")]
    [InlineData("dansk-socialraadgiverforening")]
    [InlineData("nyborg-kommune")]
    [InlineData("aarhus-kommune-sundhed")]
    [InlineData("ftf-formaend")]
    public async Task Each_shipped_recipe_sets_up_a_useful_portal(string recipe)
    {
        var validation = await _portal.RunAsync("recipes", "validate", recipe);
        Assert.True(validation.ExitCode == 0, validation.All);

        var result = await _portal.RunAsync("tenants", "create", "Org", "--prefix", "org", "--recipe", recipe);
        Assert.True(result.ExitCode == 0, result.All);

        var (network, articles, features) = await _portal.InTenantAsync("Org", async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            var enabled = await services.GetRequiredService<TenantFeatures>().GetAsync("Org", services.GetRequiredService<SiteDocuments>());
            var networks = await content.ListAsync("Network", VersionOptions.Published);
            return (networks.Count > 0 ? networks[0] : null,
                await content.ListAsync("KnowledgeArticle", VersionOptions.Published), enabled);
        });

        Assert.NotNull(network);
        foreach (var field in new[] { "Purpose", "DesiredEffect", "TargetGroup", "GroundRules" })
        {
            Assert.False(string.IsNullOrWhiteSpace(network.Text("NetworkPart", field)), $"{recipe}: the network's {field} is empty");
        }

        Assert.True(articles.Count >= 3, $"{recipe}: {articles.Count} knowledge articles");
        Assert.Contains("Netvaerk.Networks", features);
        Assert.Contains("Netvaerk.Search.Lucene", features);
    }

    [Theory]
    [InlineData("dansk-socialraadgiverforening")]
    [InlineData("nyborg-kommune")]
    [InlineData("aarhus-kommune-sundhed")]
    [InlineData("ftf-formaend")]
    public async Task Each_case_recipe_brings_a_case_story_and_meeting_notes_of_its_network(string recipe)
    {
        Assert.Equal(0, (await _portal.RunAsync("tenants", "create", "Org", "--prefix", "org", "--recipe", recipe)).ExitCode);

        var (network, cases, notes) = await _portal.InTenantAsync("Org", async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            return ((await content.ListAsync("Network", VersionOptions.Published)).Single(),
                await content.ListAsync("Case", VersionOptions.Published),
                await content.ListAsync("MeetingNote", VersionOptions.Published));
        });

        var story = Assert.Single(cases);
        Assert.False(string.IsNullOrWhiteSpace(story.Text("CasePart", "Challenge")));
        Assert.NotEmpty(notes);
        Assert.All(notes, note =>
        {
            Assert.Equal(network.ContentItemId, note.Text("NetworkItemPart", "NetworkContentItemId"));
            Assert.Equal("Network", note.Text("VisibilityPart", "Visibility"));
        });
    }
}

public sealed class CaseRecipeTestsOnPostgres() : CaseRecipeTests(DatabaseProviders.Postgres);
