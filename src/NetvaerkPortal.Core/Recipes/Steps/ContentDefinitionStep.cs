using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"ContentDefinition": content types and parts, in Orchard Core's older flat or newer nested settings shape.</summary>
public sealed class ContentDefinitionStep : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["ContentDefinition"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var definitions = context.Services.GetRequiredService<ContentDefinitionManager>();
        foreach (var part in (RecipeReader.Get(context.Data, "ContentParts") as JsonArray ?? []).OfType<JsonObject>())
        {
            await definitions.StorePartAsync(ContentDefinitionJson.ReadPart(part), cancellationToken);
        }

        foreach (var type in (RecipeReader.Get(context.Data, "ContentTypes") as JsonArray ?? []).OfType<JsonObject>())
        {
            await definitions.StoreTypeAsync(ContentDefinitionJson.ReadType(type), cancellationToken);
        }
    }
}
