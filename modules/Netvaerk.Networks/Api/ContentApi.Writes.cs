using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Api;

/// <summary>The writes of /api/content: the body is read here, and stored through <see cref="ContentWrites"/>, the one
/// write path the site's forms use too (the reader's rights first, then the content handlers; a refusal stores nothing).</summary>
public static partial class ContentApi
{
    private static async Task<Results<Created<JsonObject>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, NetworkReaderContext readers, ContentWrites writes, CancellationToken cancellationToken)
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

        var access = await readers.GetAccessAsync(cancellationToken);
        var outcome = await writes.CreateAsync(access, item, cancellationToken);
        return outcome.Refusal switch
        {
            WriteRefusal.None => TypedResults.Created($"{http.Request.PathBase}/api/content/{Uri.EscapeDataString(item.ContentItemId)}", ContentJson.Write(outcome.Saved!)),
            WriteRefusal.Invalid => ApiResults.Invalid(outcome.Error!),
            WriteRefusal.Conflict => ApiResults.Conflict($"The ContentItemId '{item.ContentItemId}' is already used. Leave it out for a new id, or PUT /api/content/{{id}} to change an item."),
            WriteRefusal.NotFound => ApiResults.NotFound($"Content item '{item.ContentItemId}'"),
            _ => ApiResults.Forbidden(access.UserId is null
                ? "Your sign-in does not belong to a user of this site. Sign in here, or use a token made here."
                : WriteRule(item)),
        };
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string contentItemId, HttpContext http, NetworkReaderContext readers, ContentWrites writes, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var (existing, refusal) = await writes.EditableAsync(access, contentItemId, cancellationToken);
        if (existing is null)
        {
            return refusal == WriteRefusal.Forbidden
                ? ApiResults.Forbidden("You may read this item but not change it. Editors change everything; members change what they wrote, coordinators their network's notes and articles.")
                : ApiResults.NotFound($"Content item '{contentItemId}'");
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

        var outcome = await writes.UpdateAsync(access, existing, item, cancellationToken);
        return outcome.Refusal switch
        {
            WriteRefusal.None => TypedResults.Ok(ContentJson.Write(outcome.Saved!)),
            WriteRefusal.Invalid => ApiResults.Invalid(outcome.Error!),
            _ => ApiResults.Forbidden(WriteRule(item)),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string contentItemId, NetworkReaderContext readers, ContentManager content, ContentWrites writes, CancellationToken cancellationToken)
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

        var (editable, refusal) = await writes.EditableAsync(access, contentItemId, cancellationToken);
        if (editable is null)
        {
            return refusal == WriteRefusal.Forbidden
                ? ApiResults.Forbidden("You may read this item but not delete it.")
                : ApiResults.NotFound($"Content item '{contentItemId}'");
        }

        await content.DeleteAsync(contentItemId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string WriteRule(ContentItem item) =>
        ContentPermissions.MemberTypes.Contains(item.ContentType)
            ? "Members write meeting notes and knowledge articles in their own networks (NetworkItemPart), visible to the network or the organisation; public content needs an editor."
            : $"Only editors and administrators write items of type '{item.ContentType}'.";
}
