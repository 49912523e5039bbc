using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Content.Editing;

public enum EditorFieldKind
{
    Text,
    Multiline,
    Markdown,
    Date,
    Tags,

    /// <summary>One of <see cref="EditorField.Choices"/> (visibility, the network an item belongs to).</summary>
    Choice,

    /// <summary>A box to tick, stored as true or false (unticked: nothing posted).</summary>
    Checkbox,
}

/// <summary>One option of a choice field; <see cref="Label"/> is a Danish source text unless <see cref="Translate"/> is false (a network's name).</summary>
public sealed record EditorChoice(string Value, string Label, bool Translate = true);

/// <summary>One editable field of a part, declared by the module that owns the part: its Danish label and hint (translated
/// when shown), whether it is required, its length limit and, for choices, where the options come from. Every editor (the
/// administration's and the public site's) and every validation reads these, so a label or limit lives in one place.</summary>
public sealed record EditorField(string Part, string Field, string Label, EditorFieldKind Kind)
{
    public bool Required { get; init; }

    public int MaxLength { get; init; } = 4000;

    public string Hint { get; init; } = "";

    /// <summary>The options of a <see cref="EditorFieldKind.Choice"/> field for this reader and item.</summary>
    public Func<EditorContext, Task<IReadOnlyList<EditorChoice>>>? Choices { get; init; }

    /// <summary>The form field's name: the part (as named on the type) and field.</summary>
    public string FormName => $"p.{Part}.{Field}";

    /// <summary>An id usable in HTML (no dots).</summary>
    public string ElementId => FormName.Replace('.', '-');
}

/// <summary>What a choice provider may look at: the request's services and the item being edited.</summary>
public sealed record EditorContext(IServiceProvider Services, ContentItem Item, CancellationToken CancellationToken);

public sealed class PartEditorOptions
{
    public Dictionary<string, List<EditorField>> Parts { get; } = new(StringComparer.Ordinal);
}

public static class PartEditorServiceCollectionExtensions
{
    /// <summary>A module's one way to give a part its editor fields (like Orchard Core's display driver's edit side).</summary>
    public static IServiceCollection AddPartEditor(this IServiceCollection services, string partName, params EditorField[] fields) =>
        services.Configure<PartEditorOptions>(options =>
        {
            if (!options.Parts.TryGetValue(partName, out var list))
            {
                options.Parts[partName] = list = [];
            }

            list.AddRange(fields);
        });
}
