using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The authorization matrix of the meeting routes, on the same portal and readers as
/// <see cref="AuthorizationMatrixTests"/> (signed in by cookie; writes carry the antiforgery token), plus a coordinator
/// of network X. Meetings belong to their network: other readers get 404 (anonymous writers 401), members read and
/// answer, the coordinator and the tenant's editors and administrators plan; a case is changed by its giver only.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class MeetingPermissionMatrixTests(NetworkPortal portal)
{
    public enum Reader
    {
        Anonymous,
        MemberOfX,
        MemberOfY,
        CoordinatorOfX,
        Editor,
        Administrator,
        AdministratorOfOtherTenant,
    }

    /// <summary>What a route needs: see the network (Read), be a member (Respond), coordinate or edit (Plan), own the case.</summary>
    public enum Need
    {
        Read,
        Respond,
        Plan,
        OwnCase,
    }

    /// <param name="Success">What an allowed reader gets, when not the method's usual (POST 201, DELETE 204, else 200).</param>
    public sealed record Route(string Name, HttpMethod Method, string Path, string? Body, Need Need, HttpStatusCode? Success = null);

    private sealed record Setup(string Coordinator, string Meeting, string Held, string Case, string Action, string Evaluated = "");

    private static readonly Dictionary<NetworkPortal, Task<Setup>> Setups = [];
    private static readonly Lock SetupLock = new();

    private const string CoordinatorName = "moede-tovholder-x";

    public static readonly Route[] Routes =
    [
        new("list", HttpMethod.Get, "/api/networks/{network}/meetings", null, Need.Read),
        new("plan", HttpMethod.Post, "/api/networks/{network}/meetings", """{"Start": "2031-03-03T13:00", "DurationMinutes": 60}""", Need.Plan),
        new("network-attendance", HttpMethod.Get, "/api/networks/{network}/attendance", null, Need.Read),
        new("get", HttpMethod.Get, "/api/meetings/{meeting}", null, Need.Read),
        new("change", HttpMethod.Put, "/api/meetings/{meeting}", """{"Theme": "Ændret tema"}""", Need.Plan),
        new("delete", HttpMethod.Delete, "/api/meetings/{fresh}", null, Need.Plan),
        new("bring case", HttpMethod.Post, "/api/meetings/{meeting}/cases", """{"Title": "Sag", "KeyQuestion": "Hvordan?", "MinutesNeeded": 10}""", Need.Respond),
        new("pick cases", HttpMethod.Put, "/api/meetings/{meeting}/cases", """{"Selected": []}""", Need.Plan),
        new("edit case", HttpMethod.Put, "/api/meetings/{meeting}/cases/{case}", """{"Priority": 2}""", Need.OwnCase),
        new("agenda", HttpMethod.Get, "/api/meetings/{meeting}/agenda", null, Need.Read),
        new("roles", HttpMethod.Get, "/api/meetings/{meeting}/roles", null, Need.Read),
        new("set roles", HttpMethod.Put, "/api/meetings/{meeting}/roles", """{"MeetingLeader": "moede-tovholder-x", "NoteTaker": "moede-tovholder-x"}""", Need.Plan),
        new("rsvp", HttpMethod.Put, "/api/meetings/{meeting}/rsvp", """{"Answer": "yes"}""", Need.Respond),
        new("attendance", HttpMethod.Put, "/api/meetings/{held}/attendance", """{"Present": []}""", Need.Plan),
        new("add action", HttpMethod.Post, "/api/meetings/{held}/actions", """{"Text": "Opfølgning"}""", Need.Plan),
        new("action done", HttpMethod.Put, "/api/actions/{action}", """{"Done": false}""", Need.Plan),
        new("run state", HttpMethod.Get, "/api/meetings/{meeting}/run", null, Need.Read),
        // The held meeting's leader and timekeeper are the coordinator, so among these readers only Plan's may run it.
        new("run", HttpMethod.Post, "/api/meetings/{held}/run", """{"Action": "extend", "FromPosition": 0}""", Need.Plan, HttpStatusCode.OK),
        // Evaluation and health: answering needs a member who attended (both the member and the coordinator said yes).
        new("evaluation", HttpMethod.Get, "/api/meetings/{held}/evaluations", null, Need.Read),
        new("evaluate", HttpMethod.Post, "/api/meetings/{evaluated}/evaluations", """{"Value": 4, "Time": 4, "Energy": 4, "WorthIt": true}""", Need.Respond),
        new("health", HttpMethod.Get, "/api/networks/{network}/health", null, Need.Read),
        // Notes: the stored meeting leader and note-taker are the coordinator, so writing is Plan's cell here.
        new("notes", HttpMethod.Get, "/api/meetings/{held}/notes", null, Need.Read),
        new("save note", HttpMethod.Put, "/api/meetings/{held}/notes/-1", """{"Text": "Matrixnoter", "Revision": 0}""", Need.Plan),
        new("add decision", HttpMethod.Post, "/api/meetings/{held}/decisions", """{"Text": "Matrixbeslutning"}""", Need.Plan),
        new("delete decision", HttpMethod.Delete, "/api/decisions/{decision}", null, Need.Plan),
        new("promote learning", HttpMethod.Post, "/api/meetings/{held}/learnings", """{"Title": "Matrixlæring", "Text": "Hvad vi lærte"}""", Need.Plan),
    ];

    public static TheoryData<Reader, string> Cells()
    {
        var cells = new TheoryData<Reader, string>();
        foreach (var reader in Enum.GetValues<Reader>())
        {
            foreach (var route in Routes)
            {
                cells.Add(reader, route.Name);
            }
        }

        return cells;
    }

    /// <summary>The rules, written out. The meeting's stored meeting leader and note-taker are the coordinator, so a
    /// plain member has no meeting role here; the case belongs to the member of X.</summary>
    private static HttpStatusCode Expected(Reader reader, Route route)
    {
        var sees = reader is Reader.MemberOfX or Reader.CoordinatorOfX or Reader.Editor or Reader.Administrator;
        if (!sees)
        {
            return route.Method == HttpMethod.Get || reader == Reader.MemberOfY ? HttpStatusCode.NotFound : HttpStatusCode.Unauthorized;
        }

        var allowed = route.Need switch
        {
            Need.Read => true,
            Need.Respond => reader is Reader.MemberOfX or Reader.CoordinatorOfX,
            Need.Plan => reader is Reader.CoordinatorOfX or Reader.Editor or Reader.Administrator,
            _ => reader == Reader.MemberOfX,
        };
        if (!allowed)
        {
            return HttpStatusCode.Forbidden;
        }

        return route.Success ?? (route.Method == HttpMethod.Post ? HttpStatusCode.Created : route.Method == HttpMethod.Delete ? HttpStatusCode.NoContent : HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_reader_gets_exactly_what_the_rules_allow_on_every_meeting_route(Reader reader, string routeName)
    {
        var setup = await SetupAsync();
        var route = Routes.Single(r => r.Name == routeName);
        var fresh = route.Path.Contains("{fresh}", StringComparison.Ordinal) ? await PlanAsync(setup.Coordinator) : "";
        var decision = route.Path.Contains("{decision}", StringComparison.Ordinal) ? await DecisionAsync(setup.Held) : "";
        var path = route.Path.Replace("{network}", portal.NetworkX, StringComparison.Ordinal).Replace("{meeting}", setup.Meeting, StringComparison.Ordinal)
            .Replace("{held}", setup.Held, StringComparison.Ordinal).Replace("{case}", setup.Case, StringComparison.Ordinal)
            .Replace("{action}", setup.Action, StringComparison.Ordinal).Replace("{fresh}", fresh, StringComparison.Ordinal)
            .Replace("{evaluated}", setup.Evaluated, StringComparison.Ordinal)
            .Replace("{decision}", decision, StringComparison.Ordinal);

        var response = await SendAsync(reader, setup, route.Method, "/alfa" + path, route.Body);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(Expected(reader, route) == response.StatusCode, $"{reader} {route.Method} {path}: expected {Expected(reader, route)}, got {response.StatusCode}: {body}");
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Assert.DoesNotContain("Ændret tema", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Hemmelig sag 7117", body, StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Reader reader, Setup setup, HttpMethod method, string path, string? body)
    {
        var cookie = reader switch
        {
            Reader.Anonymous => "",
            Reader.MemberOfX => portal.Cookie(ReaderKind.MemberOfX),
            Reader.MemberOfY => portal.Cookie(ReaderKind.MemberOfY),
            Reader.CoordinatorOfX => setup.Coordinator,
            Reader.Editor => portal.Cookie(ReaderKind.Editor),
            Reader.Administrator => portal.Cookie(ReaderKind.Administrator),
            _ => portal.Cookie(ReaderKind.AdministratorOfOtherTenant),
        };
        using var client = portal.Client(ReaderKind.Anonymous);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : NetworkPortal.Json(body) };
        if (method != HttpMethod.Get && cookie.Length > 0)
        {
            // A browser session's write: the antiforgery token in its header and cookie, as the pages' scripts send it.
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/alfa/api/antiforgery", UriKind.Relative));
            tokenRequest.Headers.Add("Cookie", cookie);
            var tokenResponse = await client.SendAsync(tokenRequest);
            if (tokenResponse.IsSuccessStatusCode)
            {
                var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!;
                cookie += "; " + string.Join("; ", NetworkPortal.SetCookies(tokenResponse).Select(c => $"{c.Name}={c.Value}"));
                request.Headers.Add((string)token["headerName"]!, (string)token["token"]!);
            }
        }

        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    private Task<Setup> SetupAsync()
    {
        lock (SetupLock)
        {
            if (!Setups.TryGetValue(portal, out var setup))
            {
                setup = CreateSetupAsync();
                Setups[portal] = setup;
            }

            return setup;
        }
    }

    /// <summary>A coordinator of X; a meeting with the coordinator as meeting leader and note-taker and a case of the
    /// member of X; a meeting that has been held (for attendance, actions and the run-sheet), led, timed and noted by the
    /// coordinator too, with an action and a chosen case.</summary>
    private async Task<Setup> CreateSetupAsync()
    {
        var coordinatorId = await portal.CreateUserAsync(portal.Alfa, CoordinatorName, PortalRoles.Member, (portal.NetworkX, NetworkRoles.Coordinator));
        var cookie = await portal.SignInAsync("alfa", CoordinatorName);
        return await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var planner = services.GetRequiredService<MeetingPlanner>();
            var start = DateTime.SpecifyKind(DateTime.Now.Date.AddDays(50).AddHours(13), DateTimeKind.Unspecified);
            var meeting = (await planner.PlanAsync(portal.NetworkX, new PlanMeetings(start, 180, null, "Rådhuset", "Matrix")))[0].Id;
            var held = (await planner.PlanAsync(portal.NetworkX, new PlanMeetings(start, 180, null, null, "Afholdt")))[0].Id;
            await services.GetRequiredService<MeetingRoster>().SetAsync(meeting, new RoleAssignment(coordinatorId, null, coordinatorId, null, []));
            await services.GetRequiredService<MeetingRoster>().SetAsync(held, new RoleAssignment(coordinatorId, coordinatorId, coordinatorId, null, []));
            var memberOfX = (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByNameAsync("medlem-x"))!.Id;
            var item = await services.GetRequiredService<CaseIntake>().BringAsync(meeting, memberOfX, new BringCase("Hemmelig sag 7117", "Hvad nu?", 20, 1));
            // The held meeting's agenda is one chosen case, so its run-sheet has an item to run.
            var heldCase = await services.GetRequiredService<CaseIntake>().BringAsync(held, memberOfX, new BringCase("Afviklingssag", "Hvad nu?", 20, 1));
            await services.GetRequiredService<CaseIntake>().SelectAsync(held, [heldCase.Id]);
            var db = services.GetRequiredService<MeetingsDbContext>();
            await db.InPortalTransactionAsync(() => db.Meetings.Where(m => m.Id == held)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartUtc, DateTime.UtcNow.AddMinutes(-30)), CancellationToken.None), CancellationToken.None);
            var action = await services.GetRequiredService<MeetingActions>().AddAsync(held, "Matrixhandling", null, null);
            var evaluated = (await planner.PlanAsync(portal.NetworkX, new PlanMeetings(start, 180, null, null, "Evalueres")))[0].Id;
            db.Rsvps.AddRange(
                new MeetingRsvp { MeetingId = evaluated, UserId = memberOfX, Attending = true, AnsweredUtc = DateTime.UtcNow },
                new MeetingRsvp { MeetingId = evaluated, UserId = coordinatorId, Attending = true, AnsweredUtc = DateTime.UtcNow });
            await db.InPortalTransactionAsync(() => db.SaveChangesAsync(CancellationToken.None), CancellationToken.None);
            await db.InPortalTransactionAsync(() => db.Meetings.Where(m => m.Id == evaluated)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.StartUtc, DateTime.UtcNow.AddMinutes(-30)), CancellationToken.None), CancellationToken.None);
            return new Setup(cookie, meeting, held, item.Id, action.Id, evaluated);
        });
    }

    /// <summary>A decision of the held meeting, one per cell (the delete route removes it).</summary>
    private Task<string> DecisionAsync(string meetingId) =>
        portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<Netvaerk.Meetings.Notes.MeetingDecisions>().AddAsync(
                (await services.GetRequiredService<MeetingPlanner>().GetAsync(meetingId))!, "Til sletning", null, "matrix")).Id);

    private async Task<string> PlanAsync(string coordinatorCookie) =>
        await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<MeetingPlanner>().PlanAsync(portal.NetworkX,
                new PlanMeetings(DateTime.SpecifyKind(DateTime.Now.Date.AddDays(60).AddHours(10), DateTimeKind.Unspecified), 60, null, null, coordinatorCookie.Length > 0 ? "Til sletning" : null)))[0].Id);
}
