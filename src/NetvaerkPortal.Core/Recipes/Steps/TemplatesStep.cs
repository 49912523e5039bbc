using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"Templates": Liquid templates by name that override the theme's for this tenant, without a build.
/// A name is also a file name in the theme (<c>{name}.liquid</c>), so it must be a <see cref="SafePaths.IsSafeFileName"/>.</summary>
public sealed class TemplatesStep : IRecipeStepHandler, IRecipeStepCheck
{
    public const string DocumentName = "Templates";

    public IReadOnlyList<string> StepNames { get; } = ["Templates"];

    public static bool IsTemplateName(string name) => SafePaths.IsSafeFileName(name);

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated)
    {
        if (RecipeReader.Get(data, "Templates") is { } templates and not JsonObject)
        {
            yield return $"'Templates' must be an object of templates by name, not {RecipeReader.Kind(templates)}.";
            yield break;
        }

        foreach (var (name, value) in RecipeReader.Get(data, "Templates") as JsonObject ?? [])
        {
            if (!IsTemplateName(name))
            {
                yield return $"the template name '{SafePaths.Show(name)}' is not allowed: use 1–80 letters, digits, '_', '-' and '.', starting with a letter, digit or '_', e.g. 'Content__Case' or 'Content-Case.Summary'.";
            }
            else if (value is not JsonObject entry || RecipeReader.Text(entry, "Content") is null)
            {
                yield return $"template '{name}' has no \"Content\" text.";
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var templates = await documents.GetAsync<Dictionary<string, TemplateEntry>>(DocumentName, cancellationToken);
        foreach (var (name, value) in RecipeReader.Get(context.Data, "Templates") as JsonObject ?? [])
        {
            var content = value is JsonObject entry ? RecipeReader.Text(entry, "Content") : null;
            if (!IsTemplateName(name) || content is null)
            {
                // The run checked this already (IRecipeStepCheck); kept so the step is safe on its own.
                throw new RecipeException($"template '{SafePaths.Show(name)}' has a name that is not allowed or no \"Content\" text.");
            }

            // One entry per name in any spelling: the pages look names up ignoring case.
            foreach (var other in templates.Keys.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                templates.Remove(other);
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
