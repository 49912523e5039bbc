using Lucene.Net.Store;
using Netvaerk.Search.Lucene.Indexes;

namespace NetvaerkPortal.Web.CommandLine;

internal static class SearchCommands
{
    /// <summary><c>search rebuild --tenant T [--index NAME]</c>: rebuilds the tenant's search indexes from its database.</summary>
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

        try
        {
            await indexer.CatchUpAsync(tenant);
        }
        catch (LockObtainFailedException)
        {
            // A running portal holds the index's writer; the mark committed above makes its indexer rebuild.
            await output.WriteLineAsync($"The portal is running and holds the index; it rebuilds {string.Join(", ", names)} of tenant '{tenant.Name}' within a few seconds.");
            return 0;
        }

        foreach (var name in names)
        {
            var index = registry.Find(tenant.Name, name);
            await output.WriteLineAsync($"Rebuilt search index '{name}' of tenant '{tenant.Name}': {index?.DocumentCount ?? 0} documents.");
        }

        return 0;
    }
}
