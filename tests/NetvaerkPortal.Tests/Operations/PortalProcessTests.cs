using System.Net;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Search;

namespace NetvaerkPortal.Tests.Operations;

/// <summary>The portal as an operator starts it (its own process, configuration from the environment): it sets up the
/// Default tenant on first start, serves its pages, and a kill -9 loses nothing it acknowledged.</summary>
public sealed class PortalProcessTests
{
    [Fact]
    public async Task A_node_started_from_the_environment_sets_up_and_serves_and_keeps_what_it_acknowledged_through_kill_9()
    {
        using var appData = new TempAppData();
        var environment = new Dictionary<string, string>
        {
            ["Portal__AppDataPath"] = appData.Path,
            ["Portal__Setup__AdminPassword"] = "Test-Password-123",
        };

        string[] acknowledged;
        await using (var node = await PortalProcess.StartAsync(environment))
        {
            using var client = node.Client();
            using var front = await client.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, front.StatusCode);
            var token = await NodeApi.TokenAsync(environment, "admin");
            // A writer keeps going while the node is killed: what it got a 201 for must survive.
            var written = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var writer = WriteUntilGoneAsync(client, token, written);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(written.Count >= 15)), "the node acknowledged too few writes");
            node.KillHard();
            await writer;
            Assert.True(node.HasExited);
            acknowledged = [.. written];
        }

        await using var restarted = await PortalProcess.StartAsync(environment);
        using var again = restarted.Client();
        var tokenAgain = await NodeApi.TokenAsync(environment, "admin");
        foreach (var id in acknowledged)
        {
            var status = await NodeApi.ReadStatusAsync(again, tokenAgain, id);
            Assert.True(status == HttpStatusCode.OK, $"{id} acknowledged before kill -9 but answers {(int)status}\n{restarted.Output}");
        }
    }

    /// <summary>Publishes articles until the node stops answering; <paramref name="acknowledged"/> gets every id it answered 201 for.</summary>
    internal static async Task WriteUntilGoneAsync(HttpClient client, string token, System.Collections.Concurrent.ConcurrentQueue<string> acknowledged)
    {
        for (var i = 0; i < 10_000; i++)
        {
            try
            {
                acknowledged.Enqueue(await NodeApi.PublishArticleAsync(client, token, $"Artikel før nedbrud {i}"));
            }
            catch (HttpRequestException)
            {
                return;
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }
}
