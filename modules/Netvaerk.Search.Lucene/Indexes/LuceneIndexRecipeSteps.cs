using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>"lucene-index": defines indexes (name → AnalyzerName, IndexLatest, IndexedContentTypes, Culture).</summary>
public sealed class LuceneIndexStep : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["lucene-index"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        foreach (var entry in (RecipeReader.Get(context.Data, "Indices") as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var (name, value) in entry)
            {
                var settings = value?.Deserialize<LuceneIndexSettings>(SiteDocuments.JsonOptions)
                    ?? throw new RecipeException($"index '{name}' has no settings.");
                if (!LuceneIndexesDocument.AnalyzerNames.Contains(settings.AnalyzerName.ToLowerInvariant()))
                {
                    throw new RecipeException($"index '{name}': unknown AnalyzerName '{settings.AnalyzerName}'. Use one of: {string.Join(", ", LuceneIndexesDocument.AnalyzerNames)}.");
                }

                indexes.Indexes[name] = settings;
                indexes.PendingRebuild.Add(name);
            }
        }

        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        context.Services.GetService<SearchConfigurations>()?.Forget(context.Services.GetRequiredService<TenantContext>().Name);
    }
}

/// <summary>"lucene-index-rebuild" and "lucene-index-reset": marks indexes to be rebuilt from the database (the database is the truth).</summary>
public sealed class LuceneIndexRebuildStep : IRecipeStepHandler
{
    public IReadOnlyList<string> StepNames { get; } = ["lucene-index-rebuild", "lucene-index-reset"];

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
