using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;
using static NetvaerkPortal.Tests.Search.SearchTestSite;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Random bytes in the middle of an index's largest file: found at startup after an unclean shutdown, or
/// by the first search that trips over them; either way the index is rebuilt from the database and heals, and
/// meanwhile searches answer 503 "being rebuilt", never 500.</summary>
public sealed class DamagedIndexTests
{
    private const int Items = 120;

    [Fact]
    public async Task An_index_damaged_before_an_unclean_shutdown_is_found_at_startup_and_rebuilt()
    {
        await using var site = Create();
        var tenant = await site.CreateTenantAsync("Nedbrud");
        for (var i = 0; i < Items; i++)
        {
            await site.PublishAsync(tenant, Item("KnowledgeArticle", $"Artikel {i}", IndexDamage.Text(i)));
        }

        await site.CatchUpAsync(tenant);
        var before = await AnswersAsync(site, tenant);
        var registry = site.Host.Services.GetRequiredService<LuceneIndexRegistry>();
        var indexPath = registry.IndexPath(tenant.Name, LuceneIndexesDocument.DefaultIndexName);
        registry.Close(tenant.Name);
        IndexDamage.CorruptMiddleOfLargestFile(indexPath);
        // As after a crash: the process never closed the index, so it left no clean-shutdown mark.
        File.Delete(Path.Combine(indexPath, IndexFolder.CleanShutdownFileName));
        Assert.False(IndexDamage.IsClean(indexPath));

        var restarted = PortalCommands.BuildHost(new Dictionary<string, string?> { ["Portal:AppDataPath"] = site.Host.AppData.Path });
        await restarted.StartAsync();
        try
        {
            var rebuilt = restarted.Services.GetRequiredService<LuceneIndexRegistry>();
            Assert.True(await Eventually.TrueAsync(() => rebuilt.Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName) is { RebuildReason: null, HasCommit: true }),
                "the restarted portal did not rebuild the index");
        }
        finally
        {
            await restarted.StopAsync();
            restarted.Dispose();
        }

        Assert.True(IndexDamage.IsClean(indexPath), "the damaged index was kept");
        Assert.Equal(before, await AnswersAsync(site, tenant));
    }

    [Fact]
    public async Task A_search_that_trips_over_damage_answers_503_and_the_index_heals_in_the_background()
    {
        await using var portal = new PortalWebFactory();
        using var client = portal.CreateClient();
        var tenant = portal.Store.Find(TenantSettings.DefaultName)!;
        await using (var scope = portal.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            for (var i = 0; i < Items; i++)
            {
                var item = await content.NewAsync("KnowledgeArticle");
                item.GetOrCreatePart("TitlePart")["Title"] = $"Artikel {i}";
                item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = IndexDamage.Text(i);
                item.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
                await content.PublishAsync(item);
            }
        }

        var indexer = portal.Services.GetRequiredService<SearchIndexer>();
        await indexer.CatchUpAsync(tenant);
        var index = portal.Services.GetRequiredService<LuceneIndexRegistry>().Find(tenant.Name, LuceneIndexesDocument.DefaultIndexName)!;
        var queries = SearchUrls().ToList();
        var before = await AnswersAsync(client, queries);
        Assert.All(before.Values, answer => Assert.StartsWith("200 ", answer, StringComparison.Ordinal));

        // The disk goes bad under the running portal: its open readers see the new bytes.
        IndexDamage.CorruptMiddleOfLargestFile(index.Path);
        var unavailable = 0;
        foreach (var url in queries)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                unavailable++;
                Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
                Assert.Contains("Søgningen bliver genopbygget – prøv igen om lidt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        if (unavailable == 0)
        {
            // Which file is largest depends on how the background indexer's commits fell into segments; when the
            // damage lands where no search reads (stored fields), nothing can notice it at search time. What must
            // hold every time is above: no 500. Detection itself is pinned by the startup test (CheckIndex).
            return;
        }

        // The portal's background indexer rebuilds it (the failing search pulsed it); this test does not.
        // Healed means the same answers as before the damage (the registry may have opened a new index object meanwhile).
        var after = before;
        Assert.True(await Eventually.TrueAsync(async () => Same(before, after = await AnswersAsync(client, queries))),
            $"the index did not heal; first difference: {FirstDifference(before, after)}");
        Assert.True(IndexDamage.IsClean(index.Path));
    }

    // The API and the page, for words of every document, filters and later pages.
    private static IEnumerable<string> SearchUrls()
    {
        foreach (var word in IndexDamage.Vocabulary)
        {
            var q = Uri.EscapeDataString(word);
            yield return $"/api/search?q={q}&pageSize=50";
            yield return $"/api/search?q={q}&page=3&sort=date";
            yield return $"/search?q={q}&type=KnowledgeArticle";
        }

        yield return "/api/search?q=&pageSize=50&page=2";
    }

    private static bool Same(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        expected.Count == actual.Count && expected.All(pair => actual.TryGetValue(pair.Key, out var answer) && answer == pair.Value);

    /// <summary>What a reader gets, without what a rebuilt index may rank differently. An incrementally written index
    /// keeps the terms and counts of replaced documents until a merge and a rebuilt one does not, so scores (and with
    /// them which hits make a page, and "did you mean") may move: relevance-ordered answers are compared as the whole
    /// set of hits over all their pages, the page by its result count; date order must be identical.</summary>
    private static async Task<Dictionary<string, string>> AnswersAsync(HttpClient client, IReadOnlyList<string> urls)
    {
        var answers = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            answers[url] = await AnswerAsync(client, url);
        }

        return answers;
    }

    private static async Task<string> AnswerAsync(HttpClient client, string url)
    {
        var (status, body) = await GetAsync(client, url);
        if (status != HttpStatusCode.OK)
        {
            return $"{(int)status} {body}";
        }

        if (!url.StartsWith("/api/", StringComparison.Ordinal))
        {
            return $"200 {System.Text.RegularExpressions.Regex.Match(body, @"[\d.]+ resultater").Value}";
        }

        var answer = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var ids = Ids(answer).ToList();
        // Date order (asked for, or an empty query's default) is the same after a rebuild, hit for hit.
        var byDate = url.Contains("sort=date", StringComparison.Ordinal) || url.Contains("q=&", StringComparison.Ordinal);
        if (!byDate)
        {
            // The later pages of the same query, so that the set compared is every hit, whatever their order.
            var total = (int)answer["total"]!;
            for (var page = 2; ids.Count < total && page <= 10; page++)
            {
                var (pageStatus, pageBody) = await GetAsync(client, $"{url}&page={page}");
                if (pageStatus != HttpStatusCode.OK)
                {
                    return $"{(int)pageStatus} page {page}: {pageBody}";
                }

                ids.AddRange(Ids(System.Text.Json.Nodes.JsonNode.Parse(pageBody)!));
            }

            ids.Sort(StringComparer.Ordinal);
        }

        var facets = answer["facets"]!.AsObject().Select(facet =>
            facet.Key + ":" + string.Join(',', facet.Value!.AsObject().Select(count => $"{count.Key}={count.Value}").Order(StringComparer.Ordinal)));
        return $"200 total={answer["total"]} ids={string.Join(',', ids)} {string.Join(' ', facets)}";
    }

    private static IEnumerable<string> Ids(System.Text.Json.Nodes.JsonNode answer) =>
        answer["hits"]!.AsArray().Select(hit => (string)hit!["contentItemId"]!);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string FirstDifference(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        expected.Where(pair => !actual.TryGetValue(pair.Key, out var answer) || answer != pair.Value)
            .Select(pair => $"{pair.Key}: before {Cut(pair.Value)}, now {Cut(actual.GetValueOrDefault(pair.Key))}").FirstOrDefault() ?? "none";

    private static string? Cut(string? text) => text is { Length: > 400 } ? text[..400] + "…" : text;

    private static async Task<string> AnswersAsync(SearchTestSite site, TenantSettings tenant)
    {
        var answers = new List<string>();
        foreach (var query in IndexDamage.Vocabulary.Append(""))
        {
            answers.Add(System.Text.Json.JsonSerializer.Serialize(await site.SearchAsync(tenant, Editor, query, pageSize: 50)));
        }

        return string.Join('\n', answers);
    }
}
