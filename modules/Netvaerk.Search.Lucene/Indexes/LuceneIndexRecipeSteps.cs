using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>"lucene-index": defines indexes (name → AnalyzerName, IndexLatest, IndexedContentTypes, Culture). An index
/// name becomes its folder (Lucene/{name}), so it must be a <see cref="SafePaths.IsSafeName"/>.</summary>
public sealed class LuceneIndexStep : IRecipeStepHandler, IRecipeStepCheck
{
    public IReadOnlyList<string> StepNames { get; } = ["lucene-index"];

    public static string NameRule =>
        "Index names become folder names: use 1–64 letters, digits, '-' or '_', starting with a letter or digit, e.g. \"Search\".";

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated)
    {
        if (RecipeReader.NotAnArray(data, "Indices", "an array of { \"IndexName\": { settings } } objects") is { } wrong)
        {
            yield return wrong;
            yield break;
        }

        foreach (var (position, indexes) in RecipeReader.Entries(data, "Indices"))
        {
            if (indexes is null)
            {
                yield return $"entry {position} in 'Indices' is not an object of indexes by name.";
                continue;
            }

            foreach (var (name, value) in indexes)
            {
                if (!SafePaths.IsSafeName(name))
                {
                    yield return $"the index name '{SafePaths.Show(name)}' is not allowed. {NameRule}";
                }
                else if (value is not JsonObject)
                {
                    yield return $"index '{name}' has no settings object.";
                }
                else if ((evaluated || !RecipeExpressions.Contains(value)) && Read(name, value, out _) is { } problem)
                {
                    yield return problem;
                }
            }
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        foreach (var entry in (RecipeReader.Get(context.Data, "Indices") as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var (name, value) in entry)
            {
                // The run checked names already (IRecipeStepCheck); checked here too so the step is safe on its own.
                if (!SafePaths.IsSafeName(name))
                {
                    throw new RecipeException($"the index name '{SafePaths.Show(name)}' is not allowed. {NameRule}");
                }

                if (Read(name, value, out var settings) is { } problem)
                {
                    throw new RecipeException(problem);
                }

                indexes.Indexes[name] = settings!;
                indexes.PendingRebuild.Add(name);
            }
        }

        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        context.Services.GetService<SearchConfigurations>()?.Forget(context.Services.GetRequiredService<TenantContext>().Name);
    }

    /// <summary>Reads one index's settings; returns what is wrong with them, or null.</summary>
    private static string? Read(string name, JsonNode? value, out LuceneIndexSettings? settings)
    {
        settings = null;
        try
        {
            settings = value?.Deserialize<LuceneIndexSettings>(SiteDocuments.JsonOptions);
        }
        catch (JsonException error)
        {
            return $"index '{name}': a setting has the wrong kind of value{(error.Path is null ? "" : $" at {error.Path}")}: AnalyzerName and Culture are text, IndexLatest is true or false, IndexedContentTypes is a list of type names.";
        }

        if (settings is null)
        {
            return $"index '{name}' has no settings.";
        }

        if (settings.AnalyzerName is null || !LuceneIndexesDocument.AnalyzerNames.Contains(settings.AnalyzerName.ToLowerInvariant()))
        {
            return $"index '{name}': unknown AnalyzerName '{SafePaths.Show(settings.AnalyzerName)}'. Use one of: {string.Join(", ", LuceneIndexesDocument.AnalyzerNames)}.";
        }

        return settings.Culture is null || settings.IndexedContentTypes is null || settings.IndexedContentTypes.Any(t => t is null)
            ? $"index '{name}': Culture and IndexedContentTypes must not be null."
            : null;
    }
}

/// <summary>"lucene-index-rebuild" and "lucene-index-reset": marks indexes to be rebuilt from the database (the database is the truth).</summary>
public sealed class LuceneIndexRebuildStep : IRecipeStepHandler, IRecipeStepCheck
{
    public IReadOnlyList<string> StepNames { get; } = ["lucene-index-rebuild", "lucene-index-reset"];

    public IEnumerable<string> Check(JsonObject data, Recipe recipe, bool evaluated) =>
        RecipeReader.Strings(data, "Indices")
            .Where(name => !RecipeExpressions.Pending(name, evaluated) && !SafePaths.IsSafeName(name))
            .Select(name => $"the index name '{SafePaths.Show(name)}' is not allowed. {LuceneIndexStep.NameRule}");

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var names = RecipeReader.Strings(context.Data, "Indices");
        if (RecipeReader.Get(context.Data, "IncludeAll") is JsonValue all && all.TryGetValue<bool>(out var includeAll) && includeAll)
        {
            names = [.. indexes.Indexes.Keys];
        }

        foreach (var name in names)
        {
            if (!indexes.Indexes.ContainsKey(name))
            {
                throw new RecipeException($"the index '{name}' is not defined. Define it in a 'lucene-index' step before this step.");
            }

            indexes.PendingRebuild.Add(name);
        }

        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        context.Services.GetService<SearchConfigurations>()?.Forget(context.Services.GetRequiredService<TenantContext>().Name);
    }
}
