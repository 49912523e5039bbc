using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Recipes;

namespace NetvaerkPortal.Tests.Recipes;

public sealed class OrchardCompatibilityTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    [Theory]
    [InlineData("blog.recipe.json", new[] { "'layers' (step 8)", "'queries' (step 9)", "'AdminMenu' (step 10)", "'MediaProfiles' (step 11)" })]
    [InlineData("comingsoon.recipe.json", new[] { "'WorkflowType' (step 8)" })]
    public async Task Validate_names_each_unsupported_step_with_its_position(string file, string[] expected)
    {
        var result = await _portal.RunAsync("recipes", "validate", PortalCommandRunner.Fixture(file));

        Assert.NotEqual(0, result.ExitCode);
        foreach (var step in expected)
        {
            Assert.Contains(step, result.Output);
        }

        Assert.False(Directory.Exists(Path.Combine(_portal.AppData, "Sites")), "validate must not change anything");
    }

    [Fact]
    public async Task Validate_accepts_the_blog_recipe_when_unsupported_steps_may_be_skipped()
    {
        var result = await _portal.RunAsync("recipes", "validate", PortalCommandRunner.Fixture("blog.recipe.json"), "--skip-unsupported");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is valid", result.Output);
    }

    [Fact]
    public async Task Blog_recipe_imports_its_definitions_and_posts_with_their_parts_when_skipping_unsupported_steps()
    {
        var created = await _portal.RunAsync("tenants", "create", "Blog", "--prefix", "blog", "--recipe", PortalCommandRunner.Fixture("blog.recipe.json"), "--skip-unsupported");
        Assert.True(created.ExitCode == 0, created.All);
        Assert.Contains("'layers'", created.Output);

        var fixture = RecipeReader.ReadFile(PortalCommandRunner.Fixture("blog.recipe.json"));
        var expectedPosts = fixture.Steps.Single(s => s.Name == "content").Data["Data"]!.AsArray()
            .OfType<JsonObject>().Where(i => i["ContentType"]!.GetValue<string>() == "BlogPost").ToList();
        Assert.NotEmpty(expectedPosts);

        var (posts, blogPostType) = await _portal.InTenantAsync("Blog", async services =>
        {
            var content = services.GetRequiredService<ContentManager>();
            var definitions = services.GetRequiredService<ContentDefinitionManager>();
            return (await content.ListAsync("BlogPost", VersionOptions.Latest), await definitions.GetTypeAsync("BlogPost"));
        });

        Assert.NotNull(blogPostType);
        Assert.True(blogPostType.Draftable);
        Assert.Contains(blogPostType.Parts, p => p.PartName == "MarkdownBodyPart");
        Assert.Equal(expectedPosts.Count, posts.Count);
        foreach (var expected in expectedPosts)
        {
            var title = expected["TitlePart"]!["Title"]!.GetValue<string>();
            var post = Assert.Single(posts, p => p.Text("TitlePart", "Title") == title);
            Assert.Equal(expected["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>(), post.Text("MarkdownBodyPart", "Markdown"));
            Assert.Equal(expected["AutoroutePart"]!["Path"]!.GetValue<string>(), post.Text("AutoroutePart", "Path"));
            Assert.True(post.Published);
        }
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_tenant_then_export_gives_the_same_content()
    {
        Assert.Equal(0, (await _portal.RunAsync("tenants", "create", "Nyborg", "--prefix", "nyborg", "--recipe", "nyborg-kommune")).ExitCode);
        var first = await _portal.RunAsync("content", "export", "--tenant", "Nyborg");
        Assert.Equal(0, first.ExitCode);
        var exportFile = _portal.WriteRecipe(first.Output, "export.recipe.json");

        var imported = await _portal.RunAsync("tenants", "create", "Kopi", "--prefix", "kopi", "--recipe", exportFile);
        Assert.True(imported.ExitCode == 0, imported.All);
        var second = await _portal.RunAsync("content", "export", "--tenant", "Kopi");

        var firstItems = Comparable(first.Output);
        Assert.True(firstItems.Count >= 6, "the Nyborg recipe brings a network, articles, a case and notes");
        Assert.Equal(firstItems, Comparable(second.Output));
    }

    /// <summary>The items of an export without what an import may change: version ids and timestamps.</summary>
    private static List<string> Comparable(string exportJson)
    {
        var content = JsonNode.Parse(exportJson)!["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "content")!;
        return content["data"]!.AsArray().Select(item =>
        {
            var copy = item!.AsObject().DeepClone().AsObject();
            foreach (var volatileField in new[] { "ContentItemVersionId", "CreatedUtc", "ModifiedUtc", "PublishedUtc" })
            {
                copy.Remove(volatileField);
            }

            return copy.ToJsonString();
        }).Order(StringComparer.Ordinal).ToList();
    }
}
