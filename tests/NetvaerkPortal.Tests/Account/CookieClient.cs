using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Account;

/// <summary>A client that replays one fixed sign-in cookie header, as an attacker with a copied cookie would:
/// it never takes the new cookies the server sends back.</summary>
public sealed partial class CookieClient(WebApplicationFactory<Program> factory, string cookie) : IDisposable
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public string Cookie => cookie;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));

    /// <summary>Loads <paramref name="pagePath"/> with the cookie, and posts the form fields with its antiforgery token to <paramref name="postPath"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string postPath, IDictionary<string, string> fields)
    {
        var page = await GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value };
        var antiforgery = string.Join("; ", NetworkPortal.SetCookies(page).Where(c => c.Name.Contains("Antiforgery", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(postPath, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) }, antiforgery);
    }

    /// <summary>A JSON write to the API with the cookie and the antiforgery header a browser script would send.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string prefix, string path, string json)
    {
        var tokenResponse = await GetAsync($"/{prefix}/api/antiforgery");
        var token = System.Text.Json.Nodes.JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var antiforgery = string.Join("; ", NetworkPortal.SetCookies(tokenResponse).Select(c => $"{c.Name}={c.Value}"));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = NetworkPortal.Json(json) };
        if (token?["headerName"] is { } header)
        {
            request.Headers.Add((string)header!, (string)token["token"]!);
        }

        return await SendAsync(request, antiforgery);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string extraCookies = "")
    {
        using (request)
        {
            var header = string.Join("; ", new[] { cookie, extraCookies }.Where(c => c.Length > 0));
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            return await _client.SendAsync(request);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
