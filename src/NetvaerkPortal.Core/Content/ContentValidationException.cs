using System.Globalization;

namespace NetvaerkPortal.Content;

/// <summary>A content item was refused; names the item and the field so the author can fix it. Nothing was written.
/// <see cref="Template"/> and <see cref="Arguments"/> let a page show the reason in the reader's language;
/// <see cref="Reason"/> is English, for the API and the command line.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(string? contentItemId, string? field, string template, params object?[] arguments)
        : this(contentItemId, field is null ? [] : [field], template, arguments)
    {
    }

    /// <summary>A refusal that concerns several fields at once (e.g. every unknown part), each named under "errors".</summary>
    public ContentValidationException(string? contentItemId, IReadOnlyList<string> fields, string template, params object?[] arguments)
        : base(Describe(contentItemId, Format(template, arguments)))
    {
        ContentItemId = contentItemId;
        Fields = fields;
        Template = template;
        Arguments = arguments;
        Reason = Format(template, arguments);
    }

    public string? ContentItemId { get; }

    /// <summary>The first field concerned, or null when the refusal concerns the item as a whole.</summary>
    public string? Field => Fields.Count > 0 ? Fields[0] : null;

    public IReadOnlyList<string> Fields { get; }

    public string Reason { get; }

    public string Template { get; }

    public object?[] Arguments { get; }

    private static string Format(string template, object?[] arguments) =>
        arguments.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, arguments);

    private static string Describe(string? id, string message) =>
        string.IsNullOrEmpty(id) ? message : $"Content item '{id}': {message}";
}
