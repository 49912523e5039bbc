using NetvaerkPortal.Data;

namespace NetvaerkPortal.Content;

/// <summary>Takes part in every content write: validates the parts it knows and keeps its index tables
/// in step, inside the write's transaction (a throw rolls the whole write back). It also gives a new item its
/// type's defaults, so every editor starts from the same values.</summary>
public interface IContentHandler
{
    /// <summary>A new item of <paramref name="type"/> is being made (<see cref="ContentManager.NewAsync"/>), not yet stored:
    /// put the defaults of the parts this handler knows on it (e.g. the type's visibility).</summary>
    Task InitializingAsync(ContentItem item, ContentTypeDefinition type, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throw <see cref="ContentValidationException"/> to refuse the item.</summary>
    Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item's versions changed; <paramref name="write"/> has its latest and published versions after the change.</summary>
    Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What a content write left behind: the item's latest and published versions (null when none).</summary>
public sealed record ContentWrite(string ContentItemId, ContentItem? Latest, ContentItem? Published);
