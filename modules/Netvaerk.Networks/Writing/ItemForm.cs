namespace Netvaerk.Networks.Writing;

/// <summary>The view model of the site's write form (template <c>ItemEditor</c>): the fields the item's parts declare, with
/// what the writer entered (kept when the form comes back with errors or a preview), and the form's addresses.
/// Labels and hints are Danish source texts the template translates; <see cref="Errors"/> are already translated.</summary>
public sealed record ItemForm(
    string Heading,
    string TypeName,
    bool IsNew,
    string Action,
    string PreviewUrl,
    string? CancelUrl,
    string? HistoryUrl,
    string? Status,
    string? Message,
    IReadOnlyList<string> Errors,
    IReadOnlyList<FormField> Fields,
    string? PreviewHtml,
    string AntiforgeryField,
    string AntiforgeryToken,
    string ScriptUrl);

/// <param name="Kind">text, multiline, markdown, date, tags or choice.</param>
public sealed record FormField(
    string Name,
    string Id,
    string Label,
    string Hint,
    string Kind,
    bool Required,
    int MaxLength,
    string Value,
    string? Error,
    IReadOnlyList<FormChoice> Choices)
{
    /// <summary>The ids of the hint and the error, for aria-describedby; empty when there are none.</summary>
    public string DescribedBy => string.Join(' ', new[] { Hint.Length > 0 ? Id + "-hint" : null, Error is null ? null : Id + "-error" }.OfType<string>());
}

/// <summary>An option of a choice field; <see cref="Label"/> is translated by the template when <see cref="Translate"/>.</summary>
public sealed record FormChoice(string Value, string Label, bool Translate, bool Selected);
