using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Benchmarks.ScaleOut;

/// <summary>One published portal process on a free loopback port with the environment it was given, and the two calls the
/// scale-out benchmark makes to it: publish an article through <c>POST /api/content</c>, and ask <c>GET /api/search</c>.</summary>
internal sealed class PortalNode : IAsyncDisposable
{
    private readonly Process _process;

    private PortalNode(Process process, Uri address)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public Process Process => _process;

    /// <summary>Starts <c>dotnet NetvaerkPortal.Web.dll</c> from <paramref name="portal"/> and waits until /health answers.</summary>
    public static async Task<PortalNode> StartAsync(string portal, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = Command(portal, environment, "NetvaerkPortal.Web.dll", "--urls", address.ToString().TrimEnd('/'));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new PortalNode(process, address);
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var health = await node.Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await node.DisposeAsync();
        throw new InvalidOperationException($"The portal at {address} did not answer /health (exited: {process.HasExited}).");
    }

    /// <summary>A verb of the operator's command line, run with the node's environment; its last line of output.</summary>
    public static async Task<string> CommandAsync(string portal, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(Command(portal, environment, ["NetvaerkPortal.Web.dll", .. arguments]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output).Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}\n{error}");
    }

    /// <summary>Publishes a public knowledge article titled <paramref name="title"/>; true once the node answered 201.</summary>
    public async Task<bool> PublishAsync(string token, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/content", UriKind.Relative))
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["ContentType"] = "KnowledgeArticle",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "Vi drøftede, hvordan ledere giver hinanden **kollegial sparring** på svære sager." },
                ["VisibilityPart"] = new JsonObject { ["Visibility"] = "Public" },
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>True when an anonymous search for <paramref name="word"/> finds something.</summary>
    public async Task<bool> FindsAsync(string word)
    {
        using var response = await Client.GetAsync(new Uri($"/api/search?q={word}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            && (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]! > 0;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Command(string portal, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = portal,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
