using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>A cookie-keeping HTTP client that fills in forms as a browser would: it reads the page's
/// antiforgery token and posts it back with the fields.</summary>
/// <param name="client">Keeps cookies and does not follow redirects.</param>
public sealed partial class BrowserlessSession(HttpClient client, string pathBase = "") : IDisposable
{
    private readonly HttpClient _client = client;

    public BrowserlessSession(PortalWebFactory factory, string pathBase = "")
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), pathBase)
    {
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await _client.GetAsync(new Uri(pathBase + path, UriKind.Relative));

    /// <summary>Loads <paramref name="pagePath"/>, takes its antiforgery token and posts the fields to <paramref name="postPath"/> (the same page by default).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, IDictionary<string, string> fields, string? postPath = null)
    {
        var token = await AntiforgeryTokenAsync(pagePath);
        var form = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        return await PostAsync(postPath ?? pagePath, form);
    }

    /// <summary>The antiforgery token of the form on <paramref name="pagePath"/> (its cookie stays with this session).</summary>
    public async Task<string?> AntiforgeryTokenAsync(string pagePath)
    {
        var token = TokenPattern().Match(await (await GetAsync(pagePath)).Content.ReadAsStringAsync());
        return token.Success ? token.Groups[1].Value : null;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await _client.PostAsync(new Uri(pathBase + path, UriKind.Relative), content);
    }

    /// <summary>Posts a body as it is (e.g. a form with a field twice).</summary>
    public async Task<HttpResponseMessage> PostContentAsync(string path, HttpContent content) =>
        await _client.PostAsync(new Uri(pathBase + path, UriKind.Relative), content);

    public async Task SignInAsync(string userName, string password)
    {
        var response = await SubmitAsync("/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        }
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
