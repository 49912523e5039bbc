using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"settings": site settings (SiteName, Culture, TimeZone, and any section such as HomeRoute), merged into the tenant's settings.</summary>
public sealed class SettingsStep : IRecipeStepHandler
{
    public const string DocumentName = "SiteSettings";

    public IReadOnlyList<string> StepNames { get; } = ["settings"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>(DocumentName, cancellationToken);
        foreach (var (key, value) in context.Data)
        {
            if (!string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                settings[key] = value?.DeepClone();
            }
        }

        await documents.SetAsync(DocumentName, settings, cancellationToken);
    }
}
