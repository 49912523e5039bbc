using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Search.Lucene.Pages;

/// <summary>The search field at the top of the front page.</summary>
public sealed class SearchFrontPageSection : IFrontPageSection
{
    public string Feature => Manifest.Id;

    public int Position => 0;

    public async Task<string?> RenderAsync(PageDisplay display, Reader reader, CancellationToken cancellationToken) =>
        await display.ShapeAsync(["FrontPageSearch"], new { }, cancellationToken: cancellationToken);
}
