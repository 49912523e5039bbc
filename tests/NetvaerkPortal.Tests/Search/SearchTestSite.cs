using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>A portal without a web server whose readers the test chooses per search, with the four
/// content types the default search index holds.</summary>
public sealed class SearchTestSite : IAsyncDisposable
{
    // Content item ids have Orchard's shape: 26 lowercase letters and digits.
    public static readonly string NetworkA = "netvaerkaaaaaaaaaaaaaaaaaa";
    public static readonly string NetworkB = "netvaerkbbbbbbbbbbbbbbbbbb";

    public static readonly Reader Anonymous = Reader.Anonymous;
    public static readonly Reader MemberOfA = new("member-a", false, new HashSet<string> { NetworkA });
    public static readonly Reader MemberOfB = new("member-b", false, new HashSet<string> { NetworkB });
    public static readonly Reader SignedInWithoutNetworks = new("member-none", false, new HashSet<string>());
    public static readonly Reader Editor = new("editor", true, new HashSet<string>());

    private SearchTestSite(PortalTestHost host) => Host = host;

    public PortalTestHost Host { get; }

    public static SearchTestSite Create(string? databaseProvider = null) => new(PortalTestHost.Create(
        services =>
        {
            services.AddSearchTestContentTypes();
            services.AddScoped<IReaderContext, ChosenReaderContext>();
        },
        databaseProvider));

    /// <summary>A tenant with the two networks the items belong to (items may only name existing networks);
    /// their titles share no word with what the tests search for.</summary>
    public async Task<TenantSettings> CreateTenantAsync(string name, bool withNetworks = false)
    {
        var tenant = await Host.CreateTenantAsync(name);
        foreach (var (id, title) in withNetworks ? new[] { (NetworkA, "Gruppe Alfa"), (NetworkB, "Gruppe Beta") } : [])
        {
            var network = Item("Network", title, "", Visibility.Network);
            network.ContentItemId = id;
            await PublishAsync(tenant, network);
        }

        return tenant;
    }

    public async Task<ContentItem> PublishAsync(TenantSettings tenant, ContentItem item)
    {
        await using var scope = Host.OpenScope(tenant);
        await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(item);
        return item;
    }

    public async Task WriteAsync(TenantSettings tenant, Func<ContentManager, Task> write)
    {
        await using var scope = Host.OpenScope(tenant);
        await write(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    /// <summary>Applies every write so far to the tenant's indexes, as the indexer does after a write.</summary>
    public Task CatchUpAsync(TenantSettings tenant) => Host.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(tenant);

    public async Task<SearchResults> SearchAsync(TenantSettings tenant, Reader reader, string query, int pageSize = 10,
        string? type = null, string? network = null, string? tag = null, string? page = null, string? sort = null)
    {
        await using var scope = Host.OpenScope(tenant);
        ((ChosenReaderContext)scope.ServiceProvider.GetRequiredService<IReaderContext>()).Reader = reader;
        var request = SearchRequest.FromQueryString(query, type, network, tag, page, pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), sort);
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(request);
    }

    public async Task<IReadOnlyList<string>> HitIdsAsync(TenantSettings tenant, Reader reader, string query) =>
        (await SearchAsync(tenant, reader, query, pageSize: 50)).Hits.Select(hit => hit.ContentItemId).ToList();

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>An item of <paramref name="type"/> with title, body, visibility, network and tags.</summary>
    public static ContentItem Item(string type, string title, string body, string visibility = Visibility.Public,
        string? network = null, string[]? tags = null, string? path = null) =>
        TestItems.Create(type, title, body, visibility, network, tags, path);

    /// <summary>The reader the test sets on the scope before it searches.</summary>
    private sealed class ChosenReaderContext : IReaderContext
    {
        public Reader Reader { get; set; } = Reader.Anonymous;

        public Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default) => Task.FromResult(Reader);
    }
}

public static class SearchTestContent
{
    public static readonly IReadOnlyList<string> Types = ["Network", "Case", "MeetingNote", "KnowledgeArticle"];

    /// <summary>The default index's four types, unless a module already defines them in code.</summary>
    public static IServiceCollection AddSearchTestContentTypes(this IServiceCollection services) =>
        services.Configure<ContentDefinitionOptions>(options =>
        {
            // The tests tag every type; an item holds only the parts its type defines, so the module's types get TagsPart
            // here as a recipe's ContentDefinition step could give it to them.
            for (var i = 0; i < options.Types.Count; i++)
            {
                if (Types.Contains(options.Types[i].Name) && !options.Types[i].HasPart("TagsPart"))
                {
                    options.Types[i] = options.Types[i] with { Parts = [.. options.Types[i].Parts, new ContentTypePartDefinition("TagsPart", "TagsPart", [])] };
                }
            }

            foreach (var name in Types.Where(name => options.Types.All(type => type.Name != name)))
            {
                options.Types.Add(new ContentTypeDefinition(name, name,
                    new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Draftable"] = true, ["Versionable"] = true } },
                    new[] { "TitlePart", "MarkdownBodyPart", "AutoroutePart", "VisibilityPart", "NetworkItemPart", "TagsPart" }
                        .Select(part => new ContentTypePartDefinition(part, part, [])).ToList()));
            }
        });
}
