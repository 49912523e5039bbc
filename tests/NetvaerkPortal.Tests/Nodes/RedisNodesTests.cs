using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Running;
using NetvaerkPortal.Content;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Nodes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Nodes;

/// <summary>What two nodes share through Redis: keys (cookies and antiforgery tokens work on either), the SignalR backplane,
/// and signals (a write on one node is searchable on the other at once); and that Redis going away stops nothing.</summary>
public sealed class RedisNodesTests(RedisNodes nodes) : IClassFixture<RedisNodes>
{
    private static readonly TimeSpan Signalled = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_sign_in_cookie_from_node_A_is_accepted_by_node_B()
    {
        using var a = nodes.A.Client();
        using var b = nodes.B.Client();
        var (token, cookies) = await RedisNodes.LoginFormAsync(a);
        using var signIn = RedisNodes.SignIn(token, cookies);
        using var signedIn = await a.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        withCookie.Headers.Add("Cookie", RedisNodes.Cookies(signedIn));
        using var admin = await b.SendAsync(withCookie);
        using var anonymous = await b.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_antiforgery_token_from_node_A_is_accepted_by_node_B()
    {
        using var a = nodes.A.Client();
        using var b = nodes.B.Client();
        var (token, cookies) = await RedisNodes.LoginFormAsync(a);

        using var forged = RedisNodes.SignIn("CfDJ8" + new string('x', 100), cookies);
        using var refused = await b.SendAsync(forged);
        using var genuine = RedisNodes.SignIn(token, cookies);
        using var accepted = await b.SendAsync(genuine);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Content_written_on_node_A_is_found_on_node_B_at_once_and_B_renders_its_pages_afresh()
    {
        var signal = nodes.B.Services.GetRequiredService<IndexingSignal>();
        var before = signal.Generation(TenantSettings.DefaultName);

        var found = await WriteOnAAndSearchOnBAsync("hyldebærsaft", Signalled);

        Assert.True(found < Signalled, $"node B found the write after {found.TotalSeconds:0.0} s; a signal should make it well under {Signalled.TotalSeconds} s (timer: {RedisNodes.CatchUpSeconds} s)");
        Assert.NotEqual(before, signal.Generation(TenantSettings.DefaultName));
    }

    [Fact]
    public async Task A_run_sheet_change_sent_through_node_B_reaches_a_follower_on_node_A()
    {
        await using var follower = await HubAsync(nodes.A);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        follower.On<JsonElement>(RunSheetBroadcast.StateMessage, state => received.TrySetResult(state.GetRawText()));
        var group = RunSheetBroadcast.Group(TenantSettings.DefaultName, "moede-1");
        await nodes.A.Services.GetRequiredService<IHubContext<MeetingHub>>().Groups.AddToGroupAsync(follower.ConnectionId!, group);

        await nodes.B.Services.GetRequiredService<IHubContext<MeetingHub>>().Clients.Group(group)
            .SendAsync(RunSheetBroadcast.StateMessage, new { position = 2 });

        Assert.Same(received.Task, await Task.WhenAny(received.Task, Task.Delay(Signalled)));
        Assert.Contains("\"position\":2", await received.Task, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Redis_gone_both_nodes_serve_and_B_catches_up_by_timer_and_signals_resume_when_it_returns()
    {
        nodes.Redis.Stop();
        try
        {
            foreach (var node in new[] { nodes.A, nodes.B })
            {
                using var client = node.Client();
                foreach (var path in new[] { "/", "/account/login", "/api/search?q=netværk" })
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"{path} took {clock.Elapsed.TotalSeconds:0.0} s with Redis down");
                }
            }

            var byTimer = await WriteOnAAndSearchOnBAsync("rabarbergrød", TimeSpan.FromSeconds(RedisNodes.CatchUpSeconds + 3));
            Assert.True(byTimer <= TimeSpan.FromSeconds(RedisNodes.CatchUpSeconds + 3), $"node B caught up after {byTimer.TotalSeconds:0.0} s");
        }
        finally
        {
            nodes.Redis.Resume();
        }

        await ConnectedAsync(nodes.A);
        await ConnectedAsync(nodes.B);
        var found = await WriteOnAAndSearchOnBAsync("solbærsnaps", Signalled);
        Assert.True(found < Signalled, $"after Redis returned node B found the write after {found.TotalSeconds:0.0} s");
    }

    /// <summary>Publishes a public article with the word on node A and returns how long node B took to find it (or the limit).</summary>
    private async Task<TimeSpan> WriteOnAAndSearchOnBAsync(string word, TimeSpan limit)
    {
        var tenant = nodes.A.Services.GetRequiredService<TenantStore>().Find(TenantSettings.DefaultName)!;
        await using (var scope = nodes.A.Services.GetRequiredService<TenantScopes>().Create(tenant))
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = await content.NewAsync("KnowledgeArticle");
            item.GetOrCreatePart("TitlePart")["Title"] = "Opskrift";
            item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"Sådan laver man {word}.";
            item.GetOrCreatePart("VisibilityPart")["Visibility"] = "Public";
            await content.PublishAsync(item);
        }

        var clock = Stopwatch.StartNew();
        using var b = nodes.B.Client();
        while (clock.Elapsed < limit)
        {
            using var response = await b.GetAsync(new Uri($"/api/search?q={word}", UriKind.Relative));
            if (response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32() > 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        return limit;
    }

    private static async Task ConnectedAsync(PortalNode node)
    {
        var redis = node.Services.GetRequiredService<RedisConnection>().Multiplexer;
        for (var attempt = 0; attempt < 200 && !redis.IsConnected; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(redis.IsConnected, "a node did not reconnect to Redis within 20 s");
        // The subscription is restored right after the connection.
        await Task.Delay(500);
    }

    private static async Task<HubConnection> HubAsync(PortalNode node)
    {
        var server = node.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/moeder"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
