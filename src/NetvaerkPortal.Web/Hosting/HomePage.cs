using System.Text.Encodings.Web;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>The tenant's front page until the theme renders it: the newest published items.</summary>
public static class HomePage
{
    public static async Task<IResult> RenderAsync(TenantContext tenant, ContentManager content, CancellationToken cancellationToken)
    {
        // Only public items until the networks module decides per reader who may see what.
        var items = (await content.ListAsync(null, VersionOptions.Published, 0, 100, cancellationToken))
            .Where(i => i.Text("VisibilityPart", "Visibility") is null or "Public").Take(20);
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var list = string.Concat(items.Select(i => $"<li>{html.Encode(i.DisplayText)}</li>"));
        return Results.Content(
            $"""<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{html.Encode(tenant.Name)} – Netværk Portal</title></head><body><main><h1>Netværk Portal</h1><ul>{list}</ul></main></body></html>""",
            "text/html; charset=utf-8");
    }
}
