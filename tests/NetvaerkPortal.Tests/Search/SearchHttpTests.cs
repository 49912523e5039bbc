using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>The search API and page through the real web host, on the Default tenant set up from the
/// netvaerk-portal recipe (its articles and example network are public).</summary>
public sealed class SearchHttpTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await CatchUpAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_api_answers_in_the_documented_shape()
    {
        var response = await _client.GetAsync(new Uri("/api/search?q=netv%C3%A6rk&pageSize=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(["facets", "hits", "total"], Names(root));
        Assert.True(root.GetProperty("total").GetInt64() >= 3);
        Assert.Equal(2, root.GetProperty("hits").GetArrayLength());
        foreach (var hit in root.GetProperty("hits").EnumerateArray())
        {
            Assert.Equal(["contentItemId", "contentType", "displayText", "snippet", "url"], Names(hit));
            Assert.StartsWith("/", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(["contentType", "network", "tag"], Names(root.GetProperty("facets")));
        Assert.True(root.GetProperty("facets").GetProperty("contentType").GetProperty("KnowledgeArticle").GetInt32() >= 2);
        Assert.Contains("<mark>", root.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_offers_did_you_mean_for_a_typo()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/search?q=kasegiwer", UriKind.Relative)));

        Assert.Equal("casegiver", json.RootElement.GetProperty("didYouMean").GetString());
        Assert.True(json.RootElement.GetProperty("total").GetInt64() > 0);
    }

    [Fact]
    public async Task The_search_page_says_when_results_match_only_some_of_the_words()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(new Uri("/search?q=tovholderen+vintervagt", UriKind.Relative)));

        Assert.Contains("Få resultater har alle ordene, så der vises også resultater, der matcher nogle af ordene.", html, StringComparison.Ordinal);
        Assert.Contains("Tovholderen og de roterende roller", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hit_found_only_by_its_tag_says_so_and_a_hit_found_in_its_text_does_not()
    {
        var byTag = WebUtility.HtmlDecode(await _client.GetStringAsync(new Uri("/search?q=netv%C3%A6rksledelse", UriKind.Relative)));
        var byText = WebUtility.HtmlDecode(await _client.GetStringAsync(new Uri("/search?q=casegiver", UriKind.Relative)));

        Assert.Contains("Fundet i titlen eller et emneord", byTag, StringComparison.Ordinal);
        Assert.DoesNotContain("Fundet i titlen eller et emneord", byText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_offers_did_you_mean_and_shows_its_results()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=kasegiwer", UriKind.Relative));

        Assert.Contains("Ingen resultater for »kasegiwer«. Mente du <a href=\"/search?q=casegiver\">casegiver</a>?", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"search-results\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q=%22")]
    [InlineData("q=((")]
    [InlineData("q=*:*")]
    [InlineData("q=-")]
    [InlineData("q=--%22%22-")]
    [InlineData("q=title:netv%C3%A6rk%20AND%20OR%20NOT")]
    [InlineData("q=~~~%5E2%5C")]
    [InlineData("q=%22unbalanced%20phrase")]
    [InlineData("q=-%22")]
    [InlineData("q=&&||!!{}[]")]
    [InlineData("q=%00%01%02")]
    [InlineData("q=og%20i%20at")]
    [InlineData("q=netv%C3%A6rk&page=abc&pageSize=999999&sort=nonsense")]
    [InlineData("q=netv%C3%A6rk&page=-1&pageSize=-5")]
    [InlineData("q=netv%C3%A6rk&page=99999")]
    [InlineData("q=netv%C3%A6rk&page=2147483647&pageSize=50")]
    [InlineData("type=&network=&tag=")]
    [InlineData("")]
    public async Task Malformed_queries_are_answered_never_with_a_server_error(string query)
    {
        var api = await _client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative));
        var page = await _client.GetAsync(new Uri("/search?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("total").GetInt64() >= 0);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_very_long_query_is_answered()
    {
        var words = string.Join("%20", Enumerable.Repeat("netv%C3%A6rk%20%22m%C3%B8de%22%20-kantine", 400));

        var response = await _client.GetAsync(new Uri("/api/search?q=" + words, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_search_page_escapes_content_and_marks_matches_accessibly()
    {
        var tenant = _factory.Store.Find(TenantSettings.DefaultName)!;
        await using (var scope = _factory.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await content.NewAsync("KnowledgeArticle");
            item.GetOrCreatePart("TitlePart")["Title"] = "<script>alert('titel')</script> Mødeplanlægning";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Mødeplanlægning med <img src=x onerror=alert(1)> og \"citater\" & mere.";
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(item);
        }

        await CatchUpAsync();

        var html = await _client.GetStringAsync(new Uri("/search?q=m%C3%B8deplanl%C3%A6gning", UriKind.Relative));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Mødeplanlægning</mark>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q\">Søg i portalen</label>", html, StringComparison.Ordinal);
        Assert.Contains("<input id=\"q\" name=\"q\" type=\"search\" value=\"mødeplanlægning\"", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"search-results\">", html, StringComparison.Ordinal);
        Assert.Contains("1 resultat", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_links_facets_and_pages_and_speaks_english_on_request()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=netv%C3%A6rk&pageSize=1&culture=en&ui-culture=en", UriKind.Relative));
        var filtered = await _client.GetStringAsync(new Uri("/search?q=netv%C3%A6rk&type=Network", UriKind.Relative));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Pages\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=netv%C3%A6rk&amp;type=KnowledgeArticle&amp;pageSize=1\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("Fjern filteret", filtered, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"type\" value=\"Network\">", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_without_a_query_shows_the_search_field_alone()
    {
        var html = await _client.GetStringAsync(new Uri("/search", UriKind.Relative));

        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99999", 1)]
    [InlineData("2147483647", 1)]
    [InlineData("2147483647", 50)]
    public async Task A_page_past_the_end_shows_the_last_page_and_says_so(string page, int pageSize)
    {
        var total = await TotalAsync("netv%C3%A6rk");
        var last = (int)Math.Min((total + pageSize - 1) / pageSize, SearchRequest.MaxDepth / pageSize);

        var response = await _client.GetAsync(new Uri($"/search?q=netv%C3%A6rk&pageSize={pageSize}&page={page}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Her er den sidste side, side {last}.", html, StringComparison.Ordinal);
        if (last > 1)
        {
            Assert.Contains($"aria-current=\"page\"><span class=\"visually-hidden\">Side </span>{last}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"Der er ingen side {page}.", html, StringComparison.Ordinal);
        Assert.Equal(total - ((last - 1) * pageSize), HitTitles(html).Length);
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_without_results_says_so_and_offers_to_drop_the_filters()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=zyxwvq&type=Case&page=7", UriKind.Relative));

        Assert.Contains("Ingen resultater for »zyxwvq«.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=zyxwvq\">Søg uden filtre</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("search-results", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_note_hit_shows_its_meeting_date_and_others_their_last_change()
    {
        var tenant = _factory.Store.Find(TenantSettings.DefaultName)!;
        await using (var scope = _factory.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var network = await db.AutorouteIndex.Where(r => r.Path == "netvaerk/eksempel-tvaergaaende-ledernetvaerk").Select(r => r.ContentItemId).FirstAsync();
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var note = await content.NewAsync("MeetingNote");
            note.GetOrCreatePart("TitlePart")["Title"] = "Kvartalsmøde om trivselsmåling";
            note.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Vi talte om trivselsmålingen.";
            note.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network;
            note.GetOrCreatePart("MeetingNotePart")["MeetingDate"] = "2025-03-04";
            note.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(note);
            var article = await content.NewAsync("KnowledgeArticle");
            article.GetOrCreatePart("TitlePart")["Title"] = "Trivselsmåling i praksis";
            article.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = "Sådan bruger I trivselsmålingen.";
            article.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(article);
        }

        await CatchUpAsync();
        var html = await _client.GetStringAsync(new Uri("/search?q=trivselsm%C3%A5ling&sort=date", UriKind.Relative));
        var english = await _client.GetStringAsync(new Uri("/search?q=trivselsm%C3%A5ling&sort=date&culture=en&ui-culture=en", UriKind.Relative));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("Mødenotat · Eksempel: Tværgående ledernetværk · <time datetime=\"2025-03-04\">4. marts 2025</time>", html, StringComparison.Ordinal);
        Assert.Contains("Meeting note · Eksempel: Tværgående ledernetværk · <time datetime=\"2025-03-04\">4 March 2025</time>", english, StringComparison.Ordinal);
        Assert.Contains($"Videnartikel · <time datetime=\"{today}\">", html, StringComparison.Ordinal);
        // Newest first: the article changed today comes before the note of a meeting in 2025.
        Assert.Equal(["Trivselsmåling i praksis", "Kvartalsmøde om trivselsmåling"], HitTitles(html));
    }

    [Fact]
    public async Task The_search_page_words_every_label_in_english_on_request()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=netv%C3%A6rk&pageSize=1&culture=en&ui-culture=en", UriKind.Relative));

        foreach (var label in new[] { "Search the portal", "Narrow the search", "Content type", "Knowledge article", "Sort by", "relevance", "Next page", "Skip to the results", " results</h2>" })
        {
            Assert.Contains(label, html, StringComparison.Ordinal);
        }

        foreach (var danish in new[] { "Søg i portalen", "Afgræns", "Indholdstype", "Videnartikel", "Sortér", "relevans", "Næste side", "resultater", "Gå til" })
        {
            Assert.DoesNotContain(danish, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rebuilding_and_editing_synonyms_need_a_signed_in_administrator()
    {
        var rebuild = await _client.PostAsync(new Uri("/admin/search/rebuild", UriKind.Relative), new FormUrlEncodedContent([]));
        var synonyms = await _client.PostAsync(new Uri("/admin/search/synonyms", UriKind.Relative), new FormUrlEncodedContent([new("synonyms", "a, b")]));
        var page = await _client.GetAsync(new Uri("/admin/search", UriKind.Relative));

        Assert.All([rebuild, synonyms, page], response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        });
    }

    private async Task<long> TotalAsync(string query)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/search?q=" + query, UriKind.Relative)));
        return json.RootElement.GetProperty("total").GetInt64();
    }

    private static string[] HitTitles(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<li>\\s*<h3><a href=\"[^\"]*\">([^<]*)</a></h3>").Select(m => m.Groups[1].Value).ToArray();

    private async Task CatchUpAsync() =>
        await _factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(_factory.Store.Find(TenantSettings.DefaultName)!);

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
