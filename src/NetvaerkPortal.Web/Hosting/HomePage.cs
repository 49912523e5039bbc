using System.Text.Encodings.Web;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>The tenant's front page until the theme renders it: the newest published items this reader may read.</summary>
public static class HomePage
{
    private const int Shown = 20;
    private const int Batch = 100;

    /// <summary>How far back the page looks for readable items before it settles for fewer.</summary>
    private const int MaxBatches = 5;

    public static async Task<IResult> RenderAsync(HttpContext http, TenantContext tenant, ContentManager content, IReaderContext readers, CancellationToken cancellationToken)
    {
        var reader = await readers.GetReaderAsync(cancellationToken);
        var items = new List<ContentItem>();
        for (var batch = 0; batch < MaxBatches && items.Count < Shown; batch++)
        {
            var page = await content.ListAsync(null, VersionOptions.Published, batch * Batch, Batch, cancellationToken);
            items.AddRange(page.Where(i => Visibility.CanRead(reader, i)));
            if (page.Count < Batch)
            {
                break;
            }
        }

        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var pathBase = http.Request.PathBase.Value ?? "";
        var list = string.Concat(items.Take(Shown).Select(i =>
            $"<li><a href=\"{html.Encode(pathBase + "/" + (i.Text("AutoroutePart", "Path") is { Length: > 0 } path ? path : "content/" + Uri.EscapeDataString(i.ContentItemId)))}\">{html.Encode(i.DisplayText)}</a></li>"));
        return Results.Content(
            $"""<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{html.Encode(tenant.Name)} – Netværk Portal</title></head><body><main><h1>Netværk Portal</h1><ul>{list}</ul></main></body></html>""",
            "text/html; charset=utf-8");
    }
}
