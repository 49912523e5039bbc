using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Netvaerk.Search.Lucene.Indexes;

namespace NetvaerkPortal.Benchmarks.Search;

/// <summary>
/// Open file handles and memory for many tenant indexes of which a few are in use: every index open (as before
/// issue 13), then after the idle ones were closed (LuceneIndex.CloseIfIdle) while the active ones keep searching.
/// <c>dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search-idle [--tenants 1000] [--active 10] [--docs 20]</c>
/// </summary>
public static class IdleIndexBenchmark
{
    public static int Run(string[] args)
    {
        var tenants = Option(args, "--tenants", 1_000);
        var active = Math.Min(Option(args, "--active", 10), tenants);
        var docs = Option(args, "--docs", 20);
        var root = Path.Combine(Path.GetTempPath(), "netvaerk-idle-bench-" + Guid.NewGuid().ToString("N"));
        var indexes = new List<LuceneIndex>(tenants);
        try
        {
            var baseline = Measure(root);
            Console.WriteLine($"Opening {tenants:N0} indexes of {docs} documents each ...");
            for (var t = 0; t < tenants; t++)
            {
                var index = LuceneIndex.Open($"t{t}", "Search", Path.Combine(root, $"t{t}"), new LuceneIndexSettings(), NullLogger.Instance);
                for (var d = 0; d < docs; d++)
                {
                    index.Apply($"item{d}", new Document
                    {
                        new StringField(SearchFieldNames.Id, $"item{d}", Field.Store.NO),
                        new TextField(SearchFieldNames.Body, $"Referat af netværksmødet nummer {d} hos lejer {t}", Field.Store.NO),
                    });
                }

                index.Commit(docs);
                _ = index.DocumentCount;
                indexes.Add(index);
            }

            var allOpen = Measure(root);
            foreach (var index in indexes)
            {
                index.CloseIfIdle(TimeSpan.Zero);
            }

            var watch = Stopwatch.StartNew();
            for (var round = 0; round < 10; round++)
            {
                foreach (var index in indexes.Take(active))
                {
                    _ = index.DocumentCount;
                }
            }

            var reopenMs = watch.Elapsed.TotalMilliseconds;
            var idleClosed = Measure(root);
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine(c, $"{tenants:N0} tenant indexes of {docs} documents, {active} of them searched; run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {SearchBenchmarkRunner.LoadAverage()}.");
            text.AppendLine();
            text.AppendLine("| state | files of the indexes open | files mapped into memory | managed heap MB | working set MB |");
            text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (name, m) in new[] { ("before opening any", baseline), ("every index open (no idle closing)", allOpen), ($"idle ones closed, {active} searched", idleClosed) })
            {
                text.AppendLine(c, $"| {name} | {m.Files:N0} | {m.Mapped:N0} | {m.HeapMb:F0} | {m.WorkingSetMb:F0} |");
            }

            text.AppendLine();
            text.AppendLine(c, $"Reopening the {active} active indexes and searching each 10 times took {reopenMs:F0} ms in all.");
            Console.WriteLine(text);
            return 0;
        }
        finally
        {
            indexes.ForEach(index => index.Dispose());
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static Measurement Measure(string root)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var files = Directory.GetFiles("/proc/self/fd").Count(fd => new FileInfo(fd).LinkTarget?.StartsWith(root, StringComparison.Ordinal) == true);
        var mapped = File.ReadLines("/proc/self/maps").Count(line => line.Contains(root, StringComparison.Ordinal));
        using var process = Process.GetCurrentProcess();
        return new Measurement(files, mapped, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private sealed record Measurement(int Files, int Mapped, double HeapMb, double WorkingSetMb);
}
