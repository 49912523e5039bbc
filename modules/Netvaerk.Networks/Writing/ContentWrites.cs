using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Writing;

/// <summary>Why a write was not done; <see cref="None"/> when it was.</summary>
public enum WriteRefusal
{
    None,

    /// <summary>The item (or version) does not exist, or the reader may not read it: told apart from nothing.</summary>
    NotFound,

    /// <summary>The reader sees the item but may not store it like this (<see cref="ContentPermissions"/>).</summary>
    Forbidden,

    /// <summary>The id is already used by an item the reader may read.</summary>
    Conflict,

    /// <summary>The content itself was refused (<see cref="Error"/> names the field).</summary>
    Invalid,
}

/// <summary>The result of a write: the stored item, or why nothing was stored.</summary>
public sealed record WriteOutcome(ContentItem? Saved, WriteRefusal Refusal, ContentValidationException? Error = null)
{
    public bool Succeeded => Refusal == WriteRefusal.None;

    public static WriteOutcome Done(ContentItem saved) => new(saved, WriteRefusal.None);

    public static readonly WriteOutcome NotFound = new(null, WriteRefusal.NotFound);

    public static readonly WriteOutcome Forbidden = new(null, WriteRefusal.Forbidden);

    public static readonly WriteOutcome Conflict = new(null, WriteRefusal.Conflict);

    public static WriteOutcome Invalid(ContentValidationException error) => new(null, WriteRefusal.Invalid, error);
}

/// <summary>The one write path of members and editors, whatever they write with (the JSON API, the site's forms, the
/// history's restore): the reader's rights (<see cref="ContentPermissions"/>) are checked before anything is stored, the
/// content handlers check the item itself, and a refusal stores nothing.</summary>
public sealed class ContentWrites(ContentManager content)
{
    /// <summary>The version the reader gets: the latest (perhaps a draft) if they may edit the item, else the published
    /// one if they may read it, else nothing.</summary>
    public async Task<ContentItem?> ReadableVersionAsync(ReaderAccess access, string contentItemId, CancellationToken cancellationToken = default)
    {
        if (!ContentIds.IsValid(contentItemId))
        {
            return null;
        }

        if (await content.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) is { } latest && ContentPermissions.CanEdit(access, latest))
        {
            return latest;
        }

        return await content.GetAsync(contentItemId, VersionOptions.Published, cancellationToken) is { } published && Visibility.CanRead(access.Reader, published, NetworkItems.NetworkOf(published))
            ? published
            : null;
    }

    /// <summary>The item's latest version when the reader may change it; else NotFound (they may not read it either) or Forbidden.</summary>
    public async Task<(ContentItem? Latest, WriteRefusal Refusal)> EditableAsync(ReaderAccess access, string contentItemId, CancellationToken cancellationToken = default)
    {
        var latest = ContentIds.IsValid(contentItemId) ? await content.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) : null;
        if (latest is null || await ReadableVersionAsync(access, contentItemId, cancellationToken) is null)
        {
            return (null, WriteRefusal.NotFound);
        }

        return ContentPermissions.CanEdit(access, latest) ? (latest, WriteRefusal.None) : (null, WriteRefusal.Forbidden);
    }

    /// <summary>Would the reader be allowed to store this new item, once the type's defaults are applied? (Whether to offer
    /// a write form, and which choices in it.)</summary>
    public static bool MayCreate(ReaderAccess access, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var probe = item.Clone();
        NetworkPartsHandler.ApplyVisibilityDefault(probe);
        return ContentPermissions.CanWrite(access, probe);
    }

    /// <summary>Would the reader be allowed to make the stored item <paramref name="existing"/> into <paramref name="updated"/>?</summary>
    public static bool MayUpdate(ReaderAccess access, ContentItem existing, ContentItem updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var probe = updated.Clone();
        NetworkPartsHandler.ApplyVisibilityDefault(probe);
        return ContentPermissions.CanUpdate(access, existing, probe);
    }

    /// <summary>Stores a new item as the reader's; <c>item.Published</c> says whether it is published or a draft.</summary>
    public async Task<WriteOutcome> CreateAsync(ReaderAccess access, ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(item);
        if (await CheckShapeAsync(item, cancellationToken) is { } malformed)
        {
            return malformed;
        }

        if (string.IsNullOrWhiteSpace(item.ContentItemId))
        {
            item.ContentItemId = ContentManager.NewId();
        }
        else if (await content.IsIdUsedAsync(item.ContentItemId, cancellationToken))
        {
            // Whether an id is taken is itself something only those who may read the item learn.
            return access.IsEditor || await ReadableVersionAsync(access, item.ContentItemId, cancellationToken) is not null
                ? WriteOutcome.Conflict
                : WriteOutcome.NotFound;
        }

        if (access.UserId is not { } owner)
        {
            return WriteOutcome.Forbidden;
        }

        Stamp(item, owner, author: access.UserName);
        NetworkPartsHandler.ApplyVisibilityDefault(item);
        if (!ContentPermissions.CanWrite(access, item))
        {
            return WriteOutcome.Forbidden;
        }

        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>Stores <paramref name="item"/> as the new latest version of <paramref name="existing"/> (found with
    /// <see cref="EditableAsync"/>); <c>item.Published</c> says whether it is published or a draft on top of the published version.</summary>
    public async Task<WriteOutcome> UpdateAsync(ReaderAccess access, ContentItem existing, ContentItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(item);
        item.ContentItemId = existing.ContentItemId;
        item.ContentType = existing.ContentType;
        if (await CheckShapeAsync(item, cancellationToken) is { } malformed)
        {
            return malformed;
        }

        Stamp(item, owner: existing.Owner, author: access.UserName);
        NetworkPartsHandler.ApplyVisibilityDefault(item);
        if (!ContentPermissions.CanUpdate(access, existing, item))
        {
            return WriteOutcome.Forbidden;
        }

        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>An earlier version of the item, when the reader may change the item and may also read that version's
    /// content (it may have belonged to another network); null otherwise, exactly as for a version that does not exist.</summary>
    public async Task<(ContentItem Latest, ContentItem Version)?> VersionAsync(ReaderAccess access, string contentItemId, string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var (latest, refusal) = await EditableAsync(access, contentItemId, cancellationToken);
        if (latest is null || refusal != WriteRefusal.None || !ContentIds.IsValid(contentItemVersionId))
        {
            return null;
        }

        var version = await content.GetVersionAsync(contentItemVersionId, cancellationToken);
        return version is not null && version.ContentItemId == latest.ContentItemId && ContentPermissions.CanEdit(access, version)
            ? (latest, version)
            : null;
    }

    /// <summary>The versions of the item that <see cref="VersionAsync"/> would show the reader, newest first; null when
    /// the reader may not change the item.</summary>
    public async Task<(ContentItem Latest, IReadOnlyList<ContentItem> Versions)?> HistoryAsync(ReaderAccess access, string contentItemId, CancellationToken cancellationToken = default)
    {
        var (latest, refusal) = await EditableAsync(access, contentItemId, cancellationToken);
        if (latest is null || refusal != WriteRefusal.None)
        {
            return null;
        }

        var versions = await content.ListVersionsAsync(latest.ContentItemId, cancellationToken);
        return (latest, versions.Where(v => ContentPermissions.CanEdit(access, v)).ToList());
    }

    /// <summary>Makes an earlier version's content the item's new latest draft (the published version stays until that
    /// draft is published), as the administration's history does; only when the reader could write that content now.</summary>
    public async Task<WriteOutcome> RestoreAsync(ReaderAccess access, string contentItemId, string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        if (await VersionAsync(access, contentItemId, contentItemVersionId, cancellationToken) is not { } found)
        {
            return WriteOutcome.NotFound;
        }

        var (latest, version) = found;

        if (!MayUpdate(access, latest, version))
        {
            return WriteOutcome.Forbidden;
        }

        try
        {
            await content.RestoreAsync(latest.ContentItemId, version.ContentItemVersionId, cancellationToken);
        }
        catch (ContentValidationException error)
        {
            return WriteOutcome.Invalid(error);
        }

        return WriteOutcome.Done((await content.GetAsync(latest.ContentItemId, VersionOptions.Latest, cancellationToken))!);
    }

    /// <summary>What the server decides, not the client: who owns and wrote the item, and its timestamps.</summary>
    private static void Stamp(ContentItem item, string owner, string? author)
    {
        item.ContentItemVersionId = "";
        item.Owner = owner;
        item.Author = author ?? "";
        item.CreatedUtc = null;
        item.ModifiedUtc = null;
        item.PublishedUtc = null;
    }

    /// <summary>The item's id, type, parts and fields (<see cref="ContentItemShape"/>), checked before anything looks at
    /// permissions or defaults, so that a malformed item is refused naming the field, whoever sends it.</summary>
    private async Task<WriteOutcome?> CheckShapeAsync(ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            await content.CheckShapeAsync(item, cancellationToken);
            return null;
        }
        catch (ContentValidationException error)
        {
            return WriteOutcome.Invalid(error);
        }
    }

    private async Task<WriteOutcome> SaveAsync(ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            if (item.Published)
            {
                await content.PublishAsync(item, cancellationToken);
            }
            else
            {
                await content.SaveDraftAsync(item, cancellationToken);
            }
        }
        catch (ContentValidationException error)
        {
            return WriteOutcome.Invalid(error);
        }

        return WriteOutcome.Done((await content.GetAsync(item.ContentItemId, VersionOptions.Latest, cancellationToken))!);
    }
}
