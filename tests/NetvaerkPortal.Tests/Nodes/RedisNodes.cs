using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Nodes;

/// <summary>Two web nodes sharing one Redis and one tenant database (node B's tenants.json points the Default tenant at node
/// A's SQLite file), each with its own App_Data and search index, as nodes on PostgreSQL would have.</summary>
public sealed partial class RedisNodes : IAsyncLifetime
{
    /// <summary>High enough that a catch-up within two seconds can only come from a signal, low enough to wait for once.</summary>
    public const int CatchUpSeconds = 12;

    public RedisServer Redis { get; } = RedisServer.Start();

    public TempAppData AppDataA { get; } = new();

    public TempAppData AppDataB { get; } = new();

    public PortalNode A { get; private set; } = null!;

    public PortalNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Portal:Redis:Configuration"] = Redis.Configuration,
            ["Portal:Search:CatchUpSeconds"] = CatchUpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        A = new PortalNode(AppDataA.Path, settings);
        using (var a = A.Client())
        {
            // The first protected value makes the key ring, in Redis, before node B reads it.
            (await a.GetAsync(new Uri("/account/login", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var shared = A.Services.GetRequiredService<TenantStore>().Find(TenantSettings.DefaultName)!
            with { ConnectionString = $"Data Source={Path.Combine(AppDataA.SitePath(TenantSettings.DefaultName), "portal.db")};Default Timeout=30" };
        Directory.CreateDirectory(AppDataB.SitePath(TenantSettings.DefaultName));
        await File.WriteAllTextAsync(AppDataB.TenantsFile, JsonSerializer.Serialize(new { Tenants = new[] { shared } }));
        B = new PortalNode(AppDataB.Path, settings);
        using var b = B.Client();
        // Node B's index is built from the shared database at start: wait until it answers searches.
        for (var attempt = 0; attempt < 600 && !(await b.GetAsync(new Uri("/api/search?q=netværk", UriKind.Relative))).IsSuccessStatusCode; attempt++)
        {
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        AppDataB.Dispose();
        AppDataA.Dispose();
        Redis.Dispose();
    }

    /// <summary>The login form's antiforgery token and the cookies that go with it.</summary>
    public static async Task<(string Token, string Cookies)> LoginFormAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        form.EnsureSuccessStatusCode();
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        return (token, Cookies(form));
    }

    public static HttpRequestMessage SignIn(string token, string cookies, string password = PortalTestHost.AdminPassword)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        return request;
    }

    public static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
