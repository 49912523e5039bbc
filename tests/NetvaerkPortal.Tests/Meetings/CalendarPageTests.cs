using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>/moeder/kalender: the member's own addresses (all networks, and each of theirs), and the reset form
/// (antiforgery, a confirmation, the old addresses dead at once).</summary>
[Collection(CalendarPortalCollection.Name)]
public sealed partial class CalendarPageTests(CalendarPortal portal)
{
    [Fact]
    public async Task Signing_in_is_required()
    {
        using var client = await portal.ClientAsync(null);

        var response = await client.GetAsync(CalendarPortal.Url("/alfa/moeder/kalender"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/alfa/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_members_working_addresses_for_all_networks_and_for_each_of_theirs()
    {
        using var client = await portal.ClientAsync(NetworkPortal.UserName(ReaderKind.MemberOfX));
        var key = await portal.KeyAsync(portal.Alfa, NetworkPortal.UserName(ReaderKind.MemberOfX));

        var response = await client.GetAsync(CalendarPortal.Url("/alfa/moeder/kalender"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Kalender</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"http://localhost/alfa/api/calendar.ics?key={key}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"http://localhost/alfa/api/networks/{portal.NetworkX}/calendar.ics?key={key}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"webcal://localhost/alfa/api/calendar.ics?key={key}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.NetworkY, html, StringComparison.Ordinal);
        Assert.Contains("Google Kalender", html, StringComparison.Ordinal);
        foreach (var address in Addresses(html))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarPortal.Url(new Uri(address).PathAndQuery))).StatusCode);
        }
    }

    [Fact]
    public async Task Resetting_through_the_form_gives_a_new_address_and_the_old_one_answers_404()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "form-frida", PortalRoles.Member, (portal.NetworkX, "member"));
        using var session = new BrowserlessSession(portal.Portal.Factory, "/alfa");
        await session.SignInAsync("form-frida", NetworkPortal.Password);
        var old = Key(await (await session.GetAsync("/moeder/kalender")).Content.ReadAsStringAsync());

        var reset = await session.SubmitAsync("/moeder/kalender", new Dictionary<string, string> { ["confirm"] = "yes" });
        var html = WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync());
        var fresh = Key(html);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Din kalenderadresse er nulstillet.", html, StringComparison.Ordinal);
        Assert.NotEqual(old, fresh);
        Assert.Equal(fresh, Key(await (await session.GetAsync("/moeder/kalender")).Content.ReadAsStringAsync()));
        using var calendar = await portal.ClientAsync(null);
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(CalendarPortal.Url($"/alfa/api/calendar.ics?key={old}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(CalendarPortal.Url($"/alfa/api/calendar.ics?key={fresh}"))).StatusCode);
    }

    [Fact]
    public async Task A_reset_without_the_confirmation_or_the_antiforgery_token_changes_nothing()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "fortryd-finn", PortalRoles.Member);
        using var session = new BrowserlessSession(portal.Portal.Factory, "/alfa");
        await session.SignInAsync("fortryd-finn", NetworkPortal.Password);
        var key = Key(await (await session.GetAsync("/moeder/kalender")).Content.ReadAsStringAsync());

        var unconfirmed = await session.SubmitAsync("/moeder/kalender", new Dictionary<string, string> { ["confirm"] = "no" });
        var forged = await session.PostAsync("/moeder/kalender", new Dictionary<string, string> { ["confirm"] = "yes" });
        var huge = await session.SubmitAsync("/moeder/kalender", new Dictionary<string, string> { ["confirm"] = "yes" + new string('s', 10_000) });

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Intet er ændret.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal(key, await portal.KeyAsync(portal.Alfa, "fortryd-finn"));
        Assert.Contains("Du er ikke medlem af et netværk endnu.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_can_no_longer_be_unprotected_keeps_working_and_the_page_offers_a_reset()
    {
        await portal.Portal.CreateUserAsync(portal.Alfa, "tabt-tove", PortalRoles.Member, (portal.NetworkX, "member"));
        var userId = await portal.UserIdAsync(portal.Alfa, "tabt-tove");
        var key = await portal.KeyAsync(portal.Alfa, "tabt-tove");
        // As if the data-protection keys were lost: the stored key cannot be read back.
        await portal.Portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<MeetingsDbContext>().CalendarKeys
            .Where(k => k.UserId == userId).ExecuteUpdateAsync(k => k.SetProperty(x => x.ProtectedKey, "CfDJ8-ikke-laengere-laesbar")));
        using var client = await portal.ClientAsync("tabt-tove");

        var html = WebUtility.HtmlDecode(await (await client.GetAsync(CalendarPortal.Url("/alfa/moeder/kalender"))).Content.ReadAsStringAsync());

        Assert.Contains("Din adresse kan ikke vises igen.", html, StringComparison.Ordinal);
        Assert.Empty(Addresses(html));
        Assert.Contains("Nulstil adresse", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarPortal.Url($"/alfa/api/calendar.ics?key={key}"))).StatusCode);
    }

    [Fact]
    public async Task The_page_reads_in_English_too()
    {
        using var session = new BrowserlessSession(portal.Portal.Factory, "/alfa");
        await session.SignInAsync(NetworkPortal.UserName(ReaderKind.MemberOfY), NetworkPortal.Password);
        await session.GetAsync("/sprog/en?returnUrl=/alfa/moeder/kalender");

        var html = WebUtility.HtmlDecode(await (await session.GetAsync("/moeder/kalender")).Content.ReadAsStringAsync());

        Assert.Contains("How to subscribe", html, StringComparison.Ordinal);
        Assert.Contains("Reset address", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sådan abonnerer du", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Addresses(string html) => AddressPattern().Matches(html).Select(m => m.Groups[1].Value);

    private static string Key(string html) => Assert.Single(AddressPattern().Matches(html).Select(m => m.Groups[2].Value).Distinct());

    [GeneratedRegex("value=\"(https?://[^\"]+/calendar\\.ics\\?key=([A-Za-z0-9_-]+))\"")]
    private static partial Regex AddressPattern();
}
