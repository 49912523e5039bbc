using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Recipes;

/// <summary>
/// Property tests of the recipe reader, the expression parser and the validator: whatever the text (random strings,
/// mutated real recipes, JSON nested 10,000 deep, duplicate keys, every field of the wrong kind), the result is a
/// recipe or a <see cref="RecipeException"/> with a clear one-line message; no other exception, and no input takes
/// more than a second. A failure prints CsCheck's seed; replay it with the environment variable CsCheck_Seed.
/// </summary>
public sealed class RecipeFuzzTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AdminUserId"] = "4abc", ["AdminUsername"] = "admin", ["SiteName"] = "Fuzz",
    };

    private readonly TempAppData _folder = new();

    public RecipeFuzzTests()
    {
        // A recipe folder with one file in it, so [file:text()] has something real to find.
        File.WriteAllText(Path.Combine(_folder.Path, "notes.txt"), "noter");
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The shipped recipes and the real Orchard Core recipes, as text.</summary>
    private static readonly string[] RealRecipes = Directory.GetFiles(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes"), "*.json")
        .Concat(Directory.GetFiles(Path.Combine(PortalCommandRunner.RepositoryRoot, "tests", "NetvaerkPortal.Tests", "Fixtures", "orchardcore-recipes"), "*.json"))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    /// <summary>Characters JSON and expressions are made of, so random text gets past the first character.</summary>
    private static readonly Gen<char> JsonishChar = Gen.OneOf(
        Gen.Char["{}[]\":,\\ \n\t/*+().'"],
        Gen.Char["abcdefnlrstuvxjs0123456789-"],
        Gen.Char);

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Text(0, 12),
        Gen.OneOf("{", "}", "[", "]", "\"", ",", ":", "null", "true", "1e999", "-0", "\"\\ud800\"", "\"\\u0000\"", "//",
            "/*", "[js: variables('x')]", "[js:", "[file:text('../x')]", "\"name\"", "\"steps\"", "\"name\": \"name\",", "\uFEFF"));

    [Fact]
    public void Random_text_is_read_or_refused_with_a_clear_message()
    {
        Gen.OneOf(Gen.String, Text(0, 300))
            .Sample(text => { ReadsOrRefuses(text); }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Mutated_real_recipes_are_read_or_refused_with_a_clear_message()
    {
        Gen.Select(Gen.Int[0, RealRecipes.Length - 1], Mutation.Any.Array[1, 6])
            .Select((recipe, mutations) => mutations.Aggregate(RealRecipes[recipe], (text, mutate) => mutate.Apply(text)))
            .Sample(text => { ReadsOrRefuses(text); }, iter: 600, threads: 1, print: text => text.Length > 400 ? text[..400] + "…" : text);
    }

    [Fact]
    public void Random_expressions_evaluate_or_are_refused_with_a_clear_message()
    {
        var token = Gen.OneOf(
            Gen.OneOf("uuid()", "variables('a')", "variables('b')", "variables('loop')", "parameters('SiteName')", "parameters('x')",
                "configuration('k', 'd')", "base64('SGVq')", "base64('!!')", "html('&lt;p&gt;')", "text('notes.txt')", "text('../x')",
                "text('/etc/passwd')", "+", "(", ")", ",", "'", "\"", " ", "'tekst'", "\"tekst\"", "nope()", "variables()", "a.b("),
            Text(0, 6));
        Gen.Select(Gen.OneOf("[js:", "[file:", " [js: ", "[js:["), token.Array[0, 30])
            .Select((start, tokens) => start + string.Concat(tokens) + "]")
            .Sample(text => { EvaluatesOrRefuses(text); }, iter: 5000, threads: 1);
    }

    [Fact]
    public void Json_nested_10000_deep_is_refused_with_a_clear_message()
    {
        foreach (var (open, close) in new[] { ("[", "]"), ("{\"a\":", "}") })
        {
            var deep = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));
            var error = ReadsOrRefuses($$"""{ "name": "dyb", "steps": [ { "name": "settings", "Data": {{deep}} } ] }""");

            Assert.Contains("depth", error?.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Expressions_nested_10000_deep_or_10000_variables_long_are_refused_not_a_stack_overflow()
    {
        var calls = "[js: " + string.Concat(Enumerable.Repeat("html(", 10_000)) + "'x'" + string.Concat(Enumerable.Repeat(")", 10_000)) + "]";
        var sum = "[js: " + string.Join(" + ", Enumerable.Repeat("'x'", 100_000)) + "]";
        var chain = new JsonObject(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create("v" + i, (JsonNode?)$"[js: variables('v{i + 1}')]")));
        var doubling = new JsonObject(Enumerable.Range(0, 24).Select(i => KeyValuePair.Create("d" + i, (JsonNode?)$"[js: variables('d{i + 1}') + variables('d{i + 1}')]")));
        doubling["d24"] = "xxxxxxxx"; // 8 × 2^24 characters, if nothing stopped it

        Assert.Contains("nests calls", EvaluatesOrRefuses(calls)?.Message, StringComparison.Ordinal);
        Assert.Null(EvaluatesOrRefuses(sum));
        Assert.Contains("more than", EvaluatesOrRefuses("[js: variables('v0')]", chain)?.Message, StringComparison.Ordinal);
        Assert.Contains("longer than", EvaluatesOrRefuses("[js: variables('d0')]", doubling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_refused_with_a_clear_message()
    {
        var inRoot = ReadsOrRefuses("""{ "name": "a", "name": "b", "steps": [] }""");
        var inStep = ReadsOrRefuses("""{ "name": "a", "steps": [ { "name": "settings", "SiteName": "x", "SiteName": "y" } ] }""");

        Assert.Contains("name", inRoot?.Message, StringComparison.Ordinal);
        Assert.Contains("SiteName", inStep?.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Fields => new() { "name", "displayName", "description", "author", "website", "version", "issetuprecipe", "categories", "tags", "variables", "steps" };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_header_field_of_the_wrong_kind_is_refused_and_names_the_field(string field)
    {
        foreach (var kind in new[] { "5", "true", "[]", "{}", "\"x\"", "[1, {}]", "{ \"a\": [] }" })
        {
            var header = new Dictionary<string, string> { ["name"] = "\"x\"", ["steps"] = "[ { \"name\": \"feature\" } ]", [field] = kind };
            var error = ReadsOrRefuses("{ " + string.Join(", ", header.Select(pair => $"\"{pair.Key}\": {pair.Value}")) + " }");

            var right = field switch
            {
                "issetuprecipe" => kind is "true",
                "categories" or "tags" or "steps" => kind is "[]",
                "variables" => kind is "{}" or "{ \"a\": [] }",
                _ => kind is "\"x\"",
            };
            Assert.True(right == (error is null), $"{field}: {kind} -> {error?.Message ?? "read"}");
            Assert.Contains(right ? "" : field == "steps" && kind == "[1, {}]" ? "step 1" : field, error?.Message ?? "", StringComparison.Ordinal);
        }
    }

    private static readonly string[] StepNames = ["feature", "themes", "settings", "Roles", "ContentDefinition", "content", "media", "Templates", "recipes", "lucene-index", "lucene-index-rebuild"];

    private static readonly string[] StepFields = ["enable", "disable", "site", "admin", "Roles", "ContentTypes", "ContentParts", "data", "Files", "Templates", "Values", "Indices", "IncludeAll"];

    /// <summary>Values of every JSON kind, and shapes the steps read one level down, with wrong kinds inside.</summary>
    private static readonly string[] FieldValues =
    [
        "5", "true", "null", "\"x\"", "[]", "{}", "[1]", "[\"x\"]", "[null]", "[{}]", "[{ \"a\": 1 }]", "{ \"a\": 1 }", "{ \"a\": {} }", "{ \"Search\": { \"AnalyzerName\": 5 } }",
        "[{ \"Search\": { \"AnalyzerName\": null } }]", "[{ \"Search\": { \"IndexedContentTypes\": [null] } }]", "[{ \"Search\": 5 }]", "[{ \"TargetPath\": 5, \"Base64\": [] }]",
        "[{ \"TargetPath\": \"a.txt\", \"Base64\": \"!!\" }]", "{ \"x\": { \"Content\": 5 } }", "{ \"x\": 5 }", "[{ \"name\": 5 }]", "[{ \"Name\": [] }]", "[{ \"Name\": \"R\", \"Permissions\": {} }]",
        "[{ \"Name\": 5, \"ContentTypePartDefinitionRecords\": 5 }]", "[{ \"Name\": \"T\", \"Settings\": [], \"ContentTypePartDefinitionRecords\": [5, { \"PartName\": [] }] }]",
        "[{ \"ContentType\": 5 }]", "[{ \"ContentType\": \"Note\", \"ContentItemId\": [] }]", "[{ \"ContentType\": \"X\", \"Published\": \"yes\", \"CreatedUtc\": \"never\" }]",
    ];

    [Fact]
    public async Task Every_step_field_of_every_kind_is_read_evaluated_and_validated_or_refused()
    {
        await using var host = PortalTestHost.Create();
        using var scope = host.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<RecipeValidator>();

        Gen.Select(Gen.OneOf(StepNames), Gen.OneOf(StepFields), Gen.OneOf(FieldValues))
            .Sample((step, field, value) =>
            {
                var json = $$"""{ "name": "x", "steps": [ { "name": "{{step}}", "{{field}}": {{value}} } ] }""";
                ReadsOrRefuses(json, validator);
            }, iter: 2000, threads: 1);
    }

    [Fact]
    public async Task Every_step_field_of_every_kind_runs_or_is_refused_naming_the_step()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Fuzz");

        await Gen.Select(Gen.OneOf(StepNames), Gen.OneOf(StepFields), Gen.OneOf(FieldValues))
            .SampleAsync(async (step, field, value) =>
            {
                var recipe = RecipeReader.Read($$"""{ "name": "x", "steps": [ { "name": "{{step}}", "{{field}}": {{value}} } ] }""", _folder.Path);
                await using var scope = host.OpenScope(tenant);
                var watch = Stopwatch.StartNew();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, scope.ServiceProvider, Parameters, skipUnsupported: false);
                }
                catch (RecipeException error)
                {
                    AssertClear(error);
                    Assert.Contains($"step 1 '{step}'", error.Message, StringComparison.Ordinal);
                }

                Assert.True(watch.Elapsed < HangGuard * 5, $"{watch.Elapsed.TotalMilliseconds:N0} ms");
            }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Mutated_real_recipes_are_validated_or_refused_with_a_clear_message()
    {
        await using var host = PortalTestHost.Create();
        using var scope = host.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<RecipeValidator>();

        Gen.Select(Gen.Int[0, RealRecipes.Length - 1], Mutation.Any.Array[1, 4])
            .Select((recipe, mutations) => mutations.Aggregate(RealRecipes[recipe], (text, mutate) => mutate.Apply(text)))
            .Sample(text => { ReadsOrRefuses(text, validator); }, iter: 150, threads: 1, print: text => text.Length > 400 ? text[..400] + "…" : text);
    }

    /// <summary>Reads <paramref name="json"/> as a recipe and evaluates its variables and steps (and validates it, given a
    /// validator). Returns the refusal, or null when all of it worked; any other exception or a slow input fails.</summary>
    private RecipeException? ReadsOrRefuses(string json) => ReadsOrRefuses(json, validator: null);

    private RecipeException? ReadsOrRefuses(string json, RecipeValidator? validator) => Guarded(json, () =>
    {
        var recipe = RecipeReader.Read(json, _folder.Path, "fuzz.recipe.json");
        validator?.Validate(recipe);
        var expressions = new RecipeExpressions(recipe.Variables, Parameters, _ => null, recipe.FolderPath, _ => { });
        RecipeException? first = null;
        foreach (var node in recipe.Variables.Select(v => v.Value).Concat(recipe.Steps.Select(s => (JsonNode?)s.Data)))
        {
            try
            {
                expressions.Evaluate(node);
            }
            catch (RecipeException error)
            {
                AssertClear(error);
                first ??= error;
            }
        }

        if (first is not null)
        {
            throw first;
        }
    });

    private RecipeException? EvaluatesOrRefuses(string expression) => EvaluatesOrRefuses(expression, new JsonObject
    {
        ["a"] = "[js: 'x' + variables('b')]", ["b"] = "y", ["loop"] = "[js: variables('loop')]",
    });

    private RecipeException? EvaluatesOrRefuses(string expression, JsonObject variables) => Guarded(expression, () =>
    {
        var expressions = new RecipeExpressions(variables, Parameters, _ => null, _folder.Path);
        foreach (var problem in expressions.Problems(expression))
        {
            Assert.False(string.IsNullOrWhiteSpace(problem));
        }

        expressions.EvaluateString(expression);
    });

    /// <summary>Runs <paramref name="work"/>: a RecipeException is the clear refusal (returned), anything else fails the
    /// property, and so does taking longer than <see cref="HangGuard"/>.</summary>
    private static RecipeException? Guarded(string input, Action work)
    {
        var elapsed = TimeSpan.Zero;
        RecipeException? refused = null;
        var run = Task.Run(() =>
        {
            // Timed inside the task, so waiting for a thread on a busy machine does not count.
            var watch = Stopwatch.StartNew();
            try
            {
                work();
            }
            catch (RecipeException error)
            {
                refused = error;
            }
            finally
            {
                elapsed = watch.Elapsed;
            }
        });
        if (!run.Wait(HangGuard * 10))
        {
            Assert.Fail($"Still running after {HangGuard * 10}: {Shorten(input)}");
        }

        run.GetAwaiter().GetResult(); // any other exception fails here, with the input in CsCheck's report
        Assert.True(elapsed < HangGuard, $"{elapsed.TotalMilliseconds:N0} ms for: {Shorten(input)}");
        if (refused is not null)
        {
            AssertClear(refused);
        }

        return refused;
    }

    private static void AssertClear(RecipeException error)
    {
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "a refusal says why");
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.True(error.Message.Length < 1500, $"a message of {error.Message.Length} characters buries its point");
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    private static Gen<string> Text(int min, int max) => JsonishChar.Array[min, max].Select(chars => new string(chars));

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>One small change to a recipe's text: delete, insert, duplicate or replace a span, or cut the rest.</summary>
    private sealed record Mutation(int Kind, double Where, int Length, string Insert)
    {
        public static readonly Gen<Mutation> Any = Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 40], Fragment,
            (kind, where, length, insert) => new Mutation(kind, where, length, insert));

        public string Apply(string text)
        {
            var at = (int)(Where * text.Length);
            var span = Math.Min(Length, text.Length - at);
            return Kind switch
            {
                0 => text.Remove(at, span),
                1 => text.Insert(at, Insert),
                2 => text.Insert(at, text.Substring(at, span)),
                3 => new StringBuilder(text).Remove(at, span).Insert(at, Insert).ToString(),
                _ => text[..at],
            };
        }
    }
}
