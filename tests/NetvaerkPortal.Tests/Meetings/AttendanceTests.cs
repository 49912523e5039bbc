using System.Net;
using System.Text.Json.Nodes;
using Netvaerk.Meetings;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The network's commitment (page /moeder/netvaerk/{id}/fremmoede and GET /api/networks/{id}/attendance):
/// who sees what (anonymous, a non-member, a member, the coordinator, an editor), and the counts themselves.</summary>
[Collection(CalendarPortalCollection.Name)]
public sealed class AttendanceTests(CalendarPortal portal)
{
    private static readonly string MemberOfX = NetworkPortal.UserName(ReaderKind.MemberOfX);
    private static readonly string Editor = NetworkPortal.UserName(ReaderKind.Editor);
    private static readonly string MemberOfY = NetworkPortal.UserName(ReaderKind.MemberOfY);

    public static TheoryData<string?, HttpStatusCode, bool> ApiReaders => new()
    {
        { null, HttpStatusCode.NotFound, false },
        { CalendarPortal.Outsider, HttpStatusCode.NotFound, false },
        { NetworkPortal.UserName(ReaderKind.MemberOfY), HttpStatusCode.NotFound, false },
        { NetworkPortal.UserName(ReaderKind.MemberOfX), HttpStatusCode.OK, false },
        { CalendarPortal.CoordinatorOfX, HttpStatusCode.OK, true },
        { NetworkPortal.UserName(ReaderKind.Editor), HttpStatusCode.OK, true },
    };

    [Theory]
    [MemberData(nameof(ApiReaders))]
    public async Task The_api_shows_a_member_their_own_row_and_the_coordinator_and_editors_everyones(string? reader, HttpStatusCode expected, bool seesAll)
    {
        var meeting = await RecordedMeetingInXAsync();
        using var client = await portal.ClientAsync(reader);

        var response = await client.GetAsync(CalendarPortal.Url($"/alfa/api/networks/{portal.NetworkX}/attendance"));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain(meeting.Id, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return;
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var names = json["members"]!.AsArray().Select(m => (string)m!["userName"]!).ToList();
        var tally = json["meetings"]!.AsArray().Single(m => (string)m!["id"]! == meeting.Id)!;
        Assert.Equal((2, true), ((int)tally["present"]!, (bool)tally["recorded"]!));
        if (seesAll)
        {
            Assert.Contains(MemberOfX, names);
            Assert.Contains(CalendarPortal.CoordinatorOfX, names);
        }
        else
        {
            Assert.Equal(new[] { reader! }, names);
        }
    }

    public static TheoryData<string?, HttpStatusCode> PageReaders => new()
    {
        { null, HttpStatusCode.Redirect },
        { CalendarPortal.Outsider, HttpStatusCode.NotFound },
        { NetworkPortal.UserName(ReaderKind.MemberOfY), HttpStatusCode.NotFound },
        { NetworkPortal.UserName(ReaderKind.MemberOfX), HttpStatusCode.OK },
        { CalendarPortal.CoordinatorOfX, HttpStatusCode.OK },
        { NetworkPortal.UserName(ReaderKind.Editor), HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(PageReaders))]
    public async Task The_page_follows_the_same_rules(string? reader, HttpStatusCode expected)
    {
        await RecordedMeetingInXAsync();
        using var client = await portal.ClientAsync(reader);

        var response = await client.GetAsync(CalendarPortal.Url($"/alfa/moeder/netvaerk/{portal.NetworkX}/fremmoede"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Contains("/alfa/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        else if (reader == MemberOfX)
        {
            Assert.Contains("Dit fremmøde", html, StringComparison.Ordinal);
            Assert.DoesNotContain(CalendarPortal.CoordinatorOfX, html, StringComparison.Ordinal);
        }
        else if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("Fremmøde: Netværk X", html, StringComparison.Ordinal);
            Assert.Contains($"<th scope=\"row\">{MemberOfX}</th>", html, StringComparison.Ordinal);
            Assert.Contains($"<th scope=\"row\">{CalendarPortal.CoordinatorOfX}</th>", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Netværk X", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("4b0c0ffee4b0c0ffee4b0c0ffe")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("x")]
    public async Task A_network_that_does_not_exist_is_404_for_an_editor_too(string networkId)
    {
        using var editor = await portal.ClientAsync(Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CalendarPortal.Url($"/alfa/api/networks/{networkId}/attendance"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CalendarPortal.Url($"/alfa/moeder/netvaerk/{networkId}/fremmoede"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(CalendarPortal.Url($"/alfa/api/networks/{new string('a', 10_000)}/attendance"))).StatusCode);
    }

    [Fact]
    public async Task Counts_per_meeting_and_per_member_since_joining_leave_out_cancelled_meetings()
    {
        var network = (await portal.Portal.PublishAsync(portal.Alfa, NetworkPortal.Item("Network", "Netværk Fremmøde", "Om fremmøde", "Public"))).ContentItemId;
        var anna = await portal.Portal.CreateUserAsync(portal.Alfa, "f-anna", PortalRoles.Member, (network, NetworkRoles.Member));
        var bo = await portal.Portal.CreateUserAsync(portal.Alfa, "f-bo", PortalRoles.Member, (network, NetworkRoles.Coordinator));
        var guest = await portal.Portal.CreateUserAsync(portal.Alfa, "f-gaest", PortalRoles.Member, (network, NetworkRoles.Member));
        var late = await portal.Portal.CreateUserAsync(portal.Alfa, "f-ny", PortalRoles.Member, (network, NetworkRoles.Member));
        await portal.SetJoinedAsync(network, "f-anna", DateTime.UtcNow.AddYears(-2));
        await portal.SetJoinedAsync(network, "f-bo", DateTime.UtcNow.AddYears(-2));
        // Joined between the first and second meeting, but came to the first as a guest.
        await portal.SetJoinedAsync(network, "f-gaest", DateTime.UtcNow.AddDays(-45));
        var first = await portal.AddMeetingAsync(network, DateTime.Today.AddDays(-60).AddHours(13), m => m.AttendanceRecorded = true);
        var second = await portal.AddMeetingAsync(network, DateTime.Today.AddDays(-30).AddHours(13), m => m.AttendanceRecorded = true);
        var cancelled = await portal.AddMeetingAsync(network, DateTime.Today.AddDays(-20).AddHours(13), m => (m.AttendanceRecorded, m.Cancelled) = (true, true));
        var unrecorded = await portal.AddMeetingAsync(network, DateTime.Today.AddDays(-10).AddHours(13));
        var next = await portal.AddMeetingAsync(network, DateTime.Today.AddDays(30).AddHours(13));
        await portal.AddRowsAsync(
            Present(first, anna), Present(first, bo), Present(first, guest), Present(second, bo), Present(second, guest), Present(cancelled, anna),
            Answer(first, anna, true), Answer(second, anna, false), Answer(next, anna, true), Answer(cancelled, anna, true),
            Answer(first, bo, true), Answer(second, bo, true), Answer(next, late, true));
        using var coordinator = await portal.ClientAsync("f-bo");
        using var newcomer = await portal.ClientAsync("f-ny");

        var all = JsonNode.Parse(await coordinator.GetStringAsync(CalendarPortal.Url($"/alfa/api/networks/{network}/attendance")))!;
        var own = JsonNode.Parse(await newcomer.GetStringAsync(CalendarPortal.Url($"/alfa/api/networks/{network}/attendance")))!;
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(CalendarPortal.Url($"/alfa/moeder/netvaerk/{network}/fremmoede")));

        Assert.Equal(
            new[]
            {
                $"{first.Id} {MeetingTime.ToIso(first.StartUtc)} yes 2 no 0 present 3 recorded True",
                $"{second.Id} {MeetingTime.ToIso(second.StartUtc)} yes 1 no 1 present 2 recorded True",
                $"{unrecorded.Id} {MeetingTime.ToIso(unrecorded.StartUtc)} yes 0 no 0 present - recorded False",
                $"{next.Id} {MeetingTime.ToIso(next.StartUtc)} yes 2 no 0 present - recorded False",
            },
            all["meetings"]!.AsArray().Select(m => $"{m!["id"]} {m["start"]} yes {m["yes"]} no {m["no"]} present {m["present"]?.ToString() ?? "-"} recorded {(bool)m["recorded"]!}"));
        Assert.Equal(
            new[] { "f-anna 1/2 50% yes 2 no 1", "f-bo 2/2 100% yes 2 no 0", "f-gaest 2/2 100% yes 0 no 0", "f-ny 0/0 -% yes 1 no 0" },
            all["members"]!.AsArray().Select(m => $"{m!["userName"]} {m["attended"]}/{m["held"]} {m["rate"]?.ToString() ?? "-"}% yes {m["yes"]} no {m["no"]}"));
        Assert.Equal(4, own["meetings"]!.AsArray().Count);
        Assert.Equal("f-ny", (string)Assert.Single(own["members"]!.AsArray())!["userName"]!);
        Assert.Contains("1 af 2 møder", page, StringComparison.Ordinal);
        Assert.Contains("50 %", page, StringComparison.Ordinal);
        Assert.Contains("Ikke registreret", page, StringComparison.Ordinal);
        // Every meeting was at 13.00 Copenhagen time, whichever side of a change to or from summer time.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(page, "kl\\. 13\\.00"));
        Assert.DoesNotContain(cancelled.Id, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attendance_api_is_in_the_OpenAPI_description()
    {
        using var client = await portal.ClientAsync(null);

        var paths = JsonNode.Parse(await client.GetStringAsync(CalendarPortal.Url("/alfa/openapi/v1.json")))!["paths"]!;

        Assert.NotNull(paths["/api/networks/{networkId}/attendance"]?["get"]);
    }

    /// <summary>A held meeting of X at which the member of X and the coordinator were recorded present.</summary>
    private async Task<Meeting> RecordedMeetingInXAsync()
    {
        var meeting = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddDays(-7).AddHours(13), m => m.AttendanceRecorded = true);
        await portal.AddRowsAsync(
            Present(meeting, await portal.UserIdAsync(portal.Alfa, MemberOfX)),
            Present(meeting, await portal.UserIdAsync(portal.Alfa, CalendarPortal.CoordinatorOfX)),
            Answer(meeting, await portal.UserIdAsync(portal.Alfa, MemberOfY), true));
        return meeting;
    }

    private static MeetingAttendance Present(Meeting meeting, string userId) => new() { MeetingId = meeting.Id, UserId = userId };

    private static MeetingRsvp Answer(Meeting meeting, string userId, bool attending) =>
        new() { MeetingId = meeting.Id, UserId = userId, Attending = attending, AnsweredUtc = DateTime.UtcNow };
}
