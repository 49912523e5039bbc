using Lucene.Net.Documents;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// Applies one item to an index so that an item that cannot be indexed is skipped instead of failing everything
/// after it: one member's note must not hold back the tenant's search. What fails because of the item (building
/// its document, analysing it, the writer refusing a term) skips it; what fails because of the machine (disk,
/// a closed writer, cancellation) still fails the batch, which is then retried as a whole.
/// </summary>
internal static class ItemApplication
{
    // An error message is kept to this length for the administrators' list.
    private const int MaxErrorLength = 500;

    public enum Outcome
    {
        /// <summary>Indexed, or removed (deleted, unpublished, not of the index's types).</summary>
        Applied,

        /// <summary>Its document could not be built: left out (any old document of it removed).</summary>
        Skipped,

        /// <summary>The writer refused its document. The writer may have dropped more than that one document,
        /// so the caller rolls back and applies its batch again: the item is then skipped.</summary>
        WriterRefused,
    }

    /// <param name="item">The item's state to index, or null to remove it from the index.</param>
    /// <param name="skipped">Items skipped so far in this batch or rebuild (and those that could not be read); a new one is added.</param>
    public static Outcome Apply(LuceneIndex index, string contentItemId, ContentItem? item, ItemVisibility visibility, IDictionary<string, SkippedItem> skipped, ILogger logger)
    {
        if (skipped.ContainsKey(contentItemId))
        {
            // Skipped before in this batch, or unreadable: its old document must not stay searchable with what
            // may be an older visibility.
            index.Apply(contentItemId, null);
            return Outcome.Skipped;
        }

        if (item is null)
        {
            index.Apply(contentItemId, null);
            return Outcome.Applied;
        }

        Document document;
        try
        {
            document = SearchDocuments.Build(item, visibility);
        }
        catch (Exception error) when (IsItemFault(error))
        {
            skipped[contentItemId] = Skip(index, item, error, logger);
            index.Apply(contentItemId, null);
            return Outcome.Skipped;
        }

        try
        {
            index.Apply(contentItemId, document);
            return Outcome.Applied;
        }
        catch (Exception error) when (IsItemFault(error))
        {
            skipped[contentItemId] = Skip(index, item, error, logger);
            return Outcome.WriterRefused;
        }
    }

    /// <summary>Is this the item's fault rather than the machine's?</summary>
    public static bool IsItemFault(Exception error) =>
        error is not (OperationCanceledException or OutOfMemoryException or IOException or ObjectDisposedException);

    /// <summary>The entry for the administrators' list, its error cut to a readable length.</summary>
    public static SkippedItem Skipped(string contentItemId, string contentType, string displayText, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = $"{error.GetType().Name}: {error.Message}";
        return new SkippedItem(contentItemId, contentType, displayText,
            message.Length > MaxErrorLength ? message[..MaxErrorLength] + "…" : message, DateTime.UtcNow);
    }

    private static SkippedItem Skip(LuceneIndex index, ContentItem item, Exception error, ILogger logger)
    {
        logger.LogWarning(error, "The search index {Index} of tenant {Tenant} skips content item {ContentItemId} ({ContentType}): it cannot be indexed",
            index.Name, index.Tenant, item.ContentItemId, item.ContentType);
        return Skipped(item.ContentItemId, item.ContentType, item.DisplayText, error);
    }
}
