using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Api;

/// <summary>The writes of /api/content: every one checks the reader's rights (<see cref="ContentPermissions"/>)
/// before anything is stored, and the content handlers check the item itself; a refusal stores nothing.</summary>
public static partial class ContentApi
{
    private static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, NetworkReaderContext readers, ContentManager content, ItemVisibility visibility, CancellationToken cancellationToken)
    {
        var (item, tooLarge, invalid) = await ApiResults.ReadItemAsync(http.Request, cancellationToken);
        if (item is null)
        {
            return tooLarge is not null ? tooLarge : invalid!;
        }

        if (string.IsNullOrWhiteSpace(item.ContentType))
        {
            return ApiResults.Invalid("ContentType", "ContentType is missing. Name the item's content type, e.g. \"KnowledgeArticle\".");
        }

        if (await CheckShapeAsync(content, item, cancellationToken) is { } malformed)
        {
            return malformed;
        }

        var access = await readers.GetAccessAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(item.ContentItemId))
        {
            item.ContentItemId = ContentManager.NewId();
        }
        else if (await content.IsIdUsedAsync(item.ContentItemId, cancellationToken))
        {
            // Whether an id is taken is itself something only those who may read the item learn.
            return access.IsEditor || await ReadableVersionAsync(access, content, visibility, item.ContentItemId, cancellationToken) is not null
                ? ApiResults.Conflict($"The ContentItemId '{item.ContentItemId}' is already used. Leave it out for a new id, or PUT /api/content/{{id}} to change an item.")
                : ApiResults.NotFound($"Content item '{item.ContentItemId}'");
        }

        if (access.UserId is not { } owner)
        {
            return ApiResults.Forbidden("Your sign-in does not belong to a user of this site. Sign in here, or use a token made here.");
        }

        Stamp(item, owner, author: access.UserName);
        NetworkPartsHandler.ApplyVisibilityDefault(item);
        if (!ContentPermissions.CanWrite(access, item))
        {
            return ApiResults.Forbidden(WriteRule(item));
        }

        var saved = await SaveAsync(content, item, cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        var stored = await content.GetAsync(item.ContentItemId, VersionOptions.Latest, cancellationToken);
        return TypedResults.Created($"{http.Request.PathBase}/api/content/{Uri.EscapeDataString(item.ContentItemId)}", ContentJson.Write(stored!));
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string contentItemId, HttpContext http, NetworkReaderContext readers, ContentManager content, ItemVisibility visibility, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var existing = ContentIds.IsValid(contentItemId) ? await content.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) : null;
        if (existing is null || await ReadableVersionAsync(access, content, visibility, contentItemId, cancellationToken) is null)
        {
            return ApiResults.NotFound($"Content item '{contentItemId}'");
        }

        if (!ContentPermissions.CanEdit(access, existing))
        {
            return ApiResults.Forbidden("You may read this item but not change it. Editors change everything; members change what they wrote, coordinators their network's notes and articles.");
        }

        var (item, tooLarge, invalid) = await ApiResults.ReadItemAsync(http.Request, cancellationToken);
        if (item is null)
        {
            return tooLarge is not null ? tooLarge : invalid!;
        }

        if (item.ContentItemId.Length > 0 && item.ContentItemId != contentItemId)
        {
            return ApiResults.Invalid("ContentItemId", $"The body's ContentItemId '{item.ContentItemId}' is not the one in the URL ('{contentItemId}'). Leave it out or make them equal.");
        }

        if (item.ContentType.Length > 0 && item.ContentType != existing.ContentType)
        {
            return ApiResults.Invalid("ContentType", $"An item cannot change its type (it is a {existing.ContentType}). Create a new item instead.");
        }

        item.ContentItemId = contentItemId;
        item.ContentType = existing.ContentType;
        if (await CheckShapeAsync(content, item, cancellationToken) is { } malformed)
        {
            return malformed;
        }

        Stamp(item, owner: existing.Owner, author: access.UserName);
        NetworkPartsHandler.ApplyVisibilityDefault(item);
        if (!ContentPermissions.CanUpdate(access, existing, item))
        {
            return ApiResults.Forbidden(WriteRule(item));
        }

        var saved = await SaveAsync(content, item, cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        return TypedResults.Ok(ContentJson.Write((await content.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken))!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string contentItemId, NetworkReaderContext readers, ContentManager content, ItemVisibility visibility, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (!ContentIds.IsValid(contentItemId))
        {
            return ApiResults.NotFound($"Content item '{contentItemId}'");
        }

        var existing = await content.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        if (existing is null && access.IsEditor && await content.ExistsAsync(contentItemId, cancellationToken))
        {
            // Stored in a shape the portal can no longer read: editors can still remove it.
            await content.DeleteAsync(contentItemId, cancellationToken);
            return TypedResults.NoContent();
        }

        if (existing is null || await ReadableVersionAsync(access, content, visibility, contentItemId, cancellationToken) is null)
        {
            return ApiResults.NotFound($"Content item '{contentItemId}'");
        }

        if (!ContentPermissions.CanEdit(access, existing))
        {
            return ApiResults.Forbidden("You may read this item but not delete it.");
        }

        await content.DeleteAsync(contentItemId, cancellationToken);
        return TypedResults.NoContent();
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
    /// permissions or defaults, so that a malformed item is a 400 naming the field, whoever sends it.</summary>
    private static async Task<ValidationProblem?> CheckShapeAsync(ContentManager content, ContentItem item, CancellationToken cancellationToken)
    {
        try
        {
            await content.CheckShapeAsync(item, cancellationToken);
            return null;
        }
        catch (ContentValidationException error)
        {
            return ApiResults.Invalid(error);
        }
    }

    private static async Task<ValidationProblem?> SaveAsync(ContentManager content, ContentItem item, CancellationToken cancellationToken)
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

            return null;
        }
        catch (ContentValidationException error)
        {
            return ApiResults.Invalid(error);
        }
    }

    private static string WriteRule(ContentItem item) =>
        ContentPermissions.MemberTypes.Contains(item.ContentType)
            ? "Members write meeting notes and knowledge articles in their own networks (NetworkItemPart), visible to the network or the organisation; public content needs an editor."
            : $"Only editors and administrators write items of type '{item.ContentType}'.";
}
