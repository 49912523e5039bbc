using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Sign-in (failures never lock an account: Account/SignInThrottlingHttpTests), antiforgery on forms and on cookie-authenticated API writes, and cookies that stay in their tenant.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class SignInSecurityTests(NetworkPortal portal)
{
    [Fact]
    public async Task Four_failed_sign_ins_do_not_lock_the_account()
    {
        await portal.CreateUserAsync(portal.Alfa, "naesten-laast", "Member");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await portal.PostLoginAsync("alfa", "naesten-laast", "forkert-kodeord-" + attempt);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await portal.PostLoginAsync("alfa", "naesten-laast", NetworkPortal.Password)).StatusCode);
    }

    [Fact]
    public async Task Members_land_on_the_front_page_and_editors_in_the_admin_after_sign_in()
    {
        var member = await portal.PostLoginAsync("alfa", "medlem-x", NetworkPortal.Password);
        var editor = await portal.PostLoginAsync("alfa", "redaktoer", NetworkPortal.Password);

        Assert.Equal("/alfa/", member.Headers.Location!.ToString());
        Assert.Equal("/alfa/admin", editor.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_sign_in_post_without_antiforgery_token_is_rejected()
    {
        using var client = portal.Client(ReaderKind.Anonymous);

        var response = await client.PostAsync(new Uri("/alfa/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = NetworkPortal.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(NetworkPortal.SetCookies(response), c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_out_post_without_antiforgery_token_is_rejected()
    {
        using var client = portal.Client(ReaderKind.MemberOfX);

        var response = await client.PostAsync(new Uri("/alfa/account/logout", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_tenant_never_authenticates_on_another()
    {
        using var own = portal.Client(ReaderKind.Administrator);
        using var foreign = portal.Client(ReaderKind.AdministratorOfOtherTenant);

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(new Uri("/alfa/admin", UriKind.Relative))).StatusCode);
        var admin = await foreign.GetAsync(new Uri("/alfa/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/account/login", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri($"/alfa/api/content/{portal.TenantItem.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json("{}"))).StatusCode);
    }

    [Fact]
    public async Task A_cookie_authenticated_API_write_needs_the_antiforgery_header()
    {
        using var editor = portal.Client(ReaderKind.Editor);
        var body = """{"ContentType": "KnowledgeArticle", "TitlePart": {"Title": "Skrevet med cookie 9009"}, "VisibilityPart": {"Visibility": "Public"}}""";

        var refused = await editor.PostAsync(new Uri("/alfa/api/content", UriKind.Relative), NetworkPortal.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        var tokenResponse = await editor.GetAsync(new Uri("/alfa/api/antiforgery", UriKind.Relative));
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/alfa/api/content", UriKind.Relative)) { Content = NetworkPortal.Json(body) };
        request.Headers.Remove("Cookie");
        request.Headers.Add("Cookie", portal.Cookie(ReaderKind.Editor) + "; " + string.Join("; ", NetworkPortal.SetCookies(tokenResponse).Select(c => $"{c.Name}={c.Value}")));
        request.Headers.Add((string)token["headerName"]!, (string)token["token"]!);
        using var plain = portal.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var accepted = await plain.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var titles = await portal.InTenantAsync(portal.Alfa, async services =>
            (await services.GetRequiredService<NetvaerkPortal.Content.ContentManager>().ListAsync("KnowledgeArticle", NetvaerkPortal.Content.VersionOptions.Latest, 0, 500))
            .Count(i => i.DisplayText == "Skrevet med cookie 9009"));
        Assert.Equal(1, titles);
    }
}
