using Microsoft.Extensions.Options;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Display.Parts;

/// <summary>A part of labelled Markdown texts (a network's charter, a case's story): each filled field with the label
/// its editor declares (<c>AddPartEditor</c>), so a label lives in one place. <see cref="Fields"/> finds one by
/// field name (<c>Model.Parts.CasePart.Fields.Results</c>); <see cref="Teaser"/> is the first field's first words.</summary>
public sealed record PartFacts(IReadOnlyList<ItemFact> Facts, IReadOnlyDictionary<string, string> Fields, string Teaser) : IHasFacts;

public sealed class FieldFactsDisplay(string partName, IOptions<PartEditorOptions> editors, MarkdownRenderer markdown) : IPartDisplay
{
    public string Name => partName;

    public bool Applies(ContentItem item, DisplayType displayType) => item.Part(partName) is not null;

    public Task<object?> BuildAsync(PartDisplayContext context)
    {
        var item = context.Item;
        var facts = new List<ItemFact>();
        foreach (var field in editors.Value.Parts.GetValueOrDefault(partName) ?? [])
        {
            if (item.Text(partName, field.Field) is { Length: > 0 } value)
            {
                // Authors write these fields in Markdown too (ground rules are usually a list).
                facts.Add(new ItemFact(field.Label, field.Field, markdown.ToSafeHtml(value, $"item {item.ContentItemId} {partName}.{field.Field}")));
            }
        }

        return Task.FromResult<object?>(facts.Count == 0
            ? null
            : new PartFacts(facts, facts.ToDictionary(f => f.Field, f => f.Html, StringComparer.Ordinal), Teasers.FromSafeHtml(facts[0].Html)));
    }
}
