using System.Text.Json.Nodes;
using NetvaerkPortal.Recipes;

namespace NetvaerkPortal.Tests.Recipes;

public sealed class RecipeExpressionsTests
{
    private static RecipeExpressions Create(string variablesJson = "{}", string? folder = null) => new(
        JsonNode.Parse(variablesJson)!.AsObject(),
        new Dictionary<string, string> { ["AdminUserId"] = "u1", ["SiteName"] = "Nyborg" },
        key => key == "Known:Key" ? "configured" : null,
        folder);

    [Fact]
    public void A_variable_evaluates_once_and_keeps_its_value()
    {
        var expressions = Create("""{ "id": "[js:uuid()]" }""");

        var first = expressions.EvaluateString("[js: variables('id')]");
        var second = expressions.EvaluateString("[js:variables(\"id\")]");

        Assert.Equal(26, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(expressions.EvaluateString("[js:uuid()]"), expressions.EvaluateString("[js:uuid()]"));
    }

    [Theory]
    [InlineData("[js: parameters('AdminUserId')]", "u1")]
    [InlineData("[js: configuration('Known:Key', 'fallback')]", "configured")]
    [InlineData("[js: configuration('Missing:Key', 'fallback')]", "fallback")]
    [InlineData("[js: base64('SGVqIHZlcmRlbg==')]", "Hej verden")]
    [InlineData("[js: html('&lt;p&gt;K&#230;re&lt;/p&gt;')]", "<p>Kære</p>")]
    [InlineData("[js: 'Velkommen til ' + parameters('SiteName')]", "Velkommen til Nyborg")]
    public void Supported_functions_give_their_values(string expression, string expected) =>
        Assert.Equal(expected, Create().EvaluateString(expression));

    [Fact]
    public void An_unknown_function_is_refused_with_the_list_of_known_ones()
    {
        var error = Assert.Throws<RecipeException>(() => Create().EvaluateString("[js: eval('1+1')]"));

        Assert.Contains("Unknown function 'eval'", error.Message);
        Assert.Contains("uuid()", error.Message);
    }

    [Fact]
    public void An_undefined_variable_is_refused_by_name()
    {
        var error = Assert.Throws<RecipeException>(() => Create().EvaluateString("[js: variables('nothere')]"));

        Assert.Contains("'nothere'", error.Message);
        Assert.Contains("variables", error.Message);
    }

    [Fact]
    public void Script_code_is_not_run()
    {
        Assert.Throws<RecipeException>(() => Create().EvaluateString("[js: new Date().toISOString()]"));
        Assert.Throws<RecipeException>(() => Create().EvaluateString("[js: uuid(); while(true){}]"));
    }

    [Fact]
    public void File_text_reads_beside_the_recipe_and_refuses_paths_that_leave_its_folder()
    {
        var folder = Directory.CreateTempSubdirectory("recipe-files").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "snippet.html"), "<p>Hej</p>");
            var expressions = Create(folder: folder);

            Assert.Equal("<p>Hej</p>", expressions.EvaluateString("[file:text('snippet.html')]"));
            var error = Assert.Throws<RecipeException>(() => expressions.EvaluateString("[file:text('../../etc/passwd')]"));
            Assert.Contains("leaves the recipe's folder", error.Message);
            Assert.Throws<RecipeException>(() => expressions.EvaluateString("[file:text('/etc/passwd')]"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_replaces_expressions_anywhere_in_a_step_and_leaves_other_values()
    {
        var step = JsonNode.Parse("""{ "a": ["[js: parameters('SiteName')]", 3, true], "b": { "c": "plain [js: text" } }""");

        var result = Create().Evaluate(step)!.ToJsonString();

        Assert.Equal("""{"a":["Nyborg",3,true],"b":{"c":"plain [js: text"}}""", result);
    }
}
