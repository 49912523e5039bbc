using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Searching;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Benchmarks.Search;

/// <summary>
/// The search benchmark, side by side in one run on one generated corpus: the portal's indexing (rebuild
/// from the database) and its search service, raw Lucene.Net with StandardAnalyzer (the floor), and
/// SQLite FTS5. Writes its results to docs/benchmarks.md.
/// </summary>
/// <remarks>
/// A runner, not BenchmarkDotNet: latency percentiles over a query mix need every single measurement,
/// and one corpus of 100,000 documents is built once for all three engines.
/// <c>dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search [--docs 100000] [--rounds 30] [--output docs/benchmarks.md] [--trace file]</c>
/// </remarks>
public static class SearchBenchmarkRunner
{
    /// <summary>The query mix: single words, inflections, compounds, transliterations, several words,
    /// phrases, exclusions, abbreviations with synonyms, rare words and typos.</summary>
    public static readonly IReadOnlyList<string> Queries =
    [
        "møde", "netværk", "leder", "sparring", "trivsel", "evaluering", "tillid", "referat",
        "møderne", "lederne", "kollegaer", "afdelingens",
        "netværksmøde", "arbejdsmiljø", "ledernetværk", "trivselsmåling", "vagtplan", "sygefravær",
        "moede", "tillidsrepraesentant", "raadgivning",
        "sparring leder", "evaluering af møder", "trivsel stress arbejdsmiljø", "rekruttering af pædagoger",
        "\"kollegial sparring\"", "\"næste møde\"", "\"faste roller\"",
        "sparring -video", "møde -referat", "leder -budget",
        "TR", "chef", "fagforening",
        "omstrukturering", "digitalisering velfærd", "hjemmepleje weekend",
        "kasegiwer", "sparing", "evalurering",
    ];

    private const string Tenant = "Benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var loadBefore = LoadAverage();
        var work = Path.Combine(Path.GetTempPath(), "netvaerk-search-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine($"Generating {options.Documents:N0} documents (seed {DanishCorpus.Seed}) ...");
            var corpus = new DanishCorpus().Generate(options.Documents).ToList();
            Console.WriteLine($"  {corpus.Average(d => d.Markdown.Length):N0} characters of Markdown on average");

            using var portal = await PortalAsync(corpus, Path.Combine(work, "portal"));
            if (options.Trace is not null)
            {
                await TraceAsync(portal, options.Trace);
                return 0;
            }

            using var portalQueries = PortalQueriesOnLucene(Path.Combine(work, "portal", "Sites", Tenant, "Lucene", "Search"));
            using var raw = RawLucene(corpus, Path.Combine(work, "raw"));
            using var fts = Fts5(corpus, Path.Combine(work, "fts5"));
            Measure([portal, portalQueries, raw, fts], options.Rounds);
            var report = Report(options, corpus, portal, portalQueries, raw, fts, loadBefore);
            Console.WriteLine(report);
            WriteReport(options.Output, report);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Where the portal's search spends its time: dotnet-trace (a global dotnet tool) samples this process for
    /// 20 s while the portal alone runs the query mix over and over.</summary>
    private static async Task TraceAsync(Engine portal, string traceFile)
    {
        foreach (var query in Queries)
        {
            portal.Search(query); // warm-up, as the measured rounds have
        }

        await Pages.PageBenchmarkRunner.TraceAsync(Environment.ProcessId, 20, traceFile, () =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                foreach (var query in Queries)
                {
                    portal.Search(query);
                }
            }

            return Task.CompletedTask;
        });
    }

    // ---- The portal: documents in the tenant's database and indexing log, rebuilt by SearchIndexer, searched through SearchService.

    private static async Task<Engine> PortalAsync(List<CorpusDocument> corpus, string appData)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = typeof(Program).Assembly.GetName().Name, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:AppDataPath"] = appData });
        builder.AddPortalServices();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddScoped<IReaderContext, BenchmarkReader>();
        var host = builder.Build();
        var services = host.Services;

        var recipe = Path.Combine(appData, "bench.recipe.json");
        System.IO.Directory.CreateDirectory(appData);
        await File.WriteAllTextAsync(recipe, """{"name":"bench","steps":[{"name":"feature","enable":["Netvaerk.Search.Lucene"]}]}""");
        var tenant = (await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            Tenant, "bench", null, recipe, new SetupRequest("admin", "admin@example.dk", "Bench-Password-1")))).Tenant;

        Console.WriteLine("Portal: writing the corpus to the tenant's database ...");
        await InsertContentAsync(services, tenant, corpus);

        Console.WriteLine("Portal: rebuilding the search index from the database ...");
        var indexer = services.GetRequiredService<SearchIndexer>();
        var (indexSeconds, indexCpuSeconds) = Timed(() => indexer.RebuildAsync(tenant).GetAwaiter().GetResult());
        if (Environment.GetEnvironmentVariable("NETVAERK_SEARCH_PROFILE") == "1")
        {
            services.GetRequiredService<LuceneIndexRegistry>().Close(Tenant);
            SearchProfile.Run(Path.Combine(appData, "Sites", Tenant, "Lucene", "Search"), Queries);
        }

        var scopes = services.GetRequiredService<TenantScopes>();
        return new Engine("Portal search service (Danish analysis, visibility filter, facets, snippets)", query =>
        {
            using var scope = scopes.Create(tenant);
            return scope.ServiceProvider.GetRequiredService<SearchService>()
                .SearchAsync(new SearchRequest { Query = query }).GetAwaiter().GetResult().Total;
        }, host)
        {
            DocsPerSecond = corpus.Count / indexSeconds,
            DocsPerCpuSecond = corpus.Count / indexCpuSeconds,
            Bytes = DirectorySize(Path.Combine(appData, "Sites", Tenant, "Lucene")),
        };
    }

    private static async Task InsertContentAsync(IServiceProvider services, TenantSettings tenant, List<CorpusDocument> corpus)
    {
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction();
        using var item = connection.CreateCommand();
        item.CommandText = """
            INSERT INTO ContentItems (ContentItemId, ContentItemVersionId, ContentType, DisplayText, Latest, Published, Owner, Author, CreatedUtc, ModifiedUtc, PublishedUtc, Data)
            VALUES ($id, $version, $type, $title, 1, 1, 'admin', 'admin', $date, $date, $date, $data)
            """;
        using var log = connection.CreateCommand();
        log.CommandText = "INSERT INTO IndexingLog (ContentItemId, Kind, CreatedUtc) VALUES ($id, 'Update', $date)";
        foreach (var document in corpus)
        {
            var data = new System.Text.Json.Nodes.JsonObject
            {
                ["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = document.Title },
                ["MarkdownBodyPart"] = new System.Text.Json.Nodes.JsonObject { ["Markdown"] = document.Markdown },
                ["VisibilityPart"] = new System.Text.Json.Nodes.JsonObject { ["Visibility"] = document.Visibility },
                ["NetworkItemPart"] = new System.Text.Json.Nodes.JsonObject { ["NetworkContentItemId"] = document.Network },
                ["TagsPart"] = new System.Text.Json.Nodes.JsonObject { ["Tags"] = new System.Text.Json.Nodes.JsonArray(document.Tags.Select(t => (System.Text.Json.Nodes.JsonNode)t).ToArray()) },
                ["AutoroutePart"] = new System.Text.Json.Nodes.JsonObject { ["Path"] = "indhold/" + document.Id },
            };
            item.Parameters.Clear();
            item.Parameters.AddWithValue("$id", document.Id);
            item.Parameters.AddWithValue("$version", document.Id + "v1");
            item.Parameters.AddWithValue("$type", document.ContentType);
            item.Parameters.AddWithValue("$title", document.Title);
            item.Parameters.AddWithValue("$date", document.PublishedUtc);
            item.Parameters.AddWithValue("$data", data.ToJsonString());
            item.ExecuteNonQuery();
            log.Parameters.Clear();
            log.Parameters.AddWithValue("$id", document.Id);
            log.Parameters.AddWithValue("$date", document.PublishedUtc);
            log.ExecuteNonQuery();
        }

        await transaction.CommitAsync();
    }

    /// <summary>A member of the organisation in three networks: the common reader, whose filter matters.</summary>
    private sealed class BenchmarkReader : IReaderContext
    {
        private static readonly Reader Member = new("member", false, new HashSet<string>(DanishCorpus.Networks.Take(3)));

        public Task<Reader> GetReaderAsync(CancellationToken cancellationToken = default) => Task.FromResult(Member);
    }

    // ---- The portal's own Lucene queries on its own index, run by plain Lucene.Net: top 10 with their titles (doc values, as the portal keeps them).
    // No filter, facets, snippets or host: what the portal's features cost over Lucene doing the same matching.

    private static Engine PortalQueriesOnLucene(string path)
    {
        var directory = FSDirectory.Open(path);
        var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var analyzer = Netvaerk.Search.Lucene.Analysis.AnalyzerNames.CreateQueryAnalyzer("danish");
        // The query the portal builds, with the compounds each word also searches (looked up per query, as the portal does).
        Query Parse(string query) => Netvaerk.Search.Lucene.Analysis.QueryText.Parse(query).ToQuery(analyzer, IndexQuery.MatchFields, Compounds(reader));
        return new Engine("Plain Lucene.Net with the portal's index and analysed queries (top 10 and titles only)", query =>
        {
            var top = searcher.Search(Parse(query), 10);
            var values = new HitValues(reader);
            foreach (var hit in top.ScoreDocs)
            {
                _ = values.Text(hit.Doc, SearchFieldNames.Title);
            }

            return top.TotalHits;
        }, reader, directory, analyzer)
        {
            Postings = Queries.ToDictionary(query => query, query => Postings(reader, Parse(query))),
            Expansion = ExpansionCost(reader, analyzer),
        };
    }

    private static Netvaerk.Search.Lucene.Analysis.CompoundExpansion Compounds(IndexReader reader, bool shareAcrossQueries = true) =>
        new(reader, [SearchFieldNames.Body], SearchFieldNames.BodyReversed, shareAcrossQueries: shareAcrossQueries);

    // What query-time decompounding costs per query: the compound terms the words expand to, and the time to find them
    // in the term dictionary and the reversed field (analysis of the query not included), over a few rounds of the mix.
    private static ExpansionCost ExpansionCost(IndexReader reader, Lucene.Net.Analysis.Analyzer analyzer)
    {
        var terms = new List<double>();
        var milliseconds = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var query in Queries)
            {
                var text = Netvaerk.Search.Lucene.Analysis.QueryText.Parse(query);
                _ = text.ToQuery(analyzer, IndexQuery.MatchFields);
                var start = Stopwatch.GetTimestamp();
                // Not shared: every round looks the words up again, as the first query after a commit does.
                var compounds = Compounds(reader, shareAcrossQueries: false);
                _ = text.ToQuery(analyzer, IndexQuery.MatchFields, compounds);
                var withExpansion = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                _ = text.ToQuery(analyzer, IndexQuery.MatchFields);
                if (round > 0)
                {
                    milliseconds.Add(Math.Max(0, withExpansion - Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                    terms.Add(compounds.TermCount);
                }
            }
        }

        return new ExpansionCost(terms, milliseconds);
    }

    // How many postings a query's terms have: roughly the documents a search has to visit.
    private static long Postings(IndexReader reader, Query query)
    {
        var terms = new HashSet<Term>();
        new IndexSearcher(reader).Rewrite(query).ExtractTerms(terms);
        return terms.Sum(term => (long)reader.DocFreq(term));
    }

    // ---- Raw Lucene.Net: StandardAnalyzer, title and body, the classic QueryParser, top 10 with stored titles. No filter, facets or snippets.

    private static Engine RawLucene(List<CorpusDocument> corpus, string path)
    {
        Console.WriteLine("Raw Lucene.Net: indexing ...");
        var version = LuceneVersion.LUCENE_48;
        var analyzer = new StandardAnalyzer(version);
        var directory = FSDirectory.Open(path);
        var (indexSeconds, indexCpuSeconds) = Timed(() =>
        {
            using var writer = new IndexWriter(directory, new IndexWriterConfig(version, analyzer) { RAMBufferSizeMB = 32 });
            foreach (var document in corpus)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", document.Id, Field.Store.YES),
                    new TextField("title", document.Title, Field.Store.YES),
                    new TextField("body", SearchDocuments.PlainText(document.Markdown), Field.Store.YES),
                });
            }

            writer.Commit();
        });
        var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var parser = new MultiFieldQueryParser(version, ["title", "body"], analyzer) { DefaultOperator = Operator.AND };
        Query Parse(string query)
        {
            try
            {
                return parser.Parse(query);
            }
            catch (ParseException)
            {
                return parser.Parse(QueryParserBase.Escape(query));
            }
        }

        return new Engine("Raw Lucene.Net, StandardAnalyzer (top 10 and titles only)", query =>
        {
            var top = searcher.Search(Parse(query), 10);
            foreach (var hit in top.ScoreDocs)
            {
                _ = searcher.Doc(hit.Doc).Get("title", CultureInfo.InvariantCulture);
            }

            return top.TotalHits;
        }, reader, directory, analyzer)
        {
            DocsPerSecond = corpus.Count / indexSeconds,
            DocsPerCpuSecond = corpus.Count / indexCpuSeconds,
            Bytes = DirectorySize(path),
            Postings = Queries.ToDictionary(query => query, query => Postings(reader, Parse(query))),
        };
    }

    // ---- SQLite FTS5: the same page of results: visibility filter, total, type facet, top 10 by bm25 (title ×3) with snippets.

    private static Engine Fts5(List<CorpusDocument> corpus, string path)
    {
        Console.WriteLine("SQLite FTS5: indexing ...");
        System.IO.Directory.CreateDirectory(path);
        var connection = new SqliteConnection($"Data Source={Path.Combine(path, "fts.db")}");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "CREATE TABLE meta (id INTEGER PRIMARY KEY, contentType TEXT, network TEXT, visibility TEXT);");
        Execute(connection, "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');");
        var (indexSeconds, indexCpuSeconds) = Timed(() =>
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (rowid, title, body) VALUES ($id, $title, $body)";
            using var meta = connection.CreateCommand();
            meta.CommandText = "INSERT INTO meta (id, contentType, network, visibility) VALUES ($id, $type, $network, $visibility)";
            foreach (var document in corpus)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$id", document.Number + 1);
                insert.Parameters.AddWithValue("$title", document.Title);
                insert.Parameters.AddWithValue("$body", SearchDocuments.PlainText(document.Markdown));
                insert.ExecuteNonQuery();
                meta.Parameters.Clear();
                meta.Parameters.AddWithValue("$id", document.Number + 1);
                meta.Parameters.AddWithValue("$type", document.ContentType);
                meta.Parameters.AddWithValue("$network", document.Network);
                meta.Parameters.AddWithValue("$visibility", document.Visibility == "Network" ? "network:" + document.Network : document.Visibility.ToLowerInvariant());
                meta.ExecuteNonQuery();
            }

            transaction.Commit();
            Execute(connection, "CREATE INDEX meta_visibility ON meta (visibility);");
        });
        const string Visible = "m.visibility IN ('public', 'tenant', 'network:netvaerk0001', 'network:netvaerk0002', 'network:netvaerk0003')";
        var count = connection.CreateCommand();
        count.CommandText = $"SELECT m.contentType, COUNT(*) FROM docs JOIN meta m ON m.id = docs.rowid WHERE docs MATCH $q AND {Visible} GROUP BY m.contentType";
        var top = connection.CreateCommand();
        top.CommandText = $"SELECT docs.rowid, docs.title, snippet(docs, 1, '<mark>', '</mark>', '…', 24) FROM docs JOIN meta m ON m.id = docs.rowid WHERE docs MATCH $q AND {Visible} ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10";
        return new Engine("SQLite FTS5, unicode61 (visibility filter, total, type facet, top 10 with snippets)", query =>
        {
            var match = Fts5Query(query);
            long total = 0;
            count.Parameters.Clear();
            count.Parameters.AddWithValue("$q", match);
            using (var rows = count.ExecuteReader())
            {
                while (rows.Read())
                {
                    total += rows.GetInt64(1);
                }
            }

            top.Parameters.Clear();
            top.Parameters.AddWithValue("$q", match);
            using (var rows = top.ExecuteReader())
            {
                while (rows.Read())
                {
                    _ = rows.GetString(2);
                }
            }

            return total;
        }, count, top, connection)
        {
            DocsPerSecond = corpus.Count / indexSeconds,
            DocsPerCpuSecond = corpus.Count / indexCpuSeconds,
            Bytes = DirectorySize(path),
        };
    }

    /// <summary>The user's query in FTS5 syntax: every word and phrase quoted (implicit AND), exclusions as NOT.</summary>
    public static string Fts5Query(string query)
    {
        var text = Netvaerk.Search.Lucene.Analysis.QueryText.Parse(query);
        static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var positive = string.Join(' ', text.Words.Select(Quote).Concat(text.Phrases.Select(Quote)));
        return text.Excluded.Aggregate(positive, (current, excluded) => $"{current} NOT {Quote(excluded)}");
    }

    // ---- Measuring and reporting.

    /// <summary>
    /// Runs the engines in turn, round after round, each round the whole query mix: a slow moment of the shared
    /// machine then falls on all engines alike instead of on whichever was being measured, while each engine's
    /// queries still follow one another as on a server (switching engine after every query would leave each
    /// with caches the others had just filled).
    /// </summary>
    private static void Measure(IReadOnlyList<Engine> engines, int rounds)
    {
        Console.WriteLine($"Warming up, then {rounds} rounds of {Queries.Count} queries, the engines in turn ...");
        for (var round = -3; round < rounds; round++)
        {
            foreach (var engine in engines)
            {
                foreach (var query in Queries)
                {
                    var cpuStart = ThreadCpuTime.Now();
                    var start = Stopwatch.GetTimestamp();
                    engine.Totals[query] = engine.Search(query);
                    if (round >= 0)
                    {
                        engine.Latencies.Wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        engine.Latencies.Cpu.Add((ThreadCpuTime.Now() - cpuStart) / 1e6);
                    }
                }
            }
        }
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static string Report(Options options, List<CorpusDocument> corpus, Engine portal, Engine portalQueries, Engine raw, Engine fts, string loadBefore)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        text.AppendLine(c, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(c, $"Machine: `nproc` = {Environment.ProcessorCount}, CPU \"{cpu}\", {Environment.OSVersion}, .NET {Environment.Version}. ");
        text.AppendLine(c, $"Load average (1/5/15 min) before: {loadBefore}; after: {LoadAverage()}; the machine is shared with other builds, so wall-clock figures include waiting for a core, and CPU figures (the searching thread's CPU time; the process's CPU time while indexing) show the work itself. ");
        text.AppendLine(c, $"Corpus: {corpus.Count:N0} generated Danish documents (seed {DanishCorpus.Seed}), {corpus.Average(d => d.Markdown.Length):N0} characters of Markdown on average; {Queries.Count} queries × {options.Rounds} rounds after 3 warm-up rounds, one query at a time; in each round the four engines run the whole mix in turn (so a slow moment of the machine falls on all of them).");
        text.AppendLine();
        text.AppendLine("| engine | indexing docs/s (wall) | indexing docs/CPU-s | p50 ms (wall) | p95 ms (wall) | p50 ms (CPU) | p95 ms (CPU) | index MB |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var engine in new[] { portal, portalQueries, raw, fts })
        {
            var indexing = engine.DocsPerSecond > 0 ? $"{engine.DocsPerSecond:N0} | {engine.DocsPerCpuSecond:N0}" : "– | –";
            var size = engine.Bytes > 0 ? $"{engine.Bytes / 1048576.0:F0}" : "–";
            text.AppendLine(c, $"| {engine.Name} | {indexing} | {P(engine.Latencies.Wall, 0.5):F2} | {P(engine.Latencies.Wall, 0.95):F2} | {P(engine.Latencies.Cpu, 0.5):F2} | {P(engine.Latencies.Cpu, 0.95):F2} | {size} |");
        }

        text.AppendLine();
        text.AppendLine("| goal | wall clock | CPU | met (wall / CPU) |");
        text.AppendLine("| --- | ---: | ---: | :---: |");
        var p95 = (P(portal.Latencies.Wall, 0.95), P(portal.Latencies.Cpu, 0.95));
        text.AppendLine(c, $"| portal p95 ≤ 10 ms | {p95.Item1:F2} ms | {p95.Item2:F2} ms | {Met(p95.Item1 <= 10)} / {Met(p95.Item2 <= 10)} |");
        var overRaw = (p95.Item1 / P(raw.Latencies.Wall, 0.95), p95.Item2 / P(raw.Latencies.Cpu, 0.95));
        text.AppendLine(c, $"| portal ÷ raw Lucene ≤ 1.3 (p95) | {overRaw.Item1:F2} | {overRaw.Item2:F2} | {Met(overRaw.Item1 <= 1.3)} / {Met(overRaw.Item2 <= 1.3)} |");
        var overSame = (p95.Item1 / P(portalQueries.Latencies.Wall, 0.95), p95.Item2 / P(portalQueries.Latencies.Cpu, 0.95));
        text.AppendLine(c, $"| (no goal) portal ÷ plain Lucene with the portal's index and queries (p95) | {overSame.Item1:F2} | {overSame.Item2:F2} | – |");
        var overFts = (P(fts.Latencies.Wall, 0.95) / p95.Item1, P(fts.Latencies.Cpu, 0.95) / p95.Item2);
        var overFts50 = (P(fts.Latencies.Wall, 0.5) / P(portal.Latencies.Wall, 0.5), P(fts.Latencies.Cpu, 0.5) / P(portal.Latencies.Cpu, 0.5));
        text.AppendLine(c, $"| FTS5 ÷ portal ≥ 3 (p95; p50 in brackets) | {overFts.Item1:F2} ({overFts50.Item1:F2}) | {overFts.Item2:F2} ({overFts50.Item2:F2}) | {Met(overFts.Item1 >= 3)} / {Met(overFts.Item2 >= 3)} |");
        text.AppendLine(c, $"| portal indexing ≥ 1,000 docs/s | {portal.DocsPerSecond:N0} | {portal.DocsPerCpuSecond:N0} | {Met(portal.DocsPerSecond >= 1000)} / {Met(portal.DocsPerCpuSecond >= 1000)} |");
        text.AppendLine();
        var expansion = portalQueries.Expansion!;
        text.AppendLine(c, $"Query-time decompounding (compounds the query's words expand to, found in the term dictionary and the reversed field): terms per query p50 {P(expansion.Terms, 0.5):F0}, p95 {P(expansion.Terms, 0.95):F0}, max {expansion.Terms.Max():F0}; lookup time per query without the per-reader cache (wall) p50 {P(expansion.Milliseconds, 0.5):F2} ms, p95 {P(expansion.Milliseconds, 0.95):F2} ms. Both engines above run with the cache, as the portal does, so after the warm-up rounds they reuse each word's expansion until the next commit.");
        text.AppendLine();
        text.AppendLine("Matches per query (the portal as a member of 3 of the 300 networks, FTS5 with the same visibility filter, raw Lucene unfiltered); the postings of the query's terms in each Lucene index (about the documents a search visits); and CPU ms per query (median of the rounds):");
        text.AppendLine();
        text.AppendLine("| query | portal | raw Lucene | FTS5 | postings, portal | postings, raw | portal CPU ms | portal's query on plain Lucene, CPU ms | raw Lucene CPU ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var q = 0; q < Queries.Count; q++)
        {
            var query = Queries[q];
            double Median(Engine engine) => P(Enumerable.Range(0, options.Rounds).Select(round => engine.Latencies.Cpu[round * Queries.Count + q]).ToList(), 0.5);
            text.AppendLine(c, $"| `{query}` | {portal.Totals[query]:N0} | {raw.Totals[query]:N0} | {fts.Totals[query]:N0} | {portalQueries.Postings![query]:N0} | {raw.Postings![query]:N0} | {Median(portal):F2} | {Median(portalQueries):F2} | {Median(raw):F2} |");
        }

        return text.ToString();
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static void WriteReport(string path, string run)
    {
        const string Header = "## Search";
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        var start = existing.IndexOf(Header + "\n", StringComparison.Ordinal);
        var section = $"{Header}\n\n{SectionIntro}\n{run}";
        if (start < 0)
        {
            existing = existing.TrimEnd() + "\n\n" + section;
        }
        else
        {
            // Replace this section up to the next "## " header, leaving the other sections as they are.
            var next = existing.IndexOf("\n## ", start + Header.Length, StringComparison.Ordinal);
            existing = existing[..start] + section + (next < 0 ? "" : existing[(next + 1)..]);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, existing.TrimEnd() + "\n");
        Console.WriteLine($"Results written to {Path.GetFullPath(path)}");
    }

    private const string SectionIntro = """
        `dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search [--trace file]` (about 6–10 minutes; with `--trace`, `dotnet-trace` samples the portal alone running the query mix for 20 s instead, and writes a Speedscope file). What each engine does per query:

        - **Portal**: `SearchService.SearchAsync` in a fresh tenant scope, as the API calls it: Danish query analysis with the thesaurus and the compounds each word expands to (looked up in the term dictionary and the reversed field); matching on the body field, which also holds the title and tags; the reader's visibility filter inside the query; the total and facet counts for type, network and tag over all matches; the best 100 matches ranked again with their titles weighed in; the top 10 read from doc values, with snippets (the matched words marked); the "Mente du" retry when nothing matches, and the documents with some of the words when fewer than 3 have all. Indexing is `SearchIndexer.RebuildAsync`: reading the items from the tenant's SQLite database in pages, Markdown to text, Danish analysis with decompounding and the thesaurus phrases, one commit.
        - **Plain Lucene.Net with the portal's index and queries** (no goal; it explains the ratio): the portal's own index and the Lucene query the portal builds (with its compounds, looked up per query), run by `IndexSearcher.Search(query, 10)` with the titles of the 10. The same matching and postings as the portal, without the host, visibility filter, facets, title ranking or snippets.
        - **Raw Lucene.Net** (the floor): StandardAnalyzer, the classic QueryParser (AND) over title and body, top 10 and their stored titles; no filter, facets or snippets.
        - **SQLite FTS5** (Microsoft.Data.Sqlite): `unicode61 remove_diacritics 2`, the same page as the portal's as far as SQL goes: the visibility filter (a join), total and type facet (one GROUP BY), top 10 by bm25 with title ×3 and snippets.

        The table of queries gives each query's postings (the documents its terms are in, summed over its terms), which is
        what a search has to read: Lucene itself spends 15–30 ns per posting, in the portal as in the floor.

        """;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long DirectorySize(string path) =>
        System.IO.Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) : 0;

    /// <summary>Per query: wall-clock milliseconds, and the CPU milliseconds of the searching thread.</summary>
    private sealed record Latencies(List<double> Wall, List<double> Cpu);

    /// <summary>One engine, built and ready: how it indexed, and how it answers a query (with its total).</summary>
    private sealed class Engine(string name, Func<string, long> search, params IDisposable[] resources) : IDisposable
    {
        public string Name { get; } = name;

        public Func<string, long> Search { get; } = search;

        public double DocsPerSecond { get; init; }

        /// <summary>Documents per second of the process's CPU time while indexing (all threads).</summary>
        public double DocsPerCpuSecond { get; init; }

        public long Bytes { get; init; }

        /// <summary>The cost of query-time decompounding (the portal's queries only).</summary>
        public ExpansionCost? Expansion { get; init; }

        /// <summary>Per query, the postings of its terms (Lucene engines only).</summary>
        public Dictionary<string, long>? Postings { get; init; }

        public Dictionary<string, long> Totals { get; } = [];

        public Latencies Latencies { get; } = new([], []);

        public void Dispose()
        {
            foreach (var resource in resources)
            {
                resource.Dispose();
            }
        }
    }

    private static (double Seconds, double CpuSeconds) Timed(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private sealed record Options(int Documents, int Rounds, string Output, string? Trace)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(arg => arg != "--" + name).Skip(1).FirstOrDefault();
            return new Options(
                int.TryParse(Value("docs"), CultureInfo.InvariantCulture, out var docs) ? docs : 100_000,
                int.TryParse(Value("rounds"), CultureInfo.InvariantCulture, out var rounds) ? rounds : 30,
                Value("output") ?? Path.Combine(FindRoot(), "docs", "benchmarks.md"),
                Value("trace"));
        }

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "NetvaerkPortal.sln")))
                {
                    return directory.FullName;
                }
            }

            return System.IO.Directory.GetCurrentDirectory();
        }
    }
}

/// <summary>Per query of the mix (several rounds): compound terms added, and milliseconds spent finding them.</summary>
internal sealed record ExpansionCost(List<double> Terms, List<double> Milliseconds);
