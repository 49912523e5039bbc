using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>What a test does to a <see cref="PortalProcess"/> from outside: a token from the operator's command line (run
/// with the node's own environment), and content written and read through the JSON API.</summary>
public static class NodeApi
{
    /// <summary>`tokens create` as its own process, with the environment the node runs with.</summary>
    public static async Task<string> TokenAsync(IReadOnlyDictionary<string, string> environment, string user, string tenant = "Default") =>
        (await CommandAsync(environment, "tokens", "create", "--tenant", tenant, "--user", user)).Trim().Split('\n')[^1].Trim();

    /// <summary>A verb of the operator's command line as its own process, with the environment the node runs with; its output.</summary>
    public static async Task<string> CommandAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PortalProcess.WebProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Prepend(PortalProcess.WebAssembly))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}\n{error}");
        return await output;
    }

    /// <summary>Publishes a public knowledge article and returns its id once the node has acknowledged it (201).</summary>
    public static async Task<string> PublishArticleAsync(HttpClient client, string token, string title)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/content", UriKind.Relative))
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["ContentType"] = "KnowledgeArticle",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = $"Erfaringer fra netværket: {title}." },
                ["VisibilityPart"] = new JsonObject { ["Visibility"] = "Public" },
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/content answered {(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["ContentItemId"]!;
    }

    public static async Task<HttpStatusCode> ReadStatusAsync(HttpClient client, string token, string contentItemId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/content/{contentItemId}", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
