using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Search;

namespace NetvaerkPortal.Tests.Operations;

/// <summary>Two portal processes on two ports with one PostgreSQL and one Redis, each node with its own App_Data (its
/// Lucene index), started with the environment compose.yaml gives its nodes (<see cref="TwoNodeEnvironment"/>).</summary>
public sealed class TwoNodesOnPostgresAndRedisTests
{
    private const string Password = "Test-Password-123";
    private const int CatchUpSeconds = 10;
    private static readonly TimeSpan SignalWindow = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Two_nodes_share_sign_in_content_search_and_tenants_and_keep_serving_without_redis_or_after_a_kill_9()
    {
        using var database = TestDatabase.Create(NetvaerkPortal.Data.DatabaseProviders.Postgres);
        using var redis = RedisServer.Start();
        using var appDataA = new TempAppData();
        using var appDataB = new TempAppData();
        using var media = new TempAppData();
        var environmentA = Environment(1, database, redis, appDataA, media);
        var environmentB = Environment(2, database, redis, appDataB, media);
        await using var a = await PortalProcess.StartAsync(environmentA);
        await using var b = await PortalProcess.StartAsync(environmentB);

        // Sign in on A with the antiforgery token B issued, then use A's cookie on B.
        var cookies = new CookieContainer();
        using var onA = new BrowserlessSession(a.Client(cookies));
        using var onB = new BrowserlessSession(b.Client(cookies));
        var tokenFromB = await onB.AntiforgeryTokenAsync("/account/login");
        Assert.NotNull(tokenFromB);
        using (var signIn = await onA.PostAsync("/account/login", new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Password, ["__RequestVerificationToken"] = tokenFromB!,
        }))
        {
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in on A with B's antiforgery token: {(int)signIn.StatusCode}\n{a.Output}");
        }

        using (var me = await onB.GetAsync("/api/me/data"))
        {
            Assert.True(me.StatusCode == HttpStatusCode.OK, $"A's cookie on B: {(int)me.StatusCode}\n{b.Output}");
        }

        // Published on A, found by search on B within 2 s (the timer alone would take up to 10 s).
        var token = await NodeApi.TokenAsync(environmentA, "admin");
        using var clientA = a.Client();
        using var clientB = b.Client();
        for (var round = 0; round < 3; round++)
        {
            var found = await PublishAndFindAsync(clientA, clientB, token, $"zqxvsig{(char)('a' + round)}");
            Assert.True(found <= SignalWindow, $"B found A's write after {found.TotalSeconds:0.0} s\n{b.Output}");
        }

        // A tenant created on A (its administration page) answers on B within 2 s.
        using (var create = await onA.SubmitAsync("/admin/tenants", new Dictionary<string, string>
        {
            ["Input.SiteName"] = "Vesthavn Kommune",
            ["Input.Name"] = "Vesthavn",
            ["Input.Prefix"] = "vesthavn",
            ["Input.Recipe"] = "ny-organisation",
            ["Input.AdminUserName"] = "admin",
            ["Input.AdminEmail"] = "admin@vesthavn.example",
            ["Input.AdminPassword"] = Password,
        }))
        {
            Assert.True(create.IsSuccessStatusCode || create.StatusCode == HttpStatusCode.Redirect, $"creating a tenant on A: {(int)create.StatusCode}\n{a.Output}");
        }

        var created = Stopwatch.StartNew();
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(clientB, "/vesthavn/") == HttpStatusCode.OK), $"the new tenant never answered on B\n{b.Output}");
        Assert.True(created.Elapsed <= SignalWindow, $"the new tenant answered on B after {created.Elapsed.TotalSeconds:0.0} s");

        // Redis goes away: both nodes keep serving, and B catches up on A's writes by its timer.
        redis.Stop();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(clientA, "/"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(clientB, "/"));
        var byTimer = await PublishAndFindAsync(clientA, clientB, token, "zqxvtimer");
        Assert.True(byTimer <= TimeSpan.FromSeconds(CatchUpSeconds + 3), $"without Redis B found A's write after {byTimer.TotalSeconds:0.0} s\n{b.Output}");
        using (var stillSignedIn = await onB.GetAsync("/api/me/data"))
        {
            Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        }

        // Redis is back: signals resume (the nodes reconnect by themselves; give them a few seconds).
        redis.Resume();
        var resumed = false;
        for (var attempt = 0; attempt < 10 && !resumed; attempt++)
        {
            resumed = await PublishAndFindAsync(clientA, clientB, token, $"zqxvretur{(char)('a' + attempt)}") <= SignalWindow;
        }

        Assert.True(resumed, $"signals did not resume after Redis came back\n{b.Output}");

        // kill -9 of A while a writer runs against it: B keeps serving, and holds every write A acknowledged.
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writer = PortalProcessTests.WriteUntilGoneAsync(clientA, token, acknowledged);
        Assert.True(await Eventually.TrueAsync(() => acknowledged.Count >= 10), "A acknowledged too few writes");
        a.KillHard();
        await writer;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(clientB, "/"));
        foreach (var id in acknowledged)
        {
            var status = await NodeApi.ReadStatusAsync(clientB, token, id);
            Assert.True(status == HttpStatusCode.OK, $"{id} acknowledged by A before kill -9 but answers {(int)status} on B");
        }
    }

    private static Dictionary<string, string> Environment(int node, TestDatabase database, RedisServer redis, TempAppData appData, TempAppData media) =>
        new(TwoNodeEnvironment.For(node, database.ConnectionString, redis.Configuration, appData.Path, media.Path, CatchUpSeconds))
        {
            ["Portal__Setup__AdminPassword"] = Password,
        };

    /// <summary>Publishes a public article holding <paramref name="word"/> on A and returns how long B's search took to find it.</summary>
    private static async Task<TimeSpan> PublishAndFindAsync(HttpClient onA, HttpClient onB, string token, string word)
    {
        await NodeApi.PublishArticleAsync(onA, token, $"Erfaring om {word}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(CatchUpSeconds * 3))
        {
            using var response = await onB.GetAsync(new Uri($"/api/search?q={word}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK && (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]! > 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
