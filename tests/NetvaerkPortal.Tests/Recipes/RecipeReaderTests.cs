using NetvaerkPortal.Recipes;

namespace NetvaerkPortal.Tests.Recipes;

public sealed class RecipeReaderTests
{
    [Theory]
    [InlineData("blog.recipe.json", "Blog", 11)]
    [InlineData("blog.lucene.search.recipe.json", "Blog.Lucene.Search", 5)]
    [InlineData("comingsoon.recipe.json", "ComingSoon", 8)]
    [InlineData("headless.recipe.json", "Headless", 4)]
    [InlineData("saas.recipe.json", "SaaS", 4)]
    public void Every_real_Orchard_Core_recipe_parses(string file, string name, int steps)
    {
        var recipe = RecipeReader.ReadFile(PortalCommandRunner.Fixture(file));

        Assert.Equal(name, recipe.Name);
        Assert.Equal(steps, recipe.Steps.Count);
        Assert.Equal(Enumerable.Range(1, steps), recipe.Steps.Select(s => s.Position));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var recipe = RecipeReader.Read("""
            {
              // a comment
              "name": "x",
              "steps": [ { "name": "feature", "enable": [], }, ],
            }
            """, null);

        Assert.Equal("feature", Assert.Single(recipe.Steps).Name);
    }

    [Fact]
    public void Malformed_json_names_line_and_column()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read("{\n  \"name\": \"x\",\n  \"steps\": [ { \"name\": } ]\n}", null, "broken.recipe.json"));

        Assert.Contains("broken.recipe.json", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("column", error.Message);
    }

    [Fact]
    public void A_step_without_a_name_is_refused_with_its_position()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read("""{ "name": "x", "steps": [ { "name": "feature" }, { "enable": [] } ] }""", null));

        Assert.Contains("step 2", error.Message);
    }
}
