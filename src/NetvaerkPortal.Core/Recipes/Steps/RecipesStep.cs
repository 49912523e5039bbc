using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"recipes": runs other recipes, inside the same unit of work. A nested recipe is a shipped recipe's
/// name, never a path: a recipe must not make the server read files it chooses.</summary>
public sealed class RecipesStep(RecipeCatalog catalog) : IRecipeStepHandler, IRecipeStepCheck
{
    public IReadOnlyList<string> StepNames { get; } = ["recipes"];

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated)
    {
        if (RecipeReader.NotAnArray(data, "Values", "an array of recipes like { \"name\": \"nyborg-kommune\" }") is { } wrong)
        {
            yield return wrong;
            yield break;
        }

        foreach (var (position, entry) in RecipeReader.Entries(data, "Values"))
        {
            var name = entry is null ? null : RecipeReader.Text(entry, "name");
            if (name is null)
            {
                yield return $"entry {position} in 'Values' has no \"name\".";
            }
            else if (!RecipeExpressions.Pending(name, evaluated) && Problem(name) is { } problem)
            {
                yield return $"entry {position} in 'Values': {problem}";
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var executor = context.Services.GetRequiredService<RecipeExecutor>();
        foreach (var value in (RecipeReader.Get(context.Data, "Values") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = RecipeReader.Text(value, "name") ?? throw new RecipeException("an entry in 'Values' has no 'name'.");
            var nested = catalog.Named(name) ?? throw new RecipeException(Problem(name)!);
            await executor.RunStepsAsync(nested, context.Run, cancellationToken);
        }
    }

    private string? Problem(string name) =>
        RecipeCatalog.LooksLikePath(name)
            ? $"'{SafePaths.Show(name)}' is a path; a nested recipe is the name of a recipe the portal ships (e.g. \"nyborg-kommune\"), never a path. Known recipes: {string.Join(", ", catalog.List().Select(r => r.Name))}."
            : catalog.Named(name) is null ? catalog.NotFound(name, "a nested recipe must be one of them").Message : null;
}
