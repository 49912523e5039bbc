using System.Text.Json.Nodes;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Recipes.Steps;

namespace NetvaerkPortal.Recipes;

/// <summary>What a check found: errors always fail; unsupported things fail unless they may be skipped.</summary>
public sealed record RecipeValidation(IReadOnlyList<string> Errors, IReadOnlyList<string> Unsupported)
{
    public bool IsValid(bool skipUnsupported) => Errors.Count == 0 && (skipUnsupported || Unsupported.Count == 0);
}

/// <summary>Checks a recipe without running it or changing anything: steps and features this portal
/// supports, expressions with known functions and defined variables, files inside the recipe's folder, and
/// what each step checks itself (<see cref="IRecipeStepCheck"/>: names that become paths, among others).</summary>
public sealed class RecipeValidator(RecipeExecutor executor, ModuleCatalog modules)
{
    public RecipeValidation Validate(Recipe recipe)
    {
        var errors = new List<string>();
        var unsupported = executor.UnsupportedSteps(recipe).Select(s => $"step '{s.Name}' (step {s.Position})").ToList();
        var expressions = new RecipeExpressions(recipe.Variables, new Dictionary<string, string>(), _ => null, recipe.FolderPath);
        foreach (var (name, value) in recipe.Variables)
        {
            CheckExpressions(value, expressions, problem => errors.Add($"variable '{name}': {problem}"));
        }

        errors.AddRange(executor.Check(recipe));
        foreach (var step in recipe.Steps)
        {
            CheckExpressions(step.Data, expressions, problem => errors.Add($"{step.Label}: {problem}"));
            if (step.Name.Equals("feature", StringComparison.OrdinalIgnoreCase))
            {
                var unknown = FeatureStep.UnknownFeatures(RecipeReader.Strings(step.Data, "enable").Concat(RecipeReader.Strings(step.Data, "disable")), modules);
                if (unknown.Count > 0)
                {
                    unsupported.Add($"features in {step.Label}: {string.Join(", ", unknown)}");
                }
            }
            else if (step.Name.Equals("media", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var source in (RecipeReader.Get(step.Data, "Files") as JsonArray ?? []).OfType<JsonObject>().Select(f => RecipeReader.Text(f, "SourcePath")).OfType<string>().Where(s => !RecipeExpressions.IsExpression(s)))
                {
                    try
                    {
                        RecipeFiles.Resolve(recipe.FolderPath, source);
                    }
                    catch (RecipeException error)
                    {
                        unsupported.Add($"media file in {step.Label}: {error.Message}");
                    }
                }
            }
        }

        return new RecipeValidation(errors, unsupported);
    }

    private static void CheckExpressions(JsonNode? node, RecipeExpressions expressions, Action<string> report)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    CheckExpressions(value, expressions, report);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    CheckExpressions(value, expressions, report);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && RecipeExpressions.IsExpression(text):
                foreach (var problem in expressions.Problems(text))
                {
                    report(problem);
                }

                break;
        }
    }
}
