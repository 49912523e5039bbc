using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.Listing;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Networks.Api;

/// <summary>One page of a content list: items in Orchard Core content JSON.</summary>
public sealed record ContentListResponse(int Total, int Page, int PageSize, IReadOnlyList<JsonObject> Items);

public sealed record AntiforgeryTokenResponse(string HeaderName, string Token);

/// <summary>/api/content: list, read, create, update and delete content items in Orchard Core content JSON.
/// This file maps the routes and answers the reads; ContentApi.Writes.cs answers the writes.
/// Reads follow <see cref="ItemVisibility"/> (an item the reader may not read, or an id not of <see cref="ContentIds"/>' shape, is 404, as if it did not exist);
/// writes follow <see cref="ContentPermissions"/>; a draft is shown only to those who may edit it.</summary>
public static partial class ContentApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static void MapContentApi(this IEndpointRouteBuilder routes)
    {
        var content = routes.MapGroup("/api/content").WithTags("Content");
        content.MapGet("/", ListAsync).WithName("ListContent")
            .WithSummary("Lists the items the caller may read (editors: latest versions, drafts included), newest first.");
        content.MapGet("/{contentItemId}", GetAsync).WithName("GetContent")
            .WithSummary("One item: its latest version for those who may edit it, else its published version.");
        content.MapPost("/", CreateAsync).WithName("CreateContent").JsonBody("A content item in Orchard Core content JSON.")
            .WithSummary("Creates an item from Orchard content JSON; \"Published\": true publishes it, otherwise it is a draft.")
            .AddEndpointFilter<ApiWriteProtection>();
        content.MapPut("/{contentItemId}", UpdateAsync).WithName("UpdateContent").JsonBody("The item's new content in Orchard Core content JSON (ContentItemId and ContentType may be left out).")
            .WithSummary("Saves a new latest version; \"Published\": true publishes it, otherwise it is a draft on top of the published version.")
            .AddEndpointFilter<ApiWriteProtection>();
        content.MapDelete("/{contentItemId}", DeleteAsync).WithName("DeleteContent")
            .WithSummary("Removes the item (its versions are kept for audit).")
            .AddEndpointFilter<ApiWriteProtection>();

        routes.MapGet("/api/export", ExportAsync).WithTags("Content").WithName("ExportContent")
            .WithSummary("An Orchard Core recipe with a content step holding what the caller may read.");
        routes.MapGet("/api/antiforgery", GetAntiforgeryToken).WithTags("Content").WithName("GetAntiforgeryToken")
            .WithSummary("The antiforgery token a signed-in browser session sends in the RequestVerificationToken header when it writes.");
    }

    private static async Task<Results<Ok<ContentListResponse>, ValidationProblem>> ListAsync(
        string? type, string? network, string? page, string? pageSize, NetworkReaderContext readers, ReadableContent readable, CancellationToken cancellationToken)
    {
        if (!TryNumber(page, 1, 1, int.MaxValue, out var pageNumber))
        {
            return ApiResults.Invalid("page", "page must be a whole number from 1.");
        }

        if (!TryNumber(pageSize, DefaultPageSize, 1, MaxPageSize, out var size))
        {
            return ApiResults.Invalid("pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        var reader = await readers.GetReaderAsync(cancellationToken);
        var skip = (int)Math.Min((long)(pageNumber - 1) * size, int.MaxValue);
        var result = await readable.ListAsync(reader, new ContentListRequest(type, network, skip, size), cancellationToken);
        return TypedResults.Ok(new ContentListResponse(result.Total, pageNumber, size, result.Items.Select(ContentJson.Write).ToList()));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        string contentItemId, NetworkReaderContext readers, ContentWrites writes, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        var item = await writes.ReadableVersionAsync(access, contentItemId, cancellationToken);
        return item is null ? ApiResults.NotFound($"Content item '{contentItemId}'") : TypedResults.Ok(ContentJson.Write(item));
    }

    private static async Task<Ok<JsonObject>> ExportAsync(
        string? type, NetworkReaderContext readers, ContentExporter exporter, TenantContext tenant, CancellationToken cancellationToken)
    {
        var reader = await readers.GetReaderAsync(cancellationToken);
        return TypedResults.Ok(await exporter.ExportAsync(tenant.Name, string.IsNullOrEmpty(type) ? null : type, reader, cancellationToken));
    }

    private static Results<Ok<AntiforgeryTokenResponse>, ProblemHttpResult> GetAntiforgeryToken(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.User.Identity?.IsAuthenticated != true || PortalAuthentication.IsTokenAuthenticated(http.User))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not needed",
                detail: "Only a signed-in browser session needs an antiforgery token; access tokens write without one.");
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.HeaderName!, tokens.RequestToken!));
    }

    private static bool TryNumber(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
