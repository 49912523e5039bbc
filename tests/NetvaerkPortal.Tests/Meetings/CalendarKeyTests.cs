using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Calendar;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The secret in a calendar address: what it opens, what it never opens, how it is stored, and that a reset, a
/// lock or a deletion closes it at once. Every refusal is the same 404, never a server error.</summary>
[Collection(CalendarPortalCollection.Name)]
public sealed class CalendarKeyTests(CalendarPortal portal)
{
    [Fact]
    public async Task Resetting_the_key_makes_every_old_address_answer_404_at_once()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "nulstil-nina", PortalRoles.Member, (portal.NetworkX, "member"));
        var userId = await portal.UserIdAsync(portal.Alfa, "nulstil-nina");
        var old = await portal.KeyAsync(portal.Alfa, "nulstil-nina");
        using var client = await portal.ClientAsync(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NetworkFeed(portal.NetworkX, old))).StatusCode);

        var fresh = await portal.Portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<CalendarKeys>().ResetAsync(userId));

        Assert.NotEqual(old, fresh);
        Assert.Equal(fresh, await portal.KeyAsync(portal.Alfa, "nulstil-nina"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(NetworkFeed(portal.NetworkX, old))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(MyFeed(old))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(NetworkFeed(portal.NetworkX, fresh))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MyFeed(fresh))).StatusCode);
    }

    [Fact]
    public async Task A_members_key_opens_no_other_network_and_answers_exactly_as_for_a_network_that_does_not_exist()
    {
        var key = await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfX));
        using var client = await portal.ClientAsync(null);

        var other = await client.GetAsync(NetworkFeed(portal.NetworkY, key));
        var missing = await client.GetAsync(NetworkFeed("4b0c0ffee4b0c0ffee4b0c0ffe", key));
        var outsider = await client.GetAsync(NetworkFeed(portal.NetworkX, await portal.KeyAsync(portal.Alfa, CalendarPortal.Outsider)));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_tenants_key_reads_nothing_in_this_tenant()
    {
        var betaKey = await portal.KeyAsync(portal.Portal.Beta, "admin");
        using var client = await portal.ClientAsync(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarPortal.Url($"/beta/api/calendar.ics?key={betaKey}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarPortal.Url($"/alfa/api/calendar.ics?key={betaKey}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(NetworkFeed(portal.NetworkX, betaKey))).StatusCode);
    }

    public static TheoryData<string> BadQueries => new()
    {
        "",
        "?key=",
        "?key=garbage",
        "?key=" + new string('a', 10_000),
        "?key=" + new string('!', CalendarKeys.KeyLength),
        "?key=" + new string('A', CalendarKeys.KeyLength),
        "?key=..%2F..%2F..%2Fetc%2Fpasswd",
        "?key=%00%00%00",
        "?key=%C3%A6%C3%B8%C3%A5" + new string('x', CalendarKeys.KeyLength - 3),
        "?key[]=abc&key=def",
        "?KEY=" + new string('-', CalendarKeys.KeyLength),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_missing_or_malformed_key_answers_404_and_never_a_server_error(string query)
    {
        using var client = await portal.ClientAsync(null);

        foreach (var path in new[] { $"/alfa/api/networks/{portal.NetworkX}/calendar.ics{query}", $"/alfa/api/calendar.ics{query}", $"/alfa/api/networks/..%2F{new string('x', 5000)}/calendar.ics{query}" })
        {
            var response = await client.GetAsync(CalendarPortal.Url(path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_even_when_both_are_right()
    {
        var key = await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfX));
        using var client = await portal.ClientAsync(null);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarPortal.Url($"/alfa/api/calendar.ics?key={key}&key={key}"))).StatusCode);
    }

    [Fact]
    public async Task The_key_is_32_random_bytes_kept_only_as_a_hash_and_protected()
    {
        var userId = await portal.UserIdAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfY));
        var key = await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfY));

        var row = await portal.Portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<MeetingsDbContext>().CalendarKeys.AsNoTracking().SingleAsync(k => k.UserId == userId));

        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(key).Length);
        Assert.Equal(CalendarKeys.Hash(key), row.KeyHash);
        Assert.DoesNotContain(key, row.ProtectedKey, StringComparison.Ordinal);
        Assert.Equal(key, await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfY)));
    }

    [Fact]
    public async Task A_locked_members_key_stops_working_and_opens_again_when_unlocked()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "laast-lars", PortalRoles.Member, (portal.NetworkX, "member"));
        var key = await portal.KeyAsync(portal.Alfa, "laast-lars");
        using var client = await portal.ClientAsync(null);

        await SetLockoutAsync("laast-lars", DateTimeOffset.UtcNow.AddDays(1));
        var locked = await client.GetAsync(MyFeed(key));
        await SetLockoutAsync("laast-lars", null);
        var unlocked = await client.GetAsync(MyFeed(key));

        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }

    [Fact]
    public async Task The_export_tells_that_a_key_exists_and_never_the_key_and_deleting_the_member_deletes_it()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "slet-svend", PortalRoles.Member, (portal.NetworkX, "member"));
        var userId = await portal.UserIdAsync(portal.Alfa, "slet-svend");
        var key = await portal.KeyAsync(portal.Alfa, "slet-svend");
        using var client = await portal.ClientAsync("slet-svend");

        var export = await (await client.GetAsync(CalendarPortal.Url("/alfa/api/me/data"))).Content.ReadAsStringAsync();
        await portal.Portal.InTenantAsync(portal.Alfa, async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await services.GetRequiredService<MemberDeletion>().DeleteAsync((await users.FindByIdAsync(userId))!, actingUserId: null);
        });
        var rows = await portal.Portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<MeetingsDbContext>().CalendarKeys.CountAsync(k => k.UserId == userId));

        Assert.True((bool)JsonNode.Parse(export)!["calendarKey"]!["exists"]!);
        Assert.DoesNotContain(key, export, StringComparison.Ordinal);
        Assert.DoesNotContain(CalendarKeys.Hash(key), export, StringComparison.Ordinal);
        Assert.Equal(0, rows);
        using var anonymous = await portal.ClientAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(MyFeed(key))).StatusCode);
    }

    private Task<IdentityResult> SetLockoutAsync(string userName, DateTimeOffset? until) =>
        portal.Portal.InTenantAsync(portal.Alfa, async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByNameAsync(userName))!, until);
        });

    private static Uri NetworkFeed(string networkId, string key) => CalendarPortal.Url($"/alfa/api/networks/{networkId}/calendar.ics?key={key}");

    private static Uri MyFeed(string key) => CalendarPortal.Url($"/alfa/api/calendar.ics?key={key}");
}
