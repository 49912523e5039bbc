using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Netvaerk.Search.Lucene.Analysis;
using NetvaerkPortal.Data;
using NetvaerkPortal.Recipes.Steps;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>What a tenant's searches need from its documents (its indexes, its own synonyms), cached so
/// that a search does not read the database for it.</summary>
/// <remarks>Changes made on this node (recipe steps, the admin page) forget the entry at once; changes
/// made on another node are seen within <see cref="MaxAge"/>.</remarks>
public sealed class SearchConfigurations(ILogger<SearchConfigurations> logger)
{
    /// <summary>The section of the site settings ("settings" recipe step) with the search's own settings.</summary>
    public const string SettingsSection = "SearchSettings";

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SearchConfiguration> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Analyzer, string Synonyms), Analyzer> _queryAnalyzers = new();

    public async Task<SearchConfiguration> GetAsync(string tenant, SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (_tenants.TryGetValue(tenant, out var cached) && DateTime.UtcNow - cached.LoadedUtc < MaxAge)
        {
            return cached;
        }

        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var synonyms = await ReadSynonymsAsync(documents, cancellationToken);
        var configuration = new SearchConfiguration(this, tenant, indexes, synonyms, DateTime.UtcNow);
        _tenants[tenant] = configuration;
        return configuration;
    }

    public void Forget(string tenant) => _tenants.TryRemove(tenant, out _);

    /// <summary>The tenant's own synonym lines (Solr format, one group a line) from its site settings.</summary>
    public static async Task<string> ReadSynonymsAsync(SiteDocuments documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var site = await documents.GetAsync<Dictionary<string, JsonNode?>>(SettingsStep.DocumentName, cancellationToken);
        var section = site.FirstOrDefault(pair => string.Equals(pair.Key, SettingsSection, StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        return section?["Synonyms"] switch
        {
            JsonArray lines => string.Join('\n', lines.Select(line => line?.ToString()).OfType<string>()),
            JsonValue text => text.ToString(),
            _ => "",
        };
    }

    /// <summary>Stages new synonym lines in the site settings, after checking them; the caller saves.</summary>
    /// <exception cref="ArgumentException">A line cannot be read; the message names it.</exception>
    public static async Task SetSynonymsAsync(SiteDocuments documents, string synonyms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using (DanishSynonyms.CreateQueryAnalyzer(synonyms))
        {
            // Building the analyzer is the check.
        }

        var site = await documents.GetAsync<Dictionary<string, JsonNode?>>(SettingsStep.DocumentName, cancellationToken);
        var lines = synonyms.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        site[SettingsSection] = new JsonObject { ["Synonyms"] = new JsonArray(lines.Select(line => (JsonNode)line).ToArray()) };
        await documents.SetAsync(SettingsStep.DocumentName, site, cancellationToken);
    }

    internal Analyzer QueryAnalyzer(string tenant, string analyzerName, string synonyms)
    {
        var key = (analyzerName.ToLowerInvariant(), analyzerName.Equals(AnalyzerNames.Danish, StringComparison.OrdinalIgnoreCase) ? synonyms : "");
        if (_queryAnalyzers.TryGetValue(key, out var analyzer))
        {
            return analyzer;
        }

        try
        {
            analyzer = AnalyzerNames.CreateQueryAnalyzer(analyzerName, synonyms);
        }
        catch (ArgumentException error)
        {
            // Lines written past the admin page's check (a settings recipe step): search on with the shipped thesaurus.
            logger.LogWarning("Tenant {Tenant}'s search synonyms are ignored: {Error}", tenant, error.Message);
            analyzer = AnalyzerNames.CreateQueryAnalyzer(analyzerName);
        }

        return _queryAnalyzers.GetOrAdd(key, analyzer);
    }
}

/// <summary>One tenant's search settings as loaded at <see cref="LoadedUtc"/>.</summary>
public sealed class SearchConfiguration
{
    private readonly SearchConfigurations _owner;

    internal SearchConfiguration(SearchConfigurations owner, string tenant, LuceneIndexesDocument indexes, string synonyms, DateTime loadedUtc)
    {
        _owner = owner;
        Tenant = tenant;
        Indexes = indexes;
        Synonyms = synonyms;
        LoadedUtc = loadedUtc;
    }

    public string Tenant { get; }

    public LuceneIndexesDocument Indexes { get; }

    public string Synonyms { get; }

    public DateTime LoadedUtc { get; }

    /// <summary>The query analyzer for an index analysed with <paramref name="analyzerName"/>, with the tenant's synonyms.</summary>
    public Analyzer QueryAnalyzer(string analyzerName) => _owner.QueryAnalyzer(Tenant, analyzerName, Synonyms);
}
