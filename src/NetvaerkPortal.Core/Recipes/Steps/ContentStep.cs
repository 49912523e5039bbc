using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"content": imports content items (in "data" or "Data") as Orchard Core does: create or update, published or draft by each item's flags.</summary>
public sealed class ContentStep : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["content"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var content = context.Services.GetRequiredService<ContentManager>();
        var definitions = context.Services.GetRequiredService<ContentDefinitionManager>();
        var items = RecipeReader.Get(context.Data, "data") as JsonArray
            ?? throw new RecipeException("the step has no \"data\" array of content items.");
        var position = 0;
        var skipped = new List<string>();
        foreach (var node in items)
        {
            position++;
            if (node is not JsonObject json)
            {
                throw new RecipeException($"item {position} is not a JSON object.");
            }

            var item = ContentJson.Read(json);
            if (context.SkipUnsupported && await definitions.GetTypeAsync(item.ContentType, cancellationToken) is null)
            {
                skipped.Add($"{item.ContentType} '{item.DisplayText}'");
                continue;
            }

            try
            {
                await content.ImportAsync(item, cancellationToken);
            }
            catch (ContentValidationException error)
            {
                throw new RecipeException($"item {position} ({item.ContentType} '{item.DisplayText}', id '{item.ContentItemId}'){(error.Field is null ? "" : $", field '{error.Field}'")}: {error.Reason}", error);
            }
        }

        if (skipped.Count > 0)
        {
            context.Note($"skipped {skipped.Count} items of content types this site does not define: {string.Join(", ", skipped)}");
        }
    }
}
