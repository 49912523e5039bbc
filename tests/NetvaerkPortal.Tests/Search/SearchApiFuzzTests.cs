using System.Diagnostics;
using System.Net;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Random values for every parameter of <c>/api/search</c> and <c>/search</c>, as raw URL bytes (invalid
/// UTF-8 and percent signs included): the answer is a result or a clear 400, never a 500, and never slow.</summary>
public sealed class SearchApiFuzzTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    private static readonly string[] Parameters = ["q", "type", "network", "tag", "page", "pageSize", "sort"];

    private readonly PortalWebFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await _factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(_factory.Store.Find(TenantSettings.DefaultName)!);
        // The first requests pay for JIT and template parsing; the time guard is for what comes after.
        await _client.GetAsync(new Uri("/api/search?q=netv%C3%A6rk", UriKind.Relative));
        await _client.GetAsync(new Uri("/search?q=netv%C3%A6rk", UriKind.Relative));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    /// <summary>A parameter value as it may arrive in a URL: typed text percent-encoded, or raw percent sequences
    /// that decode to invalid UTF-8, NUL, a lone surrogate's bytes or a broken escape.</summary>
    private static readonly Gen<string> UrlValue = Gen.OneOf(
        SearchQueryFuzzTests.Typed.Select(text => Encode(text.Length > 2_000 ? text[..2_000] : text)),
        Gen.OneOf("%ED%A0%80", "%FF%FE", "%C3", "%00", "%", "%%", "%zz", "%2", "-1", "0", "2147483648", "99999999999", "1e3", "%E2%80%AE", "+", "%2B%22")
            .Array[1, 6].Select(parts => string.Concat(parts)),
        Gen.Int.Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Any_parameters_get_a_result_or_a_clear_400_never_a_server_error() =>
        await Gen.Select(Gen.Int[0, Parameters.Length - 1].Array[1, 5], UrlValue.Array[5]).SampleAsync(async (names, values) =>
        {
            var query = string.Join('&', names.Select((name, i) => $"{Parameters[name]}={values[i]}"));
            foreach (var path in new[] { "/api/search?", "/search?" })
            {
                var watch = Stopwatch.StartNew();
                using var response = await _client.GetAsync(new Uri(path + query, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();

                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}{query} answered {(int)response.StatusCode}: {body}");
                Assert.True(watch.Elapsed < MaxTime, $"{path}{query} took {watch.Elapsed.TotalMilliseconds:F0} ms");
            }
        }, iter: 150, threads: 1);

    // Percent-encodes what a browser would; a lone surrogate has no UTF-8, so it goes as the replacement character.
    private static string Encode(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"%{b:X2}"));
}
