using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Http;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Account;

/// <summary>One rule (ReturnUrls.Local) decides where a returnUrl may send the browser, and every redirect
/// that takes one uses it: the language switch, sign-in and sign-out.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed partial class ReturnUrlTests(NetworkPortal portal)
{
    public static TheoryData<string?> Hostile => new()
    {
        null, "", "evil.example", " /evil.example", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "\\/evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example",
        "/%5Cevil.example", "/%5cevil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%252F/evil.example", "/%255Cevil.example",
        "https://evil.example", "http:/evil.example", "HTTPS://evil.example/", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x",
        "/admin\\..\\..\\evil", "/\u0000evil", "/\u0085/evil", "//", "/\\",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_return_url_is_not_local(string? url) => Assert.Null(ReturnUrls.Local(url, PathString.Empty));

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=m%C3%B8de&type=Case")]
    [InlineData("/admin/content?type=Network")]
    [InlineData("/netvaerk/eksempel#indhold")]
    [InlineData("/search?q=kollegial%20sparring")]
    public void A_path_on_the_site_is_local(string url) => Assert.Equal(url, ReturnUrls.Local(url, PathString.Empty));

    [Theory]
    [InlineData("/alfa", true)]
    [InlineData("/alfa/admin", true)]
    [InlineData("/ALFA/admin?x=1", true)]
    [InlineData("/alfa?x=1", true)]
    [InlineData("/alfabet", false)]
    [InlineData("/beta/admin", false)]
    [InlineData("/", false)]
    public void A_tenant_at_a_prefix_returns_only_inside_it(string url, bool local) =>
        Assert.Equal(local, ReturnUrls.Local(url, new PathString("/alfa")) is not null);

    [Fact]
    public void Whatever_passes_stays_on_the_site_after_a_browser_and_a_proxy_had_their_way_with_it()
    {
        Gen.Char["/\\%:.ae0125ACFcdf\t\n\r @"].Array[0, 14].Select(chars => new string(chars)).Sample(url =>
        {
            if (ReturnUrls.Local(url, PathString.Empty) is not { } local)
            {
                return true;
            }

            // What browsers do to a Location (drop tabs and line breaks, read \ as /), after 0 to 3 decodings.
            var seen = local;
            for (var i = 0; i <= 3; i++)
            {
                var browser = seen.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace('\\', '/').Trim();
                if (!browser.StartsWith('/') || browser.StartsWith("//", StringComparison.Ordinal))
                {
                    return false;
                }

                seen = Uri.UnescapeDataString(seen);
            }

            return true;
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/beta/")]
    public async Task The_language_switch_goes_home_instead_of_to_a_hostile_url(string returnUrl)
    {
        using var client = portal.Client(ReaderKind.Anonymous);

        var response = await client.GetAsync(new Uri("/alfa/sprog/en?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alfa/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_language_switch_still_goes_back_to_the_page()
    {
        using var client = portal.Client(ReaderKind.Anonymous);

        var response = await client.GetAsync(new Uri("/alfa/sprog/en?returnUrl=" + Uri.EscapeDataString("/alfa/search?q=m%C3%B8de"), UriKind.Relative));

        Assert.Equal("/alfa/search?q=m%C3%B8de", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/%09/evil.example", "/alfa/", "retur-tab")]
    [InlineData("//evil.example", "/alfa/", "retur-skraastreg")]
    [InlineData("/%5Cevil.example", "/alfa/", "retur-backslash")]
    [InlineData("/alfa/account/password", "/alfa/account/password", "retur-lokal")]
    public async Task Sign_in_returns_only_to_a_local_url(string returnUrl, string expected, string userName)
    {
        await portal.CreateUserAsync(portal.Alfa, userName, Security.PortalRoles.Member);
        using var anonymous = new CookieClient(portal.Factory, "");
        var page = "/alfa/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var form = await anonymous.GetAsync(page);
        var signedIn = await anonymous.SubmitAsync(page, "/alfa/account/login",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = NetworkPortal.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(expected == "/alfa/" ? "" : returnUrl, HiddenReturnUrl().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(expected, signedIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Sign_out_returns_only_to_a_local_url()
    {
        await portal.CreateUserAsync(portal.Alfa, "retur-logud", Security.PortalRoles.Member);
        using var member = new CookieClient(portal.Factory, await portal.SignInAsync("alfa", "retur-logud"));

        var signedOut = await member.SubmitAsync("/alfa/account/password", "/alfa/account/logout", new Dictionary<string, string> { ["returnUrl"] = "/%09/evil.example" });

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/alfa/", signedOut.Headers.Location!.ToString());
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input type=\"hidden\"[^>]*name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex HiddenReturnUrl();
}
