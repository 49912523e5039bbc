using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"content": imports content items (in "data" or "Data") as Orchard Core does: create or update, published or draft by each item's flags.
/// Items are checked like any write (ids, parts, fields, Markdown nesting); a refused item fails the step naming its position and field.</summary>
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
        var droppedParts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in items)
        {
            position++;
            if (node is not JsonObject json)
            {
                throw new RecipeException($"item {position} is not a JSON object.");
            }

            ContentItem? item = null;
            try
            {
                item = ContentJson.Read(json);
                var type = await definitions.GetTypeAsync(item.ContentType, cancellationToken);
                if (context.SkipUnsupported)
                {
                    if (type is null)
                    {
                        skipped.Add($"{item.ContentType} '{item.DisplayText}'");
                        continue;
                    }

                    DropUndefinedParts(item, type, droppedParts);
                }

                await content.ImportAsync(item, cancellationToken);
            }
            catch (ContentValidationException error)
            {
                var what = item is null ? "" : $" ({item.ContentType} '{item.DisplayText}', id '{item.ContentItemId}')";
                throw new RecipeException($"item {position}{what}{(error.Field is null ? "" : $", field '{error.Field}'")}: {error.Reason}", error);
            }
        }

        if (droppedParts.Count > 0)
        {
            context.Note($"left out parts that the items' content types do not define: {string.Join(", ", droppedParts.Order(StringComparer.Ordinal))}");
        }

        if (skipped.Count > 0)
        {
            context.Note($"skipped {skipped.Count} items of content types this site does not define: {string.Join(", ", skipped)}");
        }
    }

    /// <summary>Orchard Core attaches parts to items beyond their type (ContainedPart in a list, LayerMetadata on a widget);
    /// the portal stores only the parts a type defines, so with --skip-unsupported those are left out and reported.</summary>
    private static void DropUndefinedParts(ContentItem item, ContentTypeDefinition type, HashSet<string> dropped)
    {
        foreach (var name in item.Parts.Select(p => p.Key).Where(name => type.FindPart(name) is null).ToList())
        {
            item.Parts.Remove(name);
            dropped.Add($"{item.ContentType}.{name}");
        }
    }
}
