using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>The item's text as sanitized HTML, and its first words as a teaser.</summary>
public sealed record MarkdownBodyDisplay(string Html, string Teaser);

public sealed class MarkdownBodyPartDisplay(MarkdownRenderer markdown) : IPartDisplay
{
    public string Name => "MarkdownBodyPart";

    public bool Applies(NetvaerkPortal.Content.ContentItem item, DisplayType displayType) => item.Part(Name) is not null;

    public Task<object?> BuildAsync(PartDisplayContext context)
    {
        var html = markdown.ToSafeHtml(context.Item.Text(Name, "Markdown"), $"item {context.Item.ContentItemId} {Name}.Markdown");
        return Task.FromResult<object?>(new MarkdownBodyDisplay(context.IsSummary ? "" : html, Teasers.FromSafeHtml(html)));
    }
}
