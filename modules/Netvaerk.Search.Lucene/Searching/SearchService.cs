using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Searching;

/// <summary>Searches the current tenant's search index as the current reader: every query is filtered by
/// the reader's visibility terms, so what they may not read is neither a hit, a count, a facet nor a snippet.</summary>
/// <remarks>When the index cannot answer (being built, damaged, held by another process) it throws
/// <see cref="SearchUnavailableException"/>: the page and the API say so, where a 500 or an empty answer would mislead.</remarks>
public sealed class SearchService(TenantContext tenant, SiteDocuments documents, IReaderContext readers,
    SearchConfigurations configurations, LuceneIndexRegistry registry, IndexingSignal signal, ILogger<SearchService> logger)
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
            // Another process (a command-line rebuild) writes the index; the page stays up until it lets go.
            throw new SearchUnavailableException("another process is rebuilding the index");
        }
        catch (IndexFolderRefusedException)
        {
            // Logged by the registry for the administrators; a reader learns no more than that search is down.
            throw new SearchUnavailableException("the index cannot be opened");
        }

        if (index.RebuildReason is not null)
        {
            signal.Pulse(tenant.Name);
            if (!index.HasCommit)
            {
                throw new SearchUnavailableException("the index is being built");
            }
        }

        var terms = Visibility.ReaderTerms(await readers.GetReaderAsync(cancellationToken));
        var queryAnalyzer = configuration.QueryAnalyzer(settings.AnalyzerName);
        var pathBase = tenant.PathBase;
        try
        {
            return index.Search(searcher =>
            {
                var results = IndexQuery.Run(searcher, queryAnalyzer, index.IndexAnalyzer, request, terms, (id, path) => Url(pathBase, id, path));
                var names = networkNames ? IndexQuery.Titles(searcher, results.Facets.Network.Keys, terms) : new Dictionary<string, string>();
                return (results, names);
            });
        }
        catch (Exception error) when (error is not (OperationCanceledException or OutOfMemoryException))
        {
            // Whatever reading the index throws is taken for damage: a damaged segment shows as anything from an
            // IndexOutOfRangeException to nonsense lengths. The index is rebuilt from the database in the background.
            var rebuilds = index.ReportReadFailure(error);
            logger.LogError(error, "A search of tenant {Tenant} failed reading its index {Index}; {Action}", tenant.Name, name,
                rebuilds ? "the index is rebuilt from the database" : "a rebuild for this was started lately, none is started again yet");
            signal.Pulse(tenant.Name);
            throw new SearchUnavailableException("reading the index failed", error);
        }
    }

    /// <summary>The item's page: its AutoroutePart path when that is a slug, else its id under /content
    /// (an old stored path such as "\\evil.example/x" never becomes an off-site link).</summary>
    public static string Url(string pathBase, string contentItemId, string? path) => ContentUrls.Of(pathBase, contentItemId, path);
}
