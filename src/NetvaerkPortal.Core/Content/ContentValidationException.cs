namespace NetvaerkPortal.Content;

/// <summary>A content item was refused; names the item and the field so the author can fix it. Nothing was written.</summary>
public sealed class ContentValidationException(string? contentItemId, string? field, string message) : Exception(Describe(contentItemId, message))
{
    public string? ContentItemId { get; } = contentItemId;

    public string? Field { get; } = field;

    public string Reason { get; } = message;

    private static string Describe(string? id, string message) =>
        string.IsNullOrEmpty(id) ? message : $"Content item '{id}': {message}";
}
