using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>Searches the current tenant's search index as the current reader: every query is filtered by
/// the reader's visibility terms, so what they may not read is neither a hit, a count, a facet nor a snippet.</summary>
public sealed class SearchService(TenantContext tenant, SiteDocuments documents, IReaderContext readers,
    SearchConfigurations configurations, LuceneIndexRegistry registry, IndexingSignal signal)
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        (await SearchWithNamesAsync(request, networkNames: false, cancellationToken)).Results;

    /// <summary>The results, and the names of the networks in their facets that the reader may read (for the page).</summary>
    public async Task<(SearchResults Results, IReadOnlyDictionary<string, string> NetworkNames)> SearchWithNamesAsync(
        SearchRequest request, bool networkNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configuration = await configurations.GetAsync(tenant.Name, documents, cancellationToken);
        var (name, settings) = configuration.Indexes.SearchIndex();
        LuceneIndex index;
        try
        {
            index = registry.Get(tenant.Name, name, settings);
        }
        catch (LockObtainFailedException)
        {
            // Another process (a command-line rebuild) has the index; the page stays up, empty, until it lets go.
            return (SearchResults.Empty, new Dictionary<string, string>());
        }

        if (index.RebuildReason is not null)
        {
            signal.Pulse(tenant.Name);
        }

        var terms = Visibility.ReaderTerms(await readers.GetReaderAsync(cancellationToken));
        var queryAnalyzer = configuration.QueryAnalyzer(settings.AnalyzerName);
        var pathBase = tenant.PathBase;
        return index.Search(searcher =>
        {
            var results = IndexQuery.Run(searcher, queryAnalyzer, index.IndexAnalyzer, request, terms, (id, path) => Url(pathBase, id, path));
            var names = networkNames ? IndexQuery.Titles(searcher, results.Facets.Network.Keys, terms) : new Dictionary<string, string>();
            return (results, names);
        });
    }

    /// <summary>The item's page: its AutoroutePart path, else its id under /content.</summary>
    public static string Url(string pathBase, string contentItemId, string? path) =>
        string.IsNullOrEmpty(path)
            ? $"{pathBase}/content/{Uri.EscapeDataString(contentItemId)}"
            : $"{pathBase}/{string.Join('/', path.Trim('/').Split('/').Select(Uri.EscapeDataString))}";
}
