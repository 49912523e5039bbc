using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Pages;

/// <summary>The search API, the search page, and the administrators' rebuild and synonyms forms.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", SearchApiAsync).WithName("Search");
        routes.MapGet("/search", SearchPageAsync);

        var admin = routes.MapGroup("/admin/search").RequireAuthorization(PortalPolicies.Administrator);
        admin.MapGet("", AdminPageAsync);
        // [FromForm] parameters make the endpoints validate the antiforgery token.
        admin.MapPost("/rebuild", RebuildAsync);
        admin.MapPost("/synonyms", SaveSynonymsAsync);
        return routes;
    }

    private static async Task<IResult> SearchApiAsync(SearchService search, HttpContext http, CancellationToken cancellationToken,
        string? q = null, string? type = null, string? network = null, string? tag = null, string? page = null, string? pageSize = null, string? sort = null)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        try
        {
            return TypedResults.Ok(await search.SearchAsync(SearchRequest.FromQueryString(q, type, network, tag, page, pageSize, sort), cancellationToken));
        }
        catch (SearchUnavailableException)
        {
            http.Response.Headers.RetryAfter = SearchUnavailableException.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Search unavailable",
                detail: SearchTexts.For(CultureInfo.CurrentUICulture).Unavailable);
        }
    }

    private static async Task<IResult> SearchPageAsync(SearchService search, PageDisplay display, HttpContext http, CancellationToken cancellationToken,
        string? q = null, string? type = null, string? network = null, string? tag = null, string? page = null, string? pageSize = null, string? sort = null)
    {
        var request = SearchRequest.FromQueryString(q, type, network, tag, page, pageSize, sort);
        var asked = request.Query.Length > 0 || request.ContentType is not null || request.Network is not null || request.Tag is not null;
        var pathBase = http.Request.PathBase.Value ?? "";
        http.Response.Headers.CacheControl = "private, no-store";
        try
        {
            var (results, names) = asked
                ? await search.SearchWithNamesAsync(request, networkNames: true, cancellationToken)
                : (null, new Dictionary<string, string>());
            var model = SearchPageBuilder.Build(request, results, names, pathBase, CultureInfo.CurrentUICulture);
            return await display.PageAsync(["Search"], model, new PageOptions(Title(model)), cancellationToken);
        }
        catch (SearchUnavailableException)
        {
            http.Response.Headers.RetryAfter = SearchUnavailableException.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var model = SearchPageBuilder.Unavailable(request, pathBase, CultureInfo.CurrentUICulture);
            return await display.PageAsync(["Search"], model, new PageOptions(Title(model), StatusCode: StatusCodes.Status503ServiceUnavailable), cancellationToken);
        }
    }

    private static async Task<IResult> AdminPageAsync(PageDisplay display, TenantContext tenant, SiteDocuments documents,
        LuceneIndexRegistry registry, IAntiforgery antiforgery, HttpContext http, CancellationToken cancellationToken, string? done = null, string? error = null)
    {
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var skipped = await documents.GetAsync<SkippedItemsDocument>(SkippedItemsDocument.DocumentName, cancellationToken);
        var rows = indexes.Effective().Select(pair =>
        {
            var open = registry.Find(tenant.Name, pair.Key);
            var state = registry.Refusal(tenant.Name, pair.Key)
                ?? (indexes.PendingRebuild.Contains(pair.Key) ? "rebuild pending" : open?.RebuildReason ?? (open is null ? "not opened on this node yet" : "ok"));
            return new SearchAdminIndex(pair.Key, pair.Value.AnalyzerName, pair.Value.IndexedContentTypes.Count == 0 ? "*" : string.Join(", ", pair.Value.IndexedContentTypes),
                open?.DocumentCount ?? 0, open?.Cursor ?? 0, state, skipped.Of(pair.Key).Count);
        }).ToList();
        var skippedRows = indexes.Effective().Keys
            .SelectMany(index => skipped.Of(index).Select(item => (Index: index, Item: item)))
            .OrderByDescending(entry => entry.Item.SkippedUtc)
            .Select(entry => new SearchAdminSkipped(entry.Index, entry.Item.DisplayText.Length > 0 ? entry.Item.DisplayText : entry.Item.ContentItemId,
                entry.Item.ContentType, entry.Item.Error, entry.Item.SkippedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                $"{http.Request.PathBase}/admin/content/{Uri.EscapeDataString(entry.Item.ContentItemId)}"))
            .ToList();
        var tokens = antiforgery.GetAndStoreTokens(http);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var model = new SearchAdminPage
        {
            Lang = english ? "en" : "da",
            Indexes = rows,
            Skipped = skippedRows,
            Synonyms = await SearchConfigurations.ReadSynonymsAsync(documents, cancellationToken),
            RebuildAction = http.Request.PathBase + "/admin/search/rebuild",
            SynonymsAction = http.Request.PathBase + "/admin/search/synonyms",
            AntiforgeryField = tokens.FormFieldName,
            AntiforgeryToken = tokens.RequestToken ?? "",
            Message = done switch
            {
                "rebuild" => english ? "The rebuild has started; searches use the old index until it is done." : "Genopbygningen er gået i gang; søgningen bruger det gamle indeks, til den er færdig.",
                "synonyms" => english ? "The synonyms are saved." : "Synonymerne er gemt.",
                _ => null,
            },
            Error = error,
        };
        return await display.PageAsync(["SearchAdmin"], model, new PageOptions("Søgning", Admin: true) { TranslateTitle = true }, cancellationToken);
    }

    private static async Task<IResult> RebuildAsync([FromForm] string? index, SearchIndexer indexer, TenantContext tenant, IndexingSignal signal,
        HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await indexer.MarkForRebuildAsync(tenant.Settings, string.IsNullOrWhiteSpace(index) ? null : index, cancellationToken);
        }
        catch (ArgumentException error)
        {
            return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?error={Uri.EscapeDataString(error.Message)}");
        }

        // The indexer rebuilds in the background; the site keeps searching the old index meanwhile.
        signal.Pulse(tenant.Name);
        return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?done=rebuild");
    }

    private static async Task<IResult> SaveSynonymsAsync([FromForm] string? synonyms, SiteDocuments documents, PortalDbContext db,
        SearchConfigurations configurations, TenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await SearchConfigurations.SetSynonymsAsync(documents, synonyms ?? "", cancellationToken);
        }
        catch (ArgumentException error)
        {
            return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?error={Uri.EscapeDataString(error.Message)}");
        }

        await db.SaveChangesAsync(cancellationToken);
        configurations.Forget(tenant.Name);
        return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?done=synonyms");
    }

    private static string Title(SearchPage model) => model.Searched && model.Query.Length > 0 ? $"{model.Query} – {model.Text.Title}" : model.Text.Title;
}
