using System.Net;
using Netvaerk.Meetings.Protocols;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>/protokoller and /protokoller/{id}: what each reader sees, and who gets 404.</summary>
[Collection(ProtocolPortalCollection.Name)]
public sealed class ProtocolPagesTests(ProtocolPortal portal)
{
    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(BrowserlessSession session, string path)
    {
        var response = await session.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_list_shows_the_organisations_protocols_and_my_networks_own_with_their_length()
    {
        var (status, html) = await PageAsync(await portal.SessionAsync("medlem-x"), "/protokoller");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h2 id=\"group-1\">Organisationens protokoller</h2>", html, StringComparison.Ordinal);
        foreach (var name in new[] { "Kollegial sparring", "Reflekterende team", "Incidentmetoden", "Troika-sparring", "Action learning", "Erfa-runde" })
        {
            Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains("Netværkets egne: Netværk X", html, StringComparison.Ordinal);
        Assert.Contains("X's egen sparring", html, StringComparison.Ordinal);
        Assert.Contains("2 faser · 10 min. + 20 min. pr. case", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Netværk Y", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ny mødeprotokol", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_main_menu_links_to_the_protocols_for_signed_in_readers_only()
    {
        var (_, signedIn) = await PageAsync(await portal.SessionAsync("udenfor"), "/");
        using var anonymous = portal.Anonymous();
        var front = await (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/protokoller\"", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/protokoller\"", front, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_readers_are_sent_to_sign_in()
    {
        using var anonymous = portal.Anonymous();

        foreach (var path in new[] { "/protokoller", $"/protokoller/{ProtocolPortal.KollegialSparring}" })
        {
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_protocol_page_shows_its_phases_who_speaks_and_listens_and_the_time_per_case()
    {
        var (status, html) = await PageAsync(await portal.SessionAsync("udenfor"), $"/protokoller/{ProtocolPortal.KollegialSparring}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Kollegial sparring</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\"><span class=\"protocol__number\">5.</span> Refleksion</th>", html, StringComparison.Ordinal);
        Assert.Contains(">Casegiveren</td>", html, StringComparison.Ordinal);
        Assert.Contains("Ja, for hver case", html, StringComparison.Ordinal);
        Assert.Contains("10 minutter + 38 minutter pr. case, fx 86 minutter med 2 cases.", html, StringComparison.Ordinal);
        Assert.Contains("Sådan virker modellen</h2>", html, StringComparison.Ordinal);
        // Somebody who coordinates nothing is offered no copy and no editing.
        Assert.DoesNotContain("Kopiér til netværket", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/rediger", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_networks_own_protocol_is_404_to_everybody_outside_the_network_and_readable_inside()
    {
        var path = $"/protokoller/{portal.XProtocol}";

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(await portal.SessionAsync("medlem-y"), path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(await portal.SessionAsync("udenfor"), path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(await portal.SessionAsync("medlem-y"), path + "/rediger")).Status);
        var (status, html) = await PageAsync(await portal.SessionAsync("medlem-x"), path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Netværkets egen protokol:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/rediger", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ikke-et-id")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("00000000000000000000000000")]
    public async Task An_address_that_is_no_readable_protocol_answers_404(string id)
    {
        var session = await portal.SessionAsync("redaktoer");

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(session, $"/protokoller/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(session, $"/protokoller/{id}/rediger")).Status);
    }

    [Fact]
    public async Task A_network_that_is_no_protocol_answers_404_on_the_protocol_pages()
    {
        var session = await portal.SessionAsync("redaktoer");

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync(session, $"/protokoller/{portal.NetworkX}")).Status);
    }

    [Fact]
    public async Task Search_never_finds_a_networks_own_protocol_for_those_outside_it()
    {
        await portal.CatchUpSearchAsync();
        var query = "/api/search?q=" + ProtocolPortal.SecretWord;

        foreach (var outsider in new[] { "medlem-y", "udenfor" })
        {
            var (_, json) = await PageAsync(await portal.SessionAsync(outsider), query);
            Assert.Contains("\"total\":0", json, StringComparison.Ordinal);
        }

        using var anonymous = portal.Anonymous();
        Assert.Contains("\"total\":0", await (await anonymous.GetAsync(new Uri(query, UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, inside) = await PageAsync(await portal.SessionAsync("medlem-x"), query);
        Assert.Contains("\"total\":1", inside, StringComparison.Ordinal);
        Assert.Contains($"\"url\":\"/protokoller/{portal.XProtocol}\"", inside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_in_protocols_are_found_by_signed_in_members_and_link_to_their_page()
    {
        await portal.CatchUpSearchAsync();

        var (_, json) = await PageAsync(await portal.SessionAsync("udenfor"), "/api/search?q=incidentmetoden");

        Assert.Contains($"\"url\":\"/protokoller/{ProtocolPortal.KollegialSparring.Replace("kollegialsparring0", "incidentmetoden000", StringComparison.Ordinal)}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrations_editor_of_a_protocol_links_to_its_phase_editor()
    {
        var (status, html) = await PageAsync(await portal.SessionAsync("redaktoer"), $"/admin/content/{ProtocolPortal.KollegialSparring}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/protokoller/{ProtocolPortal.KollegialSparring}/rediger", html, StringComparison.Ordinal);
        Assert.Contains(ProtocolContentType.DisplayName, html, StringComparison.Ordinal);
    }
}
