using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.Pages;

/// <summary>The tenant's front page: its name, a search field and the newest items the reader may read, by type.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = NetvaerkPortal.Display.AnonymousPageCache.PolicyName)]
public sealed class IndexModel(IReadableContent readable, IReaderContext readers, SiteDocuments documents, ContentDefinitionManager definitions) : PageModel
{
    public string SiteName { get; private set; } = "Netværk Portal";

    public IReadOnlyList<(string TypeName, IReadOnlyList<ContentItem> Items)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await documents.GetAsync<Dictionary<string, JsonNode?>>("SiteSettings", cancellationToken);
        if (settings.TryGetValue("SiteName", out var name) && name is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            SiteName = text;
        }

        var items = await HomePage.LatestReadableAsync(readable, await readers.GetReaderAsync(cancellationToken), 30, cancellationToken);
        var groups = new List<(string, IReadOnlyList<ContentItem>)>();
        foreach (var group in items.GroupBy(i => i.ContentType))
        {
            var type = await definitions.GetTypeAsync(group.Key, cancellationToken);
            groups.Add((type?.DisplayName ?? group.Key, group.ToList()));
        }

        Groups = groups;
    }
}
