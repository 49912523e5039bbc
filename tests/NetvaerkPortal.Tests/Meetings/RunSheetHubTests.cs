using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The hub /hubs/moeder on the test server (WebSockets, signed in by cookie under the tenant's path prefix):
/// followers see the same phase after "next", a reconnecting client catches up, a non-member's Join is refused and it
/// receives nothing, and the tenant of a hub call is the connection's.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class RunSheetHubTests(MeetingsApiPortal portal)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The "state" messages a connection receives.</summary>
    private sealed class Inbox
    {
        private readonly System.Threading.Channels.Channel<JsonElement> _messages = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        private int _count;

        public Inbox(HubConnection connection) => connection.On<JsonElement>("state", message =>
        {
            Interlocked.Increment(ref _count);
            _messages.Writer.TryWrite(message);
        });

        public int Count => Volatile.Read(ref _count);

        public async Task<JsonElement> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Wait);
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
    }

    [Fact]
    public async Task Two_followers_see_the_same_phase_after_the_timekeeper_moves_on()
    {
        var id = await portal.RunningMeetingAsync();
        await using var timekeeper = await portal.HubAsync(await portal.CookieAsync("bo"));
        await using var member = await portal.HubAsync(await portal.CookieAsync("dorte"));
        var timekeeperInbox = new Inbox(timekeeper);
        var memberInbox = new Inbox(member);
        var joined = await member.InvokeAsync<JsonElement>("Join", id);
        await timekeeper.InvokeAsync<JsonElement>("Join", id);
        Assert.Equal(0, joined.GetProperty("position").GetInt32());

        var answer = await timekeeper.InvokeAsync<JsonElement>("Act", id, "next", 0);

        var seenByMember = await memberInbox.NextAsync();
        var seenByTimekeeper = await timekeeperInbox.NextAsync();
        Assert.Equal(1, answer.GetProperty("position").GetInt32());
        Assert.Equal(1, seenByMember.GetProperty("position").GetInt32());
        Assert.Equal(1, seenByTimekeeper.GetProperty("position").GetInt32());
        Assert.Equal("Casefremlæggelse", seenByMember.GetProperty("items")[1].GetProperty("phase").GetString());
        Assert.Equal("carl", seenByMember.GetProperty("speaks").GetString());
        Assert.True(seenByMember.GetProperty("items")[0].GetProperty("spentSeconds").GetInt32() >= 3 * 60 - 2);
        Assert.Equal(seenByMember.GetProperty("endsAt").GetString(), seenByTimekeeper.GetProperty("endsAt").GetString());
    }

    [Fact]
    public async Task A_change_made_through_the_api_reaches_the_followers_too()
    {
        var id = await portal.RunningMeetingAsync();
        await using var member = await portal.HubAsync(await portal.CookieAsync("anne"));
        var inbox = new Inbox(member);
        await member.InvokeAsync<JsonElement>("Join", id);
        using var bo = portal.Client("bo");

        await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/run"), MeetingsApiPortal.Json("""{"Action": "extend", "FromPosition": 0}"""));

        Assert.Equal(5, (await inbox.NextAsync()).GetProperty("items")[0].GetProperty("extraMinutes").GetInt32());
    }

    [Fact]
    public async Task A_client_that_reconnects_and_joins_again_gets_the_current_state()
    {
        var id = await portal.RunningMeetingAsync();
        var cookie = await portal.CookieAsync("dorte");
        var member = await portal.HubAsync(cookie);
        await member.InvokeAsync<JsonElement>("Join", id);
        await member.DisposeAsync();
        using var bo = portal.Client("bo");
        await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/run"), MeetingsApiPortal.Json("""{"Action": "next", "FromPosition": 0}"""));
        await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/run"), MeetingsApiPortal.Json("""{"Action": "next", "FromPosition": 1}"""));

        await using var again = await portal.HubAsync(cookie);
        var state = await again.InvokeAsync<JsonElement>("Join", id);

        Assert.Equal(2, state.GetProperty("position").GetInt32());
        Assert.Equal("Afklarende spørgsmål", state.GetProperty("current").GetProperty("phase").GetString());
    }

    [Fact]
    public async Task A_member_of_another_network_is_refused_neutrally_and_receives_nothing()
    {
        var id = await portal.RunningMeetingAsync();
        await using var outsider = await portal.HubAsync(await portal.CookieAsync("yrsa"));
        var inbox = new Inbox(outsider);

        var refused = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("Join", id));
        var missing = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("Join", "findes-ikke"));
        var huge = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("Join", new string('a', 10_000)));
        await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("Act", id, "next", 0));
        using var bo = portal.Client("bo");
        await bo.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{id}/run"), MeetingsApiPortal.Json("""{"Action": "extend", "FromPosition": 0}"""));
        await Task.Delay(500);

        Assert.Equal(0, inbox.Count);
        Assert.Equal(missing.Message, refused.Message);
        Assert.Equal(missing.Message, huge.Message);
        Assert.DoesNotContain("Check-in", refused.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await portal.RunItemsAsync(id))[0].ExtraMinutes);
    }

    [Fact]
    public async Task A_member_who_may_not_run_the_meeting_is_refused_by_the_hub_and_nothing_moves()
    {
        var id = await portal.RunningMeetingAsync();
        await using var member = await portal.HubAsync(await portal.CookieAsync("dorte"));

        await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<JsonElement>("Act", id, "next", 0));

        Assert.Empty(await portal.RunItemsAsync(id));
    }

    [Fact]
    public async Task The_tenant_of_a_hub_call_is_the_connections_so_another_tenants_meeting_is_not_found()
    {
        await using var alfaAdmin = await portal.HubAsync(await portal.CookieAsync("admin"));
        await using var betaAdmin = await portal.HubAsync(await portal.CookieAsync("admin", "beta"), "/beta");

        await Assert.ThrowsAsync<HubException>(() => alfaAdmin.InvokeAsync<JsonElement>("Join", portal.BetaMeeting));
        var beta = await betaAdmin.InvokeAsync<JsonElement>("Join", portal.BetaMeeting);

        Assert.Equal(portal.BetaMeeting, beta.GetProperty("meetingId").GetString());
        Assert.Equal("empty", beta.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_anonymous_connection_joins_nothing()
    {
        var id = await portal.RunningMeetingAsync();
        await using var anonymous = await portal.HubAsync("");

        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<JsonElement>("Join", id));
    }
}
