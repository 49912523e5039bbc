using System.Net;
using Ical.Net.CalendarComponents;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;
using IcsCalendar = Ical.Net.Calendar;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The iCalendar feeds, parsed back with Ical.Net: Copenhagen local times with their VTIMEZONE across a change
/// to summer time, moves (same UID, higher SEQUENCE), cancellations (kept, STATUS:CANCELLED), the 12-month window, and
/// which meetings each feed holds.</summary>
[Collection(CalendarPortalCollection.Name)]
public sealed class CalendarFeedTests(CalendarPortal portal)
{
    private const string Zone = "Europe/Copenhagen";

    [Fact]
    public async Task Meetings_keep_their_Copenhagen_wall_clock_times_on_both_sides_of_the_change_to_summer_time()
    {
        var change = LastSunday(DateTime.UtcNow.Year + 1, 3);
        var winter = await portal.AddMeetingAsync(portal.NetworkX, change.AddDays(-3).AddHours(13));
        var summer = await portal.AddMeetingAsync(portal.NetworkX, change.AddDays(4).AddHours(13));
        // 01.00 to 05.00 local on the night the clocks skip 02.00–03.00: three hours, not four.
        var overnight = await portal.AddMeetingAsync(portal.NetworkX, change.AddHours(1));

        var (text, calendar) = await NetworkFeedAsync(portal.NetworkX, NetworkPortal.UserName(ReaderKind.MemberOfX));

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(Zone, zone.TzId);
        var winterEvent = Event(calendar, winter);
        Assert.Equal((Zone, change.AddDays(-3).AddHours(13)), (winterEvent.DtStart!.TzId, winterEvent.DtStart.Value));
        Assert.Equal(change.AddDays(-3).AddHours(12), winterEvent.DtStart.AsUtc);
        Assert.Equal(change.AddDays(-3).AddHours(16), winterEvent.DtEnd!.Value);
        var summerEvent = Event(calendar, summer);
        Assert.Equal((Zone, change.AddDays(4).AddHours(13)), (summerEvent.DtStart!.TzId, summerEvent.DtStart.Value));
        Assert.Equal(change.AddDays(4).AddHours(11), summerEvent.DtStart.AsUtc);
        var overnightEvent = Event(calendar, overnight);
        Assert.Equal(change.AddHours(5), overnightEvent.DtEnd!.Value);
        Assert.Equal(TimeSpan.FromHours(3), overnightEvent.DtEnd.AsUtc - overnightEvent.DtStart!.AsUtc);
        Assert.Contains($"DTSTART;TZID={Zone}:{change.AddDays(4):yyyyMMdd}T130000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_meeting_is_an_event_with_its_network_theme_place_purpose_and_page()
    {
        var meeting = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddDays(20).AddHours(9));
        var online = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddDays(21).AddHours(9), m => (m.Place, m.OnlineUrl) = (null, "https://moede.example.test/rum-7"));

        var (_, calendar) = await NetworkFeedAsync(portal.NetworkX, NetworkPortal.UserName(ReaderKind.MemberOfX));

        var item = Event(calendar, meeting);
        var page = $"http://localhost/alfa/moeder/{meeting.Id}";
        Assert.Equal("Netværk X – Svære samtaler", item.Summary);
        Assert.Equal("Rådhuset, mødelokale 2", item.Location);
        Assert.Contains("At blive klogere på hinandens hverdag", item.Description, StringComparison.Ordinal);
        Assert.Contains(page, item.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri(page), item.Url);
        Assert.Equal(("CONFIRMED", 0), (item.Status, item.Sequence));
        Assert.Equal(DateTime.SpecifyKind(meeting.ModifiedUtc, DateTimeKind.Utc), item.LastModified!.AsUtc, TimeSpan.FromSeconds(1));
        Assert.Equal("https://moede.example.test/rum-7", Event(calendar, online).Location);
    }

    [Fact]
    public async Task A_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_the_new_time()
    {
        var start = DateTime.Today.AddDays(30).AddHours(13);
        var meeting = await portal.AddMeetingAsync(portal.NetworkX, start);
        var user = NetworkPortal.UserName(ReaderKind.MemberOfX);
        var before = Event((await NetworkFeedAsync(portal.NetworkX, user)).Calendar, meeting);

        await portal.UpdateMeetingAsync(meeting.Id, m => (m.StartUtc, m.Sequence) = (m.StartUtc.AddDays(7).AddHours(2), m.Sequence + 1));
        var after = Event((await NetworkFeedAsync(portal.NetworkX, user)).Calendar, meeting);

        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(start.AddDays(7).AddHours(2), after.DtStart!.Value);
        Assert.True(after.LastModified!.AsUtc > before.LastModified!.AsUtc);
    }

    [Fact]
    public async Task A_cancelled_meeting_stays_in_the_feed_as_cancelled_so_calendars_remove_it()
    {
        var meeting = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddDays(40).AddHours(13));
        await portal.UpdateMeetingAsync(meeting.Id, m => (m.Cancelled, m.CancelledReason, m.Sequence) = (true, "For få kan komme", m.Sequence + 1));

        var (text, calendar) = await NetworkFeedAsync(portal.NetworkX, NetworkPortal.UserName(ReaderKind.MemberOfX));

        var item = Event(calendar, meeting);
        Assert.Equal(("CANCELLED", 1), (item.Status, item.Sequence));
        Assert.StartsWith("Aflyst: ", item.Summary, StringComparison.Ordinal);
        Assert.Contains("For få kan komme", item.Description, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_holds_the_last_twelve_months_and_everything_ahead()
    {
        var old = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddMonths(-13));
        var recent = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddMonths(-11));
        var far = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddYears(3));

        var (_, calendar) = await NetworkFeedAsync(portal.NetworkX, NetworkPortal.UserName(ReaderKind.MemberOfX));

        Assert.DoesNotContain(calendar.Events, e => e.Uid == Uid(old));
        Assert.Contains(calendar.Events, e => e.Uid == Uid(recent));
        Assert.Contains(calendar.Events, e => e.Uid == Uid(far));
    }

    [Fact]
    public async Task The_members_own_feed_has_the_meetings_of_each_of_their_networks_and_of_no_other()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "i-begge", PortalRoles.Member, (portal.NetworkX, "member"), (portal.NetworkY, "member"));
        var inX = await portal.AddMeetingAsync(portal.NetworkX, DateTime.Today.AddDays(50).AddHours(10));
        var inY = await portal.AddMeetingAsync(portal.NetworkY, DateTime.Today.AddDays(51).AddHours(10));

        var both = (await MemberFeedAsync("i-begge")).Calendar;
        var onlyX = (await MemberFeedAsync(NetworkPortal.UserName(ReaderKind.MemberOfX))).Calendar;

        Assert.Contains(both.Events, e => e.Uid == Uid(inX));
        Assert.Equal("Netværk Y – Svære samtaler", Event(both, inY).Summary);
        Assert.Contains(onlyX.Events, e => e.Uid == Uid(inX));
        Assert.DoesNotContain(onlyX.Events, e => e.Uid == Uid(inY));
        Assert.All(onlyX.Events, e => Assert.StartsWith("Netværk X", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_reads_any_networks_feed_while_their_own_feed_has_only_their_networks()
    {
        var inY = await portal.AddMeetingAsync(portal.NetworkY, DateTime.Today.AddDays(52).AddHours(10));
        var editor = NetworkPortal.UserName(ReaderKind.Editor);

        var network = (await NetworkFeedAsync(portal.NetworkY, editor)).Calendar;
        var own = (await MemberFeedAsync(editor)).Calendar;

        Assert.Contains(network.Events, e => e.Uid == Uid(inY));
        Assert.Empty(own.Events);
    }

    [Fact]
    public async Task A_feed_is_utf8_text_calendar_that_no_shared_cache_keeps()
    {
        using var client = await portal.ClientAsync(null);
        var key = await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfX));

        foreach (var path in new[] { $"/alfa/api/networks/{portal.NetworkX}/calendar.ics?key={key}", $"/alfa/api/calendar.ics?key={key}" })
        {
            var response = await client.GetAsync(CalendarPortal.Url(path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
            Assert.True(response.Headers.CacheControl!.Private);
            Assert.Contains("Netværk X", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_feeds_and_their_key_are_in_the_OpenAPI_description()
    {
        using var client = await portal.ClientAsync(null);

        var paths = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(CalendarPortal.Url("/alfa/openapi/v1.json")))!["paths"]!;

        foreach (var path in new[] { "/api/networks/{networkId}/calendar.ics", "/api/calendar.ics" })
        {
            Assert.Contains(paths[path]!["get"]!["parameters"]!.AsArray(), p => (string)p!["name"]! == "key");
        }
    }

    private async Task<(string Text, IcsCalendar Calendar)> NetworkFeedAsync(string networkId, string userName) =>
        await FeedAsync($"/alfa/api/networks/{networkId}/calendar.ics?key={await portal.KeyAsync(portal.Alfa, userName)}");

    private async Task<(string Text, IcsCalendar Calendar)> MemberFeedAsync(string userName) =>
        await FeedAsync($"/alfa/api/calendar.ics?key={await portal.KeyAsync(portal.Alfa, userName)}");

    private async Task<(string Text, IcsCalendar Calendar)> FeedAsync(string path)
    {
        using var client = await portal.ClientAsync(null);
        var response = await client.GetAsync(CalendarPortal.Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return (text, IcsCalendar.Load(text)!);
    }

    private static string Uid(Meeting meeting) => $"{meeting.Id}@localhost";

    private static CalendarEvent Event(IcsCalendar calendar, Meeting meeting) => Assert.Single(calendar.Events, e => e.Uid == Uid(meeting));

    private static DateTime LastSunday(int year, int month)
    {
        var day = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Unspecified);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
