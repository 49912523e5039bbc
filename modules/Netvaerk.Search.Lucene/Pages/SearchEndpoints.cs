using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Netvaerk.Search.Lucene.Analysis;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Content;
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

    private static async Task<IResult> SearchApiAsync(SearchService search, IStringLocalizer<SearchPage> text, HttpContext http, CancellationToken cancellationToken,
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
                detail: text[SearchPage.UnavailableText].Value);
        }
    }

    private static async Task<IResult> SearchPageAsync(SearchService search, ContentDefinitionManager definitions, PageDisplay display, HttpContext http,
        CancellationToken cancellationToken,
        string? q = null, string? type = null, string? network = null, string? tag = null, string? page = null, string? pageSize = null, string? sort = null)
    {
        var request = SearchRequest.FromQueryString(q, type, network, tag, page, pageSize, sort);
        var asked = request.Query.Length > 0 || request.ContentType is not null || request.Network is not null || request.Tag is not null;
        var pathBase = http.Request.PathBase.Value ?? "";
        http.Response.Headers.CacheControl = "private, no-store";
        try
        {
            if (!asked)
            {
                return await PageAsync(display, SearchPageBuilder.Build(request, null, Empty, Empty, pathBase), StatusCodes.Status200OK, cancellationToken);
            }

            var (results, names) = await search.SearchWithNamesAsync(request, networkNames: true, cancellationToken);
            int? askedPage = null;
            var last = SearchPageBuilder.PageCount(results.Total, request);
            if (results.Total > 0 && request.Page > last)
            {
                // A page past the end (an old link, a hand-typed number) shows the last page and says so.
                askedPage = request.Page;
                request = request with { Page = last };
                (results, names) = await search.SearchWithNamesAsync(request, networkNames: true, cancellationToken);
            }

            var typeNames = (await definitions.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, t => t.DisplayName, StringComparer.Ordinal);
            var model = SearchPageBuilder.Build(request, results, names, typeNames, pathBase, askedPage);
            return await PageAsync(display, model, StatusCodes.Status200OK, cancellationToken);
        }
        catch (SearchUnavailableException)
        {
            http.Response.Headers.RetryAfter = SearchUnavailableException.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return await PageAsync(display, SearchPageBuilder.Unavailable(request, pathBase), StatusCodes.Status503ServiceUnavailable, cancellationToken);
        }
    }

    private static async Task<IResult> PageAsync(PageDisplay display, SearchPage model, int status, CancellationToken cancellationToken)
    {
        var title = display.Text["Søg"].Value;
        return await display.PageAsync(["Search"], model,
            new PageOptions(model.Searched && model.Query.Length > 0 ? $"{model.Query} – {title}" : title, StatusCode: status), cancellationToken);
    }

    private static async Task<IResult> AdminPageAsync(PageDisplay display, TenantContext tenant, SiteDocuments documents,
        LuceneIndexRegistry registry, IAntiforgery antiforgery, HttpContext http, CancellationToken cancellationToken, string? done = null) =>
        await RenderAdminAsync(display, tenant, documents, registry, antiforgery, http, cancellationToken, done switch
        {
            "rebuild" => "Genopbygningen er gået i gang; søgningen bruger det gamle indeks, til den er færdig.",
            "synonyms" => "Synonymerne er gemt.",
            _ => null,
        });

    private static async Task<IResult> RenderAdminAsync(PageDisplay display, TenantContext tenant, SiteDocuments documents,
        LuceneIndexRegistry registry, IAntiforgery antiforgery, HttpContext http, CancellationToken cancellationToken,
        string? message = null, string? error = null, string? synonyms = null)
    {
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var skipped = await documents.GetAsync<SkippedItemsDocument>(SkippedItemsDocument.DocumentName, cancellationToken);
        var rows = indexes.Effective().Select(pair =>
        {
            var open = registry.Find(tenant.Name, pair.Key);
            var refusal = registry.Refusal(tenant.Name, pair.Key);
            var (state, reason) = refusal is not null ? ("Kan ikke åbnes", refusal)
                : indexes.PendingRebuild.Contains(pair.Key) ? ("Venter på genopbygning", null)
                : open?.RebuildReason is { } why ? ("Bliver genopbygget", why)
                : open is null ? ("Ikke åbnet på denne server endnu", null)
                : ("I orden", (string?)null);
            return new SearchAdminIndex(pair.Key, pair.Value.AnalyzerName, pair.Value.IndexedContentTypes.Count == 0 ? "*" : string.Join(", ", pair.Value.IndexedContentTypes),
                open?.DocumentCount ?? 0, open?.Cursor ?? 0, state, reason, skipped.Of(pair.Key).Count);
        }).ToList();
        var skippedRows = indexes.Effective().Keys
            .SelectMany(index => skipped.Of(index).Select(item => (Index: index, Item: item)))
            .OrderByDescending(entry => entry.Item.SkippedUtc)
            .Select(entry => new SearchAdminSkipped(entry.Index, entry.Item.DisplayText.Length > 0 ? entry.Item.DisplayText : entry.Item.ContentItemId,
                entry.Item.ContentType, entry.Item.Error, DateTime.SpecifyKind(entry.Item.SkippedUtc, DateTimeKind.Utc),
                $"{http.Request.PathBase}/admin/content/{Uri.EscapeDataString(entry.Item.ContentItemId)}"))
            .ToList();
        var tokens = antiforgery.GetAndStoreTokens(http);
        var model = new SearchAdminPage
        {
            Indexes = rows,
            Skipped = skippedRows,
            Synonyms = synonyms ?? await SearchConfigurations.ReadSynonymsAsync(documents, cancellationToken),
            RebuildAction = http.Request.PathBase + "/admin/search/rebuild",
            SynonymsAction = http.Request.PathBase + "/admin/search/synonyms",
            AntiforgeryField = tokens.FormFieldName,
            AntiforgeryToken = tokens.RequestToken ?? "",
            Message = message,
            Error = error,
            SynonymsRefused = synonyms is not null,
        };
        return await display.PageAsync(["SearchAdmin"], model,
            new PageOptions("Søgning", Admin: true, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest) { TranslateTitle = true }, cancellationToken);
    }

    private static async Task<IResult> RebuildAsync([FromForm] string? index, SearchIndexer indexer, TenantContext tenant, IndexingSignal signal,
        PageDisplay display, SiteDocuments documents, LuceneIndexRegistry registry, IAntiforgery antiforgery, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await indexer.MarkForRebuildAsync(tenant.Settings, string.IsNullOrWhiteSpace(index) ? null : index, cancellationToken);
        }
        catch (ArgumentException)
        {
            return await RenderAdminAsync(display, tenant, documents, registry, antiforgery, http, cancellationToken,
                error: display.Text["Der findes intet søgeindeks med navnet »{0}«. Vælg et af indeksene i tabellen.", index ?? ""].Value);
        }

        // The indexer rebuilds in the background; the site keeps searching the old index meanwhile.
        signal.Pulse(tenant.Name);
        return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?done=rebuild");
    }

    private static async Task<IResult> SaveSynonymsAsync([FromForm] string? synonyms, SiteDocuments documents, PortalDbContext db,
        SearchConfigurations configurations, TenantContext tenant, PageDisplay display, LuceneIndexRegistry registry, IAntiforgery antiforgery,
        HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await SearchConfigurations.SetSynonymsAsync(documents, synonyms ?? "", cancellationToken);
        }
        catch (SynonymLineException error)
        {
            // Nothing is saved; the page comes back with what was typed, so the line can be corrected.
            return await RenderAdminAsync(display, tenant, documents, registry, antiforgery, http, cancellationToken,
                error: display.Text[error.Problem, [error.LineNumber, error.Line, .. error.Arguments]].Value, synonyms: synonyms);
        }

        await db.SaveChangesAsync(cancellationToken);
        configurations.Forget(tenant.Name);
        return Results.LocalRedirect($"{http.Request.PathBase}/admin/search?done=synonyms");
    }

    private static readonly Dictionary<string, string> Empty = [];
}
