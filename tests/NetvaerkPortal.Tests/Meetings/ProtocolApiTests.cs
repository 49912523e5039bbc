using System.Net;
using System.Text.Json.Nodes;
using Netvaerk.Meetings.Protocols;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>GET /api/protocols and protocols written through the content API: its shape, who reads what, and the
/// refusals that name the field.</summary>
[Collection(ProtocolPortalCollection.Name)]
public sealed class ProtocolApiTests(ProtocolPortal portal)
{
    private static async Task<JsonArray> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(new Uri("/api/protocols" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonArray)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<string> Ids(JsonArray list) => list.Select(p => p!["id"]!.GetValue<string>());

    [Fact]
    public async Task The_list_has_the_contract_shape_with_the_built_in_protocols_first()
    {
        using var client = await portal.TokenClientAsync("medlem-x");

        var list = await ListAsync(client);

        var first = (JsonObject)list[0]!;
        Assert.Equal(["id", "name", "description", "networkId", "copiedFrom", "minutes", "minutesPerCase", "phases"], first.Select(p => p.Key));
        var sparring = list.Single(p => p!["id"]!.GetValue<string>() == ProtocolPortal.KollegialSparring)!;
        Assert.Equal("Kollegial sparring", sparring["name"]!.GetValue<string>());
        Assert.Null(sparring["networkId"]);
        var phase = (JsonObject)sparring["phases"]![0]!;
        Assert.Equal(["name", "minutes", "perCase", "speaks", "listens", "produces", "guidance"], phase.Select(p => p.Key));
        Assert.Equal("Casting og rollefordeling", phase["name"]!.GetValue<string>());
        Assert.Equal(5, phase["minutes"]!.GetValue<int>());
        Assert.False(phase["perCase"]!.GetValue<bool>());
        Assert.True(sparring["phases"]!.AsArray().Skip(1).First()!["perCase"]!.GetValue<bool>());
        Assert.Equal(sparring["phases"]!.AsArray().Where(p => !p!["perCase"]!.GetValue<bool>()).Sum(p => p!["minutes"]!.GetValue<int>()), sparring["minutes"]!.GetValue<int>());
        Assert.All(list.Take(6), p => Assert.Null(p!["networkId"]));
    }

    [Fact]
    public async Task Members_read_the_organisations_protocols_and_only_their_own_networks()
    {
        using var memberX = await portal.TokenClientAsync("medlem-x");
        using var memberY = await portal.TokenClientAsync("medlem-y");
        using var outsider = await portal.TokenClientAsync("udenfor");
        using var editor = await portal.TokenClientAsync("redaktoer");

        Assert.Contains(portal.XProtocol, Ids(await ListAsync(memberX)));
        Assert.DoesNotContain(portal.XProtocol, Ids(await ListAsync(memberY)));
        Assert.DoesNotContain(portal.XProtocol, Ids(await ListAsync(outsider)));
        Assert.Contains(ProtocolPortal.KollegialSparring, Ids(await ListAsync(outsider)));
        Assert.Contains(portal.XProtocol, Ids(await ListAsync(editor)));
    }

    [Fact]
    public async Task The_network_filter_gives_what_that_network_can_use_and_never_another_networks_own()
    {
        using var memberX = await portal.TokenClientAsync("medlem-x");
        using var memberY = await portal.TokenClientAsync("medlem-y");

        var forX = await ListAsync(memberX, "?network=" + portal.NetworkX);
        var forY = await ListAsync(memberX, "?network=" + portal.NetworkY);
        var yAskingForX = await ListAsync(memberY, "?network=" + portal.NetworkX);

        Assert.Contains(portal.XProtocol, Ids(forX));
        Assert.Contains(ProtocolPortal.KollegialSparring, Ids(forX));
        Assert.All(forX, p => Assert.True(p!["networkId"] is null || p["networkId"]!.GetValue<string>() == portal.NetworkX));
        Assert.DoesNotContain(portal.XProtocol, Ids(forY));
        Assert.DoesNotContain(portal.XProtocol, Ids(yAskingForX));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("NETWORK")]
    [InlineData("")]
    public async Task A_network_filter_that_is_no_id_is_refused_naming_it(string network)
    {
        using var client = await portal.TokenClientAsync("medlem-x");

        var response = await client.GetAsync(new Uri("/api/protocols?network=" + Uri.EscapeDataString(network), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["network"]);
    }

    [Fact]
    public async Task Anonymous_callers_get_an_empty_list_as_from_the_content_api()
    {
        using var client = portal.Anonymous();

        Assert.Empty(await ListAsync(client));
    }

    [Theory]
    [InlineData("""{"Phases": [{"Name": "Runde", "Minutes": "ti"}]}""", "ProtocolPart.Phases[0].Minutes")]
    [InlineData("""{"Phases": [{"Name": "Runde", "Minutes": 10}, {"Minutes": 10}]}""", "ProtocolPart.Phases[1].Name")]
    [InlineData("""{"Phases": [{"Name": "Runde", "Minutes": 10, "PerCase": "nej"}]}""", "ProtocolPart.Phases[0].PerCase")]
    [InlineData("""{"Phases": []}""", "ProtocolPart.Phases")]
    [InlineData("""{"Phases": {"Name": "Runde"}}""", "ProtocolPart.Phases")]
    [InlineData("""{"Phases": [{"Name": "Runde", "Minutes": 10}], "Extra": 1}""", "ProtocolPart.Extra")]
    public async Task A_bad_protocol_through_the_content_api_is_refused_naming_the_field_and_nothing_is_stored(string part, string field)
    {
        using var editor = await portal.TokenClientAsync("redaktoer");
        var id = NetvaerkPortal.Content.ContentManager.NewId();
        var body = $$"""{"ContentItemId": "{{id}}", "ContentType": "Protocol", "Published": true, "TitlePart": {"Title": "Dårlig"}, "ProtocolPart": {{part}}}""";

        var response = await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
        Assert.Null(await portal.LatestAsync(id));
    }

    [Fact]
    public async Task A_value_nested_ten_thousand_deep_is_refused_without_harm()
    {
        using var editor = await portal.TokenClientAsync("redaktoer");
        var deep = new string('[', 10_000) + "1" + new string(']', 10_000);
        var body = $$"""{"ContentType": "Protocol", "TitlePart": {"Title": "Dyb"}, "ProtocolPart": {"Phases": [{"Name": "Runde", "Minutes": {{deep}} }]} }""";

        var response = await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ProtocolPart", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_rather_than_one_of_them_taken()
    {
        using var editor = await portal.TokenClientAsync("redaktoer");
        const string body = """{"ContentType": "Protocol", "TitlePart": {"Title": "To gange"}, "ProtocolPart": {"Phases": [{"Name": "Runde", "Minutes": 10, "Minutes": 500}]}}""";

        var response = await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_protocol_is_the_organisations_without_a_network_and_the_networks_with_one()
    {
        using var editor = await portal.TokenClientAsync("redaktoer");
        const string phases = """{"Phases": [{"Name": "Runde", "Minutes": 10}]}""";
        var organisation = $$"""{"ContentType": "Protocol", "Published": true, "TitlePart": {"Title": "Fælles"}, "ProtocolPart": {{phases}}}""";
        var network = $$"""{"ContentType": "Protocol", "Published": true, "TitlePart": {"Title": "Egen"}, "NetworkItemPart": {"NetworkContentItemId": "{{portal.NetworkY}}"}, "ProtocolPart": {{phases}}}""";
        var widened = $$"""{"ContentType": "Protocol", "Published": true, "TitlePart": {"Title": "Udvidet"}, "VisibilityPart": {"Visibility": "Tenant"}, "NetworkItemPart": {"NetworkContentItemId": "{{portal.NetworkY}}"}, "ProtocolPart": {{phases}}}""";

        var first = JsonNode.Parse(await (await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(organisation))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(network))).Content.ReadAsStringAsync())!;
        var refused = await editor.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(widened));

        Assert.Equal("Tenant", first["VisibilityPart"]!["Visibility"]!.GetValue<string>());
        Assert.Equal("Network", second["VisibilityPart"]!["Visibility"]!.GetValue<string>());
        Assert.Equal("protokoller/" + second["ContentItemId"]!.GetValue<string>(), second["AutoroutePart"]!["Path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["VisibilityPart.Visibility"]);
    }

    [Fact]
    public async Task A_coordinator_cannot_write_protocols_through_the_content_api()
    {
        using var coordinator = await portal.TokenClientAsync("tovholder-x");
        var body = $$"""{"ContentType": "Protocol", "Published": true, "TitlePart": {"Title": "Via API"}, "NetworkItemPart": {"NetworkContentItemId": "{{portal.NetworkX}}"}, "ProtocolPart": {"Phases": [{"Name": "Runde", "Minutes": 10}]} }""";

        var response = await coordinator.PostAsync(new Uri("/api/content", UriKind.Relative), ProtocolPortal.Json(body));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
