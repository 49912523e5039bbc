using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"Templates": Liquid templates by name that override the theme's for this tenant, without a build.</summary>
public sealed class TemplatesStep : IRecipeStepHandler
{
    public const string DocumentName = "Templates";

    public IReadOnlyList<string> StepNames { get; } = ["Templates"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var templates = await documents.GetAsync<Dictionary<string, TemplateEntry>>(DocumentName, cancellationToken);
        foreach (var (name, value) in RecipeReader.Get(context.Data, "Templates") as JsonObject ?? [])
        {
            var content = value is JsonObject entry ? RecipeReader.Text(entry, "Content") : null;
            if (content is null)
            {
                throw new RecipeException($"template '{name}' has no \"Content\".");
            }

            templates[name] = new TemplateEntry { Content = content, Description = value is JsonObject e ? RecipeReader.Text(e, "Description") ?? "" : "" };
        }

        await documents.SetAsync(DocumentName, templates, cancellationToken);
    }

    public sealed class TemplateEntry
    {
        public string Content { get; set; } = "";

        public string Description { get; set; } = "";
    }
}
