using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Files;
using NetvaerkPortal.Media;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"settings": site settings (SiteName, Culture, TimeZone, the <c>Branding</c> section, and any section such
/// as HomeRoute), merged into the tenant's settings. SiteName and Branding follow <see cref="SiteSettingsRules"/>;
/// Branding's keys are merged one by one, so a recipe may change only the colours.</summary>
public sealed class SettingsStep : IRecipeStepCheck, IRecipeStepHandler
{
    public const string DocumentName = "SiteSettings";

    public IReadOnlyList<string> StepNames { get; } = ["settings"];

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated) =>
        SiteSettingsRules.Check(data, evaluated).Select(problem => problem.Message);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>(DocumentName, cancellationToken);
        foreach (var (key, value) in context.Data)
        {
            if (string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(key, "SiteName", StringComparison.OrdinalIgnoreCase))
            {
                settings["SiteName"] = value!.GetValue<string>().Trim();
            }
            else if (string.Equals(key, SiteBranding.Section, StringComparison.OrdinalIgnoreCase))
            {
                settings[SiteBranding.Section] = Merge(settings.GetValueOrDefault(SiteBranding.Section) as JsonObject, (JsonObject)value!, context.Services.GetRequiredService<MediaLocations>().For(context.Tenant));
            }
            else
            {
                settings[key] = value?.DeepClone();
            }
        }

        await documents.SetAsync(DocumentName, settings, cancellationToken);
    }

    /// <summary>The stored Branding with the recipe's keys (spelled as the document spells them) put over it.</summary>
    private static JsonObject Merge(JsonObject? stored, JsonObject given, MediaFolder media)
    {
        var merged = new JsonObject();
        foreach (var (key, value) in stored ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        foreach (var (key, value) in given)
        {
            var name = SiteSettingsRules.BrandingKeys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            var text = value!.GetValue<string>();
            if (name == nameof(SiteBranding.LogoPath) && text.Length > 0)
            {
                CheckLogo(media, text);
            }

            merged[name] = name is nameof(SiteBranding.PrimaryColor) or nameof(SiteBranding.AccentColor) ? text.ToLowerInvariant() : text;
        }

        return merged;
    }

    /// <summary>The logo must be in the tenant's media when the step runs (a media step before this one puts it there),
    /// and an SVG must be a plain picture.</summary>
    private static void CheckLogo(MediaFolder media, string logoPath)
    {
        var file = MediaFiles.Resolve(media, logoPath);
        if (file is null || !File.Exists(file))
        {
            throw new RecipeException($"Branding.LogoPath '{SafePaths.Show(logoPath)}' names no file in the tenant's media folder. Put the logo there with a 'media' step before this step (TargetPath '{SafePaths.Show(logoPath[MediaFiles.UrlPrefix.Length..])}').");
        }

        if (LogoFiles.Check(File.ReadAllBytes(file)) is { } problem)
        {
            throw new RecipeException($"Branding.LogoPath '{SafePaths.Show(logoPath)}': {problem.Message}");
        }
    }
}
