using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages;

/// <summary>The tenant's front page: its name, a search field and the newest items the reader may read, by type.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = NetvaerkPortal.Display.AnonymousPageCache.PolicyName)]
/// <remarks>What a page shows is kept for a few seconds per tenant, content generation and what the reader may read
/// (<see cref="HomePage.ReaderKey"/>): members of the same networks see the same list, and a write starts a new generation.</remarks>
public sealed class IndexModel(IReadableContent readable, IReaderContext readers, SiteDocuments documents, ContentDefinitionManager definitions,
    IMemoryCache cache, TenantContext tenant, IndexingSignal signal, IConfiguration configuration) : PageModel
{
    public string SiteName { get; private set; } = "Netværk Portal";

    public IReadOnlyList<(string TypeName, IReadOnlyList<ContentItem> Items)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = await readers.GetReaderAsync(cancellationToken);
        var key = (typeof(IndexModel), tenant.Name, signal.Generation(tenant.Name), HomePage.ReaderKey(reader));
        if (!cache.TryGetValue(key, out (string SiteName, IReadOnlyList<(string, IReadOnlyList<ContentItem>)> Groups) page))
        {
            page = await BuildAsync(reader, cancellationToken);
            var seconds = Math.Clamp(configuration.GetValue("Portal:Search:CatchUpSeconds", 5), 1, 60);
            cache.Set(key, page, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds), Size = 1 });
        }

        (SiteName, Groups) = page;
    }

    private async Task<(string, IReadOnlyList<(string, IReadOnlyList<ContentItem>)>)> BuildAsync(Reader reader, CancellationToken cancellationToken)
    {
        var siteName = SiteName;
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>("SiteSettings", cancellationToken);
        if (settings.TryGetValue("SiteName", out var name) && name is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            siteName = text;
        }

        var items = await HomePage.LatestReadableAsync(readable, reader, 30, cancellationToken);
        var groups = new List<(string, IReadOnlyList<ContentItem>)>();
        foreach (var group in items.GroupBy(i => i.ContentType))
        {
            var type = await definitions.GetTypeAsync(group.Key, cancellationToken);
            groups.Add((type?.DisplayName ?? group.Key, group.ToList()));
        }

        return (siteName, groups);
    }
}
