using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Indexes;

namespace NetvaerkPortal.Web.CommandLine;

internal static class SearchCommands
{
    /// <summary>
    /// <c>search rebuild --tenant T [--index NAME]</c>: rebuilds the tenant's search indexes from its database.
    /// The rebuild is first marked in the database (PendingRebuild). A running portal holds the App_Data's
    /// index-writer lock: then this command leaves the rebuild to it and touches no index file; only when no
    /// process holds the lock does it take it and rebuild itself.
    /// </summary>
    public static async Task<int> RebuildAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", "--tenant Default"));
        var indexer = services.GetRequiredService<SearchIndexer>();
        var registry = services.GetRequiredService<LuceneIndexRegistry>();
        IReadOnlyList<string> names;
        try
        {
            names = await indexer.MarkForRebuildAsync(tenant, arguments.Option("index"));
        }
        catch (ArgumentException error)
        {
            throw new CommandException(error.Message);
        }

        if (!registry.HoldWriterLock())
        {
            await output.WriteLineAsync(HandedOff(registry, tenant.Name, names));
            return 0;
        }

        try
        {
            await indexer.CatchUpAsync(tenant);
        }
        catch (LockObtainFailedException)
        {
            // A process that does not take the App_Data lock (an older portal) holds an index's writer.
            await output.WriteLineAsync(HandedOff(registry, tenant.Name, names));
            return 0;
        }
        catch (Exception error) when (error is InvalidOperationException or AggregateException)
        {
            throw new CommandException($"The rebuild failed: {error.Message} It is marked in the database and is tried again by the portal's indexer.");
        }

        foreach (var name in names)
        {
            if (registry.Refusal(tenant.Name, name) is { } refusal)
            {
                throw new CommandException(refusal);
            }

            var index = registry.Find(tenant.Name, name);
            var skipped = await indexer.SkippedAsync(tenant, name);
            await output.WriteLineAsync($"Rebuilt search index '{name}' of tenant '{tenant.Name}': {index?.DocumentCount ?? 0} documents."
                + (skipped.Count == 0 ? "" : $" {skipped.Count} items could not be indexed and were skipped; /admin/search lists them."));
        }

        return 0;
    }

    private static string HandedOff(LuceneIndexRegistry registry, string tenant, IReadOnlyList<string> names) =>
        $"The portal is running ({registry.WriterLockHolder()} holds the search indexes); the rebuild of {string.Join(", ", names)} "
        + $"of tenant '{tenant}' is marked in the database and the portal does it within a few seconds. No index file was touched.";
}
