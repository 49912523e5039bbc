using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetvaerkPortal.Benchmarks.Pages;
using static NetvaerkPortal.Benchmarks.Pages.PageBenchmarkRunner;

namespace NetvaerkPortal.Benchmarks.ScaleOut;

/// <summary>
/// Write and search throughput on PostgreSQL vs SQLite in one run (issue 14): the published portal as real processes on
/// loopback, content written through <c>POST /api/content</c> by concurrent writers, and search freshness (acknowledged
/// write → first search hit) on the writing node and, on PostgreSQL + Redis, on a second node.
/// <c>dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- scaleout [--writers 8] [--seconds 20] [--samples 100]</c>
/// </summary>
internal static class ScaleOutBenchmark
{
    private const string Heading = "## Scale-out: PostgreSQL and SQLite";
    private const int CatchUpSeconds = 5;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var writers = IntOption(args, "--writers", 8);
        var seconds = IntOption(args, "--seconds", 20);
        var samples = IntOption(args, "--samples", 100);
        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("netvaerk-scaleout-").FullName;
        var portal = Path.Combine(work, "portal");
        var loadBefore = LoadAverage();
        var rows = new List<(string Engine, Result Result)>();
        try
        {
            Console.WriteLine($"Publishing the portal (Release) to {portal} ...");
            await PageBenchmarkRunner.RunAsync("dotnet", $"publish \"{Path.Combine(repo, "src", "NetvaerkPortal.Web")}\" -c Release -o \"{portal}\" -v quiet", repo);

            Console.WriteLine("SQLite: one node ...");
            var sqlite = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Portal__AppDataPath"] = Path.Combine(work, "sqlite", "App_Data"),
                ["Portal__Setup__AdminPassword"] = Password,
            };
            rows.Add(("SQLite", await MeasureAsync(portal, sqlite, null, writers, seconds, samples, "sqlite")));

            Console.WriteLine("PostgreSQL + Redis: node A, then node B ...");
            using (var database = new BenchmarkDatabase())
            using (var redis = new BenchmarkRedis())
            {
                rows.Add(("PostgreSQL", await MeasureAsync(portal, Postgres(1), Postgres(2), writers, seconds, samples, "pg")));

                Dictionary<string, string> Postgres(int node) => new(StringComparer.Ordinal)
                {
                    ["Portal__Database__Provider"] = "Postgres",
                    ["Portal__Database__ConnectionString"] = database.ConnectionString,
                    ["Portal__Redis__Configuration"] = redis.Configuration,
                    ["Portal__AppDataPath"] = Path.Combine(work, $"pg-node{node}", "App_Data"),
                    ["Portal__MediaPath"] = Path.Combine(work, "pg-media"),
                    ["Portal__Search__CatchUpSeconds"] = CatchUpSeconds.ToString(CultureInfo.InvariantCulture),
                    ["Portal__Setup__AdminPassword"] = Password,
                };
            }

            var report = Report(rows, writers, seconds, samples, loadBefore, LoadAverage());
            Console.WriteLine(report);
            WriteSection(Path.Combine(repo, "docs", "benchmarks.md"), Heading, Intro, report);
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a stopped process; the temp folder is cleaned by the system.
            }
        }
    }

    private sealed record Result(int Written, int Failed, double WritesPerSecond, double WriteP50, double WriteP95,
        double[] OwnFreshness, double[]? OtherFreshness, int Missed);

    /// <summary>Writes with <paramref name="writers"/> for <paramref name="seconds"/> on node A, then freshness on A (and on B when given).</summary>
    private static async Task<Result> MeasureAsync(string portal, Dictionary<string, string> environmentA, Dictionary<string, string>? environmentB,
        int writers, int seconds, int samples, string tag)
    {
        await using var a = await PortalNode.StartAsync(portal, environmentA);
        var token = await PortalNode.CommandAsync(portal, environmentA, "tokens", "create", "--tenant", "Default", "--user", "admin");
        for (var i = 0; i < 20; i++)
        {
            await a.PublishAsync(token, $"Opvarmning {i}"); // JIT, pools and first index commit before measuring
        }

        await WaitForIdleAsync(a.Process, TimeSpan.FromMinutes(1));
        var (written, failed, latencies, elapsed) = await WriteLoadAsync(a, token, writers, seconds);
        Console.WriteLine($"{tag}: {written} writes in {elapsed:0.0} s ({written / elapsed:0.0}/s), {failed} failed");
        // The indexer catches up on the load before freshness is measured, so samples do not queue behind it.
        await WaitForIdleAsync(a.Process, TimeSpan.FromMinutes(3));

        var missed = 0;
        var own = await FreshnessAsync(a, a, token, samples, $"{tag}own", () => missed++);
        Console.WriteLine($"{tag}: write → hit on the same node p50 {Percentiles.Of(own, 50):0} ms");
        double[]? other = null;
        if (environmentB is not null)
        {
            await using var b = await PortalNode.StartAsync(portal, environmentB);
            // B's own index first catches up on everything written so far.
            var last = Word($"{tag}own", samples - 1);
            var until = DateTime.UtcNow.AddMinutes(5);
            while (!await b.FindsAsync(last) && DateTime.UtcNow < until)
            {
                await Task.Delay(500);
            }

            await WaitForIdleAsync(b.Process, TimeSpan.FromMinutes(3));
            other = await FreshnessAsync(a, b, token, samples, $"{tag}other", () => missed++);
            Console.WriteLine($"{tag}: write on A → hit on B p50 {Percentiles.Of(other, 50):0} ms");
        }

        double[] sorted = [.. latencies.Order()];
        return new Result(written, failed, written / elapsed, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), own, other, missed);
    }

    private static async Task<(int Written, int Failed, List<double> Latencies, double Seconds)> WriteLoadAsync(PortalNode node, string token, int writers, int seconds)
    {
        var latencies = new List<double>();
        var written = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var mine = new List<double>();
            for (var n = 0; clock.Elapsed < end; n++)
            {
                var started = clock.Elapsed;
                if (await node.PublishAsync(token, $"Skriver {writer} artikel {n}"))
                {
                    Interlocked.Increment(ref written);
                    mine.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        return (written, failed, latencies, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One write at a time on <paramref name="writer"/>; the milliseconds from its 201 until <paramref name="reader"/>'s search finds it.</summary>
    private static async Task<double[]> FreshnessAsync(PortalNode writer, PortalNode reader, string token, int samples, string tag, Action missed)
    {
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var word = Word(tag, i);
            if (!await writer.PublishAsync(token, $"Erfaring om {word}"))
            {
                throw new InvalidOperationException($"A freshness write was refused ({tag} {i}).");
            }

            var clock = Stopwatch.StartNew();
            while (!await reader.FindsAsync(word))
            {
                if (clock.Elapsed > GiveUpAfter)
                {
                    missed();
                    break;
                }

                await Task.Delay(PollEvery);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return [.. times.Order()];
    }

    /// <summary>A made-up word of letters only (the analyser keeps it whole), unique per sample.</summary>
    private static string Word(string tag, int i)
    {
        var letters = new StringBuilder("zqxv");
        foreach (var c in tag)
        {
            letters.Append(char.IsLetter(c) ? c : 'x');
        }

        for (var n = i + 26 * 26; n > 0; n /= 26)
        {
            letters.Append((char)('a' + (n % 26)));
        }

        return letters.ToString();
    }

    private static string Report(List<(string Engine, Result Result)> rows, int writers, int seconds, int samples, string loadBefore, string loadAfter)
    {
        var sqlite = rows.Single(r => r.Engine == "SQLite").Result;
        var pg = rows.Single(r => r.Engine == "PostgreSQL").Result;
        string Ms(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string Ratio(double a, double b) => (a / b).ToString("0.00", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: `nproc` = {Environment.ProcessorCount}, {CpuName()}, {Environment.OSVersion}, .NET {Environment.Version}. Load average (1 / 5 / 15 min) before: {loadBefore}, after: {loadAfter}. The machine is shared with other builds; the portal nodes, PostgreSQL, Redis and the load generator share its cores.");
        text.AppendLine(CultureInfo.InvariantCulture, $"`scaleout --writers {writers} --seconds {seconds} --samples {samples}`; search polled every {PollEvery.TotalMilliseconds:0} ms; PostgreSQL nodes with `Portal:Search:CatchUpSeconds` = {CatchUpSeconds}.");
        text.AppendLine();
        text.AppendLine("| measure | SQLite | PostgreSQL | PostgreSQL ÷ SQLite |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| content writes/s, {writers} writers, one node | {sqlite.WritesPerSecond:N1} | {pg.WritesPerSecond:N1} | {Ratio(pg.WritesPerSecond, sqlite.WritesPerSecond)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| writes acknowledged (refused) in {seconds} s | {sqlite.Written:N0} ({sqlite.Failed}) | {pg.Written:N0} ({pg.Failed}) | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| write latency p50 / p95, ms | {Ms(sqlite.WriteP50)} / {Ms(sqlite.WriteP95)} | {Ms(pg.WriteP50)} / {Ms(pg.WriteP95)} | {Ratio(pg.WriteP50, sqlite.WriteP50)} / {Ratio(pg.WriteP95, sqlite.WriteP95)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| freshness, write → hit on the same node, p50 / p95, ms | {Ms(Percentiles.Of(sqlite.OwnFreshness, 50))} / {Ms(Percentiles.Of(sqlite.OwnFreshness, 95))} | {Ms(Percentiles.Of(pg.OwnFreshness, 50))} / {Ms(Percentiles.Of(pg.OwnFreshness, 95))} | {Ratio(Percentiles.Of(pg.OwnFreshness, 50), Percentiles.Of(sqlite.OwnFreshness, 50))} / {Ratio(Percentiles.Of(pg.OwnFreshness, 95), Percentiles.Of(sqlite.OwnFreshness, 95))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| freshness, write on A → hit on B, p50 / p95, ms | not a supported topology | {Ms(Percentiles.Of(pg.OtherFreshness!, 50))} / {Ms(Percentiles.Of(pg.OtherFreshness!, 95))} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| freshness samples not found within {GiveUpAfter.TotalSeconds:0} s | {sqlite.Missed} | {pg.Missed} | |");
        return text.ToString();
    }

    private const string Intro = """
            `dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- scaleout [--writers 8] [--seconds 20] [--samples 100]`
            publishes the portal in Release and runs it as real processes on 127.0.0.1, first on SQLite (the default: one node,
            App_Data of its own), then on PostgreSQL (a database of its own on 127.0.0.1:5432, dropped afterwards) with a
            redis-server of its own. Writes go through the portal, `POST /api/content` with a bearer token from `tokens create`:
            what a client gets, so each write includes HTTP, authorisation, the content handlers, the indexing-log row and the
            commit on the engine, with the node's search indexer catching up in the background as in production. The same
            stack runs on both engines, so the difference is the engine (and its provider), not the harness. SQLite runs first,
            PostgreSQL second, once each: on a shared machine read the ratios beside the load average.

            - **content writes/s**: `--writers` concurrent clients publishing public knowledge articles for `--seconds` on one
              node, acknowledged (201) writes ÷ elapsed time; write latency is per acknowledged request.
            - **freshness, same node**: one write at a time; from its 201 until `GET /api/search?q=word` on the same node finds
              the article's unique word (the first search at once after the 201, then every 10 ms: a time under 10 ms means the first search found it).
            - **freshness, A → B** (PostgreSQL only): the write's 201 on node A until node B's search finds it. B has its own
              App_Data (its Lucene index) and learns of the write by the Redis signal (its catch-up timer is the fallback).
              Two nodes on one SQLite file is not a supported topology (SQLite is per node), so SQLite has no A → B number.

            Freshness is measured after the indexer caught up on the write load (the node idle), so samples do not queue behind it.
            """;
}
