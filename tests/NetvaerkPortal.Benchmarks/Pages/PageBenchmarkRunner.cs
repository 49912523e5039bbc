using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Benchmarks.Pages;

/// <summary>
/// Page throughput: the published portal (Release) on loopback with a tenant of many items, measured with wrk
/// side by side with static files of the same sizes from the same Kestrel, round by round so a slow moment of
/// the shared machine falls on every target. Writes its table into docs/benchmarks.md.
/// </summary>
internal static partial class PageBenchmarkRunner
{
    internal const string Password = "Bench-kodeord-2026";
    private const int Port = 5181;
    internal static readonly string BaseUrl = $"http://127.0.0.1:{Port}";

    /// <summary>Every portal process started, stopped in the end whatever happened.</summary>
    internal static readonly List<Process> Started = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var items = IntOption(args, "--items", 10_000);
        var seconds = IntOption(args, "--seconds", 8);
        var rounds = IntOption(args, "--rounds", 3);
        var connections = IntOption(args, "--connections", 16);
        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("netvaerk-pages-").FullName;
        var portal = Path.Combine(work, "portal");
        var appData = Path.Combine(work, "App_Data");
        try
        {
            Console.WriteLine($"Publishing the portal (Release) to {portal} ...");
            await RunAsync("dotnet", $"publish \"{Path.Combine(repo, "src", "NetvaerkPortal.Web")}\" -c Release -o \"{portal}\" -v quiet", repo);

            Console.WriteLine("First start: the Default tenant is set up ...");
            using (var first = StartPortal(portal, appData))
            {
                await WaitForAsync("/", TimeSpan.FromSeconds(60));
                Stop(first);
            }

            Console.WriteLine($"Importing {items:N0} items ...");
            var (networks, itemPath) = WriteRecipe(Path.Combine(work, "bench.recipe.json"), items);
            await RunAsync("dotnet", $"NetvaerkPortal.Web.dll recipes run --tenant Default \"{Path.Combine(work, "bench.recipe.json")}\"", portal, appData);
            await RunAsync("dotnet", $"NetvaerkPortal.Web.dll users create --tenant Default --user medlem --email medlem@bench.test --password {Password} --role Member --network {networks[0]} --network {networks[1]}", portal, appData);

            using var server = StartPortal(portal, appData);
            await WaitForAsync("/", TimeSpan.FromSeconds(60));
            // The search indexer catches up on the imported items in the background; measure after it has finished.
            Console.WriteLine($"Waiting for the portal to go idle (search indexing) ... {await WaitForIdleAsync(server, TimeSpan.FromMinutes(5)):N0} s");
            var cookie = await SignInAsync("medlem", Password);
            var frontSize = (await GetAsync("/", null)).Length;
            var itemSize = (await GetAsync("/" + itemPath, null)).Length;
            Directory.CreateDirectory(Path.Combine(portal, "wwwroot", "bench"));
            await File.WriteAllTextAsync(Path.Combine(portal, "wwwroot", "bench", "front.html"), StaticPage(frontSize));
            await File.WriteAllTextAsync(Path.Combine(portal, "wwwroot", "bench", "item.html"), StaticPage(itemSize));

            var targets = new (string Name, string Path, string? Cookie)[]
            {
                ("static file, size of the front page", "/bench/front.html", null),
                ("front page, anonymous", "/", null),
                ("front page, signed-in member", "/", cookie),
                ("static file, size of the item page", "/bench/item.html", null),
                ("item page, anonymous", "/" + itemPath, null),
                ("item page, signed-in member", "/" + itemPath, cookie),
            };
            foreach (var target in targets)
            {
                await WrkAsync(target.Path, target.Cookie, 2, connections); // warm-up
            }

            if (TextOption(args, "--trace") is { } traceFile)
            {
                // Where a signed-in member's item page spends its time: dotnet-trace (a global dotnet tool) samples the
                // portal while wrk asks for the page; open the .nettrace/.speedscope file in a profiler.
                await TraceAsync(server.Id, seconds, traceFile, () => WrkAsync("/" + itemPath, cookie, seconds, connections));
                Stop(server);
                return 0;
            }

            var results = targets.ToDictionary(t => t.Name, _ => new List<double>());
            var load = LoadAverage();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var target in targets)
                {
                    var rps = await WrkAsync(target.Path, target.Cookie, seconds, connections);
                    results[target.Name].Add(rps);
                    Console.WriteLine($"round {round}: {target.Name,-40} {rps,10:N0} req/s");
                }
            }

            var report = Report(results, items, seconds, rounds, connections, frontSize, itemSize, load);
            Console.WriteLine(report);
            WriteSection(Path.Combine(repo, "docs", "benchmarks.md"), report);
            Stop(server);
            return 0;
        }
        finally
        {
            CleanUp(work);
        }
    }

    private static string Report(Dictionary<string, List<double>> results, int items, int seconds, int rounds, int connections, int frontSize, int itemSize, string loadBefore)
    {
        double Median(string name) => results[name].Order().ElementAt(results[name].Count / 2);
        var staticFront = Median("static file, size of the front page");
        var staticItem = Median("static file, size of the item page");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: `nproc` = {Environment.ProcessorCount}, {CpuName()}, {Environment.OSVersion}, .NET {Environment.Version}. Load average before: {loadBefore}; wrk runs on the same 2 cores as the portal.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Tenant with {items:N0} items (public, tenant-wide and network items); `wrk -t2 -c{connections} -d{seconds}s` on 127.0.0.1, {rounds} rounds, each round running every target in turn; median of the rounds. Front page {frontSize:N0} bytes, item page {itemSize:N0} bytes; each static file has the same size and comes from the same Kestrel.");
        text.AppendLine();
        text.AppendLine("| target | req/s (median) | rounds | ÷ static file of the same size | goal |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: |");
        foreach (var (name, values) in results)
        {
            var reference = name.Contains("item", StringComparison.Ordinal) ? staticItem : staticFront;
            var goal = name.Contains("anonymous", StringComparison.Ordinal) ? "≥ 0.3" : name.Contains("member", StringComparison.Ordinal) ? "≥ 0.1" : "";
            var ratio = name.StartsWith("static", StringComparison.Ordinal) ? "1" : (Median(name) / reference).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(name):N0} | {string.Join(" / ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))} | {ratio} | {goal} |");
        }

        return text.ToString();
    }

    private const string EarlierRuns = "### Earlier runs";

    /// <summary>Replaces the page-throughput run in docs/benchmarks.md (or appends the section).</summary>
    private static void WriteSection(string path, string run)
    {
        WriteSection(path, "## Page throughput", PagesIntro, run);
    }

    private const string PagesIntro = """
            `dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- pages [--items 10000] [--seconds 8] [--rounds 3]`
            publishes the portal in Release, sets up the Default tenant, imports the items with `recipes run`, creates a member of
            two networks, and measures with `wrk` (Debian package) the front page and an item page, anonymous and signed in,
            each beside a static file of the same size from the same Kestrel. Anonymous pages come from the anonymous page cache
            (keyed by tenant, language and content generation); a signed-in member's page is rendered for every request.
            Measuring starts once the portal has gone idle (the search indexer has caught up on the imported items).
            `--trace file` instead samples the portal with `dotnet-trace` (a global dotnet tool) while `wrk` asks for the
            member's item page, and writes a Speedscope file to see where a signed-in request spends its time.
            """;

    /// <summary>Replaces the section under <paramref name="heading"/> in docs/benchmarks.md (or appends it), leaving the others.</summary>
    internal static void WriteSection(string path, string heading, string intro, string run)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var section = heading + "\n\n" + intro.Replace("\r", "", StringComparison.Ordinal) + "\n\n" + run;
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            text = text.TrimEnd() + "\n\n" + section;
        }
        else
        {
            // The section's "Earlier runs" (written by hand from runs before this one) stay; the last run is replaced.
            var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next + 1;
            var earlier = text.IndexOf(EarlierRuns, start, end - start, StringComparison.Ordinal);
            var kept = earlier < 0 ? "" : "\n" + text[earlier..end].TrimEnd() + "\n";
            text = text[..start] + section.TrimEnd() + "\n" + kept + (next < 0 ? "" : "\n" + text[end..]);
        }

        File.WriteAllText(path, text.TrimEnd() + "\n");
    }

    private static (string[] Networks, string ItemPath) WriteRecipe(string path, int count)
    {
        var networks = Enumerable.Range(1, 10).Select(_ => ContentManager.NewId()).ToArray();
        var data = new JsonArray();
        var now = DateTime.UtcNow;
        for (var n = 0; n < networks.Length; n++)
        {
            data.Add(Item(networks[n], "Network", $"Ledernetværk {n + 1}", "Public", null, now.AddDays(-400), $"bench/netvaerk-{n + 1}"));
        }

        var random = new Random(20261201);
        string? itemPath = null;
        for (var i = 0; i < count; i++)
        {
            var kind = i % 10;
            var (type, visibility) = kind < 4 ? ("KnowledgeArticle", "Public") : kind < 7 ? ("KnowledgeArticle", "Tenant") : ("MeetingNote", "Network");
            var network = visibility == "Network" ? networks[random.Next(networks.Length)] : null;
            var itemPathHere = $"bench/{i}";
            itemPath ??= kind == 0 ? itemPathHere : null;
            data.Add(Item(ContentManager.NewId(), type, $"Erfaringer fra netværksmøde nr. {i}", visibility, network, now.AddMinutes(-i), itemPathHere));
        }

        var recipe = new JsonObject
        {
            ["name"] = "page-benchmark",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["data"] = data }),
        };
        File.WriteAllText(path, recipe.ToJsonString());
        return (networks, itemPath!);
    }

    private static JsonObject Item(string id, string type, string title, string visibility, string? network, DateTime modified, string path)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentItemVersionId"] = ContentManager.NewId(),
            ["ContentType"] = type,
            ["DisplayText"] = title,
            ["Latest"] = true,
            ["Published"] = true,
            ["CreatedUtc"] = modified,
            ["ModifiedUtc"] = modified,
            ["PublishedUtc"] = modified,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = string.Join("\n\n", Enumerable.Repeat("Vi drøftede, hvordan ledere på tværs af forvaltninger giver hinanden **kollegial sparring** på svære sager, og hvad vi tager med hjem.", 8)) },
            ["AutoroutePart"] = new JsonObject { ["Path"] = path },
            ["VisibilityPart"] = new JsonObject { ["Visibility"] = visibility },
        };
        if (network is not null)
        {
            item["NetworkItemPart"] = new JsonObject { ["NetworkContentItemId"] = network };
        }

        if (type == "MeetingNote")
        {
            item["MeetingNotePart"] = new JsonObject { ["MeetingDate"] = modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }

        return item;
    }

    private static async Task<string> SignInAsync(string user, string password)
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
        var auth = handler.CookieContainer.GetCookies(new Uri(BaseUrl)).Where(c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal)).ToList();
        return auth.Count > 0
            ? string.Join("; ", auth.Select(c => $"{c.Name}={c.Value}"))
            : throw new InvalidOperationException($"Sign-in as {user} failed: {(int)response.StatusCode} {response.Headers.Location} {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])}");
    }

    private static async Task<string> GetAsync(string path, string? cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<double> WrkAsync(string path, string? cookie, int seconds, int connections)
    {
        var header = cookie is null ? "" : $" -H \"Cookie: {cookie}\"";
        var output = await RunAsync("wrk", $"-t2 -c{connections} -d{seconds}s{header} {BaseUrl}{path}", Environment.CurrentDirectory);
        var errors = Non2xx().Match(output);
        if (errors.Success)
        {
            throw new InvalidOperationException($"wrk saw non-2xx answers from {path}:\n{output}");
        }

        return double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    internal static Process StartPortal(string portal, string appData, int? idleMinutes = null, bool serverGc = false)
    {
        var start = new ProcessStartInfo("dotnet", $"NetvaerkPortal.Web.dll --urls {BaseUrl}")
        {
            WorkingDirectory = portal,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        SetPortalEnvironment(start, appData);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (idleMinutes is { } minutes)
        {
            start.Environment["Portal__Tenants__IdleMinutes"] = minutes.ToString(CultureInfo.InvariantCulture);
        }

        if (serverGc)
        {
            start.Environment["DOTNET_gcServer"] = "1";
        }

        var process = Process.Start(start)!;
        Started.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void SetPortalEnvironment(ProcessStartInfo start, string appData)
    {
        start.Environment["Portal__AppDataPath"] = appData;
        start.Environment["Portal__Setup__AdminPassword"] = Password;
    }

    internal static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already stopped and disposed.
        }
    }

    internal static async Task WaitForAsync(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if ((await client.GetAsync(new Uri(path, UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not answer {path} within {timeout.TotalSeconds} s.");
    }

    internal static async Task<string> RunAsync(string file, string arguments, string directory, string? appData = null)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (appData is not null)
        {
            SetPortalEnvironment(start, appData);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        return await output;
    }

    private static string StaticPage(int size)
    {
        var head = "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Statisk</title></head><body><p>";
        const string tail = "</p></body></html>";
        return head + new string('x', Math.Max(0, size - head.Length - tail.Length)) + tail;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetvaerkPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (NetvaerkPortal.sln not found above the working directory).");
    }

    /// <summary>Waits until the process has used under 5 % of a core for 3 seconds in a row; returns the seconds waited.</summary>
    internal static async Task<double> WaitForIdleAsync(Process process, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var quietSeconds = 0;
        var last = process.TotalProcessorTime;
        while (quietSeconds < 3 && started.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            process.Refresh();
            var now = process.TotalProcessorTime;
            quietSeconds = (now - last).TotalSeconds < 0.05 ? quietSeconds + 1 : 0;
            last = now;
        }

        return started.Elapsed.TotalSeconds;
    }

    internal static string? TextOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Samples process <paramref name="processId"/> with dotnet-trace (a global dotnet tool) for <paramref name="seconds"/>
    /// while <paramref name="workload"/> runs, and writes a Speedscope file beside <paramref name="traceFile"/>.</summary>
    internal static async Task TraceAsync(int processId, int seconds, string traceFile, Func<Task> workload)
    {
        var collect = await RunInBackgroundAsync("dotnet-trace", $"collect -p {processId} --duration 00:00:00:{seconds:00} --format Speedscope -o \"{Path.GetFullPath(traceFile)}\"");
        await workload();
        await collect.WaitForExitAsync();
        Console.WriteLine($"Trace written to {traceFile} (and .speedscope.json).");
    }

    /// <summary>Stops every portal this run started and removes its work folder.</summary>
    internal static void CleanUp(string work)
    {
        foreach (var process in Started)
        {
            Stop(process);
        }

        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopped process; the temp folder is cleaned by the system.
        }
    }

    private static async Task<Process> RunInBackgroundAsync(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false }) ?? throw new InvalidOperationException($"{file} did not start.");
        await Task.Delay(TimeSpan.FromSeconds(2));
        return process;
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    internal static string CpuName() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "unknown CPU";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
