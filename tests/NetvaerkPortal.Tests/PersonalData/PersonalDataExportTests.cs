using System.Net;
using System.Text.Json.Nodes;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.PersonalData;

/// <summary>GDPR access and portability: a member downloads their own data (GET /api/me/data, /account/data),
/// and nothing of anybody else's.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class PersonalDataExportTests(NetworkPortal portal)
{
    private static readonly Uri MyData = new("/alfa/api/me/data", UriKind.Relative);

    [Fact]
    public async Task The_export_holds_profile_memberships_writing_and_token_metadata_and_nothing_of_others()
    {
        await portal.CreateUserAsync(portal.Alfa, "eksport-mette", "Member", (portal.NetworkX, "member"), (portal.NetworkY, "coordinator"));
        await portal.CreateUserAsync(portal.Alfa, "eksport-anden", "Member", (portal.NetworkX, "member"));
        var token = await portal.CreateTokenAsync(portal.Alfa, "eksport-mette");
        var otherToken = await portal.CreateTokenAsync(portal.Alfa, "eksport-anden");
        using var mette = portal.TokenClient(token);
        using var other = portal.TokenClient(otherToken);
        var mine = await MemberNotes.WriteAsync(mette, portal.NetworkX, "Mettes notat 7101");
        var theirs = await MemberNotes.WriteAsync(other, portal.NetworkX, "Andens notat 7102");

        var response = await mette.GetAsync(MyData);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        Assert.Equal("eksport-mette", (string)export["profile"]!["userName"]!);
        Assert.Equal("eksport-mette@example.test", (string)export["profile"]!["email"]!);
        Assert.Equal(["Member"], export["profile"]!["roles"]!.AsArray().Select(r => (string)r!));
        var memberships = export["networkMemberships"]!.AsArray().Select(m => ((string)m!["networkId"]!, (string)m["title"]!, (string)m["role"]!)).OrderBy(m => m.Item2).ToList();
        Assert.Equal([(portal.NetworkX, "Netværk X", "member"), (portal.NetworkY, "Netværk Y", "coordinator")], memberships);
        var item = Assert.Single(export["content"]!.AsArray());
        Assert.Equal(mine, (string)item!["contentItemId"]!);
        Assert.Equal("Mettes notat 7101", (string)item["title"]!);
        Assert.Equal("MeetingNote", (string)item["contentType"]!);
        Assert.Equal("Published", (string)item["state"]!);
        Assert.Equal("/alfa/moedenotater/mettes-notat-7101", (string)item["url"]!);
        var tokenData = Assert.Single(export["tokens"]!.AsArray());
        Assert.Equal("test", (string)tokenData!["name"]!);
        Assert.NotNull(tokenData["lastUsedUtc"]);
        Assert.Null(tokenData["revokedUtc"]);

        // Never the token or its hash, and nothing of the other member.
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(NetvaerkPortal.Security.PersonalAccessTokens.Hash(token), text, StringComparison.Ordinal);
        Assert.DoesNotContain("eksport-anden", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
        Assert.DoesNotContain("7102", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_shows_and_downloads_the_same_data_to_the_signed_in_member_only()
    {
        await portal.CreateUserAsync(portal.Alfa, "eksport-side", "Member", (portal.NetworkX, "member"));
        using var member = new BrowserlessSession(portal.Factory, "/alfa");
        await member.SignInAsync("eksport-side", NetworkPortal.Password);

        var page = await member.GetAsync("/account/data");
        var download = await member.GetAsync("/account/data?handler=Download");
        using var anonymous = portal.Client(ReaderKind.Anonymous);
        var anonymousApi = await anonymous.GetAsync(MyData);
        var anonymousPage = await anonymous.GetAsync(new Uri("/alfa/account/data", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("eksport-side", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var export = JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        Assert.Equal("eksport-side", (string)export["profile"]!["userName"]!);
        Assert.Equal(portal.NetworkX, (string)Assert.Single(export["networkMemberships"]!.AsArray())!["networkId"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/account/login", anonymousPage.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
