using NetvaerkPortal.Data;

namespace NetvaerkPortal.Content;

/// <summary>Takes part in every content write: validates the parts it knows and keeps its index tables
/// in step, inside the write's transaction (a throw rolls the whole write back).</summary>
public interface IContentHandler
{
    /// <summary>Throw <see cref="ContentValidationException"/> to refuse the item.</summary>
    Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item's versions changed; <paramref name="write"/> has its latest and published versions after the change.</summary>
    Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What a content write left behind: the item's latest and published versions (null when none).</summary>
public sealed record ContentWrite(string ContentItemId, ContentItem? Latest, ContentItem? Published);
