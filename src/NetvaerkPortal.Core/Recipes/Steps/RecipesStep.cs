using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"recipes": runs other recipes by name, inside the same unit of work.</summary>
public sealed class RecipesStep(RecipeCatalog catalog) : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["recipes"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var executor = context.Services.GetRequiredService<RecipeExecutor>();
        foreach (var value in (RecipeReader.Get(context.Data, "Values") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = RecipeReader.Text(value, "name") ?? throw new RecipeException("an entry in 'Values' has no 'name'.");
            await executor.RunStepsAsync(catalog.Load(name), context.Run, cancellationToken);
        }
    }
}
