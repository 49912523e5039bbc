using NetvaerkPortal.Content.Editing;

namespace NetvaerkPortal.Content.Versions;

/// <summary>One editor field compared between an older version and the current one: its label (a Danish source
/// text), whether it changed, and the word-level difference (older → current).</summary>
public sealed record FieldComparison(string Label, string FormName, bool Changed, IReadOnlyList<DiffSegment> Segments);

/// <summary>Compares two versions of an item field by field, through the fields the parts' modules declared
/// (<see cref="ContentEditor.FieldsFor"/>), so any content type is compared without knowing it.</summary>
public static class VersionComparison
{
    /// <param name="show">How a stored value reads (e.g. a choice's label instead of its value); the value itself by default.</param>
    public static IReadOnlyList<FieldComparison> Compare(IReadOnlyList<EditorField> fields, ContentItem older, ContentItem current, Func<EditorField, string, string>? show = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        show ??= (_, value) => value;
        return fields.Select(field =>
        {
            var before = show(field, ContentEditor.Value(older, field));
            var after = show(field, ContentEditor.Value(current, field));
            var changed = !string.Equals(before, after, StringComparison.Ordinal);
            return new FieldComparison(field.Label, field.FormName, changed, TextDiff.Compare(before, after));
        }).ToList();
    }

    /// <summary>How each choice field's stored values read (a network's name, "Netværket – kun netværkets medlemmer"),
    /// for <see cref="Compare"/>; <paramref name="translate"/> turns a choice's Danish source text into the reader's language.</summary>
    public static async Task<Func<EditorField, string, string>> ChoiceLabelsAsync(
        IReadOnlyList<EditorField> fields, ContentItem item, IServiceProvider services, Func<string, string> translate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(translate);
        var labels = new Dictionary<(string, string), string>();
        foreach (var field in fields.Where(f => f.Choices is not null))
        {
            foreach (var choice in await field.Choices!(new EditorContext(services, item, cancellationToken)))
            {
                labels[(field.FormName, choice.Value)] = choice.Translate ? translate(choice.Label) : choice.Label;
            }
        }

        return (field, value) => labels.GetValueOrDefault((field.FormName, value), value);
    }
}

/// <summary>What a version is to its item: the one visitors see, the draft being worked on, or an earlier one.</summary>
public static class VersionStatus
{
    public const string Published = "Udgivet";
    public const string LatestDraft = "Seneste kladde";
    public const string Earlier = "Tidligere version";

    /// <summary>The Danish source text of a version's status.</summary>
    public static string Of(ContentItem version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Published ? Published : version.Latest ? LatestDraft : Earlier;
    }
}
