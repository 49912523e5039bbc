using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>What the run-sheet tests do with the meetings portal: a meeting of network X that began some minutes ago
/// (leader anne, timekeeper bo, note-taker carl; carl's case chosen), sign-in cookies, and hub connections.</summary>
public static partial class RunSheetSupport
{
    /// <summary>Check-in 15, then carl's case: Casefremlæggelse 10, Afklarende spørgsmål 15, Refleksion 20; Afslutning 10.</summary>
    public static async Task<string> RunningMeetingAsync(this MeetingsApiPortal portal, int startedMinutesAgo = 3, bool withCase = true)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var meetingId = (await portal.PlanAsync(1, 3, theme: "Afvikling"))[0];
        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var ids = portal.UserIds;
            await services.GetRequiredService<MeetingRoster>().SetAsync(meetingId, new RoleAssignment(ids["anne"], ids["bo"], ids["carl"], null, []));
            if (withCase)
            {
                var intake = services.GetRequiredService<CaseIntake>();
                var item = await intake.BringAsync(meetingId, ids["carl"], new BringCase("Ny medarbejder mistrives", "Hvordan tager jeg samtalen?", 30, 1));
                await intake.SelectAsync(meetingId, [item.Id]);
            }

            await portal.StartAtAsync(meetingId, portal.Clock.GetUtcNow().UtcDateTime.AddMinutes(-startedMinutesAgo));
            return true;
        });
        return meetingId;
    }

    /// <summary>Moves the meeting's start (planning refuses a start in the past, so the tests write it straight).</summary>
    public static Task StartAtAsync(this MeetingsApiPortal portal, string meetingId, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            var start = new DateTime(startUtc.Ticks - startUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            return await db.InPortalTransactionAsync(() => db.Meetings.Where(m => m.Id == meetingId)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartUtc, start), CancellationToken.None), CancellationToken.None);
        });
    }

    public static Task<IReadOnlyList<MeetingRunItem>> RunItemsAsync(this MeetingsApiPortal portal, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            return (IReadOnlyList<MeetingRunItem>)await db.InPortalTransactionAsync(() =>
                db.RunItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.Position).ToListAsync(), CancellationToken.None);
        });
    }

    /// <summary>The sign-in cookie of <paramref name="user"/> on the tenant with the prefix (a browser's, for the hub).</summary>
    public static async Task<string> CookieAsync(this MeetingsApiPortal portal, string user, string prefix = "alfa")
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var client = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync(new Uri($"/{prefix}/account/login", UriKind.Relative));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{prefix}/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Password"] = MeetingsApiPortal.Password, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", string.Join("; ", NetworkPortal.SetCookies(form).Select(c => $"{c.Name}={c.Value}")));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", NetworkPortal.SetCookies(response).Where(c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>A started connection to the meetings hub over WebSockets on the test server, with the cookie.</summary>
    public static async Task<HubConnection> HubAsync(this MeetingsApiPortal portal, string cookie, string prefix = "/alfa")
    {
        ArgumentNullException.ThrowIfNull(portal);
        var server = portal.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, prefix + "/hubs/moeder"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (cookie.Length > 0)
                {
                    options.Headers["Cookie"] = cookie;
                }

                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (cookie.Length > 0)
                        {
                            request.Headers["Cookie"] = cookie;
                        }
                    };
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
