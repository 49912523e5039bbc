using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>The readers of the authorization matrix.</summary>
public enum ReaderKind
{
    Anonymous,
    MemberOfX,
    MemberOfY,
    Editor,
    Administrator,
    AdministratorOfOtherTenant,
}

/// <summary>One portal for the networks tests: tenant Alfa (prefix /alfa) with networks X and Y, a user per
/// reader kind and one item per visibility; tenant Beta (prefix /beta) with only its administrator. Tests
/// that change state make their own users and items, so the shared ones stay as they are.</summary>
public partial class NetworkPortal : IAsyncLifetime
{
    public const string Password = "Netvaerk-kodeord-2026";

    public NetworkPortal()
        : this(null)
    {
    }

    /// <summary>The same portal with its tenants on <paramref name="databaseProvider"/> (the provider matrix).</summary>
    protected NetworkPortal(string? databaseProvider) => Factory = new PortalWebFactory(databaseProvider: databaseProvider);

    public PortalWebFactory Factory { get; }

    public TenantSettings Alfa { get; private set; } = null!;

    public TenantSettings Beta { get; private set; } = null!;

    public string NetworkX { get; private set; } = "";

    public string NetworkY { get; private set; } = "";

    public SeededItem PublicItem { get; private set; } = null!;

    public SeededItem TenantItem { get; private set; } = null!;

    public SeededItem NetworkXItem { get; private set; } = null!;

    /// <summary>A public article that was never published.</summary>
    public SeededItem DraftItem { get; private set; } = null!;

    /// <summary>A published public article with a newer draft whose body is <see cref="DraftOnlyText"/>.</summary>
    public SeededItem PublishedWithDraft { get; private set; } = null!;

    public const string DraftOnlyText = "Hemmelig kladdetekst 5521";

    /// <summary>The sign-in cookie header of each reader (empty for anonymous).</summary>
    private readonly Dictionary<ReaderKind, string> _cookies = [];

    public static string UserName(ReaderKind reader) => reader switch
    {
        ReaderKind.MemberOfX => "medlem-x",
        ReaderKind.MemberOfY => "medlem-y",
        ReaderKind.Editor => "redaktoer",
        _ => "admin",
    };

    public async Task InitializeAsync()
    {
        var recipe = Factory.AppData.EmptyRecipe();
        Alfa = (await Factory.Tenants.CreateAsync(new CreateTenantRequest("Alfa", "alfa", null, recipe, new SetupRequest("admin", "admin@alfa.test", Password)))).Tenant;
        Beta = (await Factory.Tenants.CreateAsync(new CreateTenantRequest("Beta", "beta", null, recipe, new SetupRequest("admin", "admin@beta.test", Password)))).Tenant;

        NetworkX = (await PublishAsync(Alfa, Item("Network", "Netværk X", "Om netværk X", "Public"))).ContentItemId;
        NetworkY = (await PublishAsync(Alfa, Item("Network", "Netværk Y", "Om netværk Y", "Public"))).ContentItemId;
        await CreateUserAsync(Alfa, "medlem-x", PortalRoles.Member, (NetworkX, NetworkRoles.Member));
        await CreateUserAsync(Alfa, "medlem-y", PortalRoles.Member, (NetworkY, NetworkRoles.Member));
        await CreateUserAsync(Alfa, "redaktoer", PortalRoles.Editor);

        PublicItem = await SeedAsync(Item("KnowledgeArticle", "Offentlig artikel 1001", "Alle må læse 1001", "Public"));
        TenantItem = await SeedAsync(Item("KnowledgeArticle", "Intern artikel 2002", "Kun organisationen 2002", "Tenant"));
        NetworkXItem = await SeedAsync(Item("MeetingNote", "Notat fra netværk X 3003", "Kun netværk X 3003", "Network", NetworkX));
        var draft = Item("KnowledgeArticle", "Kladde 4004", "Ikke udgivet 4004", "Public");
        await WriteAsync(Alfa, content => content.SaveDraftAsync(draft));
        DraftItem = await SeededAsync(draft, "Ikke udgivet 4004");
        var withDraft = await PublishAsync(Alfa, Item("KnowledgeArticle", "Udgivet med kladde 6006", "Udgivet tekst 6006", "Public"));
        var newer = withDraft.Clone();
        newer.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = DraftOnlyText;
        await WriteAsync(Alfa, content => content.SaveDraftAsync(newer));
        PublishedWithDraft = await SeededAsync(withDraft, "Udgivet tekst 6006");

        foreach (var reader in Enum.GetValues<ReaderKind>())
        {
            _cookies[reader] = reader switch
            {
                ReaderKind.Anonymous => "",
                // The other tenant's ticket, presented under Alfa's cookie name too: as if copied across.
                ReaderKind.AdministratorOfOtherTenant => AsTenantCookie(await SignInAsync("beta", "admin"), "beta", "alfa"),
                _ => await SignInAsync("alfa", UserName(reader)),
            };
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A client that sends the reader's sign-in cookie with every request (no redirects followed).</summary>
    public HttpClient Client(ReaderKind reader)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (_cookies[reader].Length > 0)
        {
            client.DefaultRequestHeaders.Add("Cookie", _cookies[reader]);
        }

        return client;
    }

    public string Cookie(ReaderKind reader) => _cookies[reader];

    /// <summary>A client that authenticates with a personal access token.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> CreateTokenAsync(TenantSettings tenant, string userName)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        return (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(user!.Id, "test")).Token;
    }

    public async Task<string> CreateUserAsync(TenantSettings tenant, string userName, string role, params (string Network, string Role)[] memberships)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, Email = userName + "@example.test", EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        foreach (var (network, networkRole) in memberships)
        {
            await scope.ServiceProvider.GetRequiredService<NetworkMembers>().SetAsync(network, user.Id, networkRole);
        }

        return user.Id;
    }

    /// <summary>Signs in through the login form (with its antiforgery token) and returns the auth cookie as a Cookie header.</summary>
    public async Task<string> SignInAsync(string prefix, string userName, string password = Password)
    {
        var response = await PostLoginAsync(prefix, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = SetCookies(response).Where(c => c.Name.StartsWith("netvaerk.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
    }

    public async Task<HttpResponseMessage> PostLoginAsync(string prefix, string userName, string password)
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync(new Uri($"/{prefix}/account/login", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var antiforgeryCookie = string.Join("; ", SetCookies(form).Select(c => $"{c.Name}={c.Value}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/{prefix}/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await client.SendAsync(request);
    }

    public static IEnumerable<(string Name, string Value)> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Select(v => (v[..v.IndexOf('=', StringComparison.Ordinal)], v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..])).Where(c => c.Item2.Length > 0)
            : [];

    /// <summary>The same cookie values under the other tenant's cookie names as well.</summary>
    public static string AsTenantCookie(string cookieHeader, string from, string to) =>
        cookieHeader + "; " + cookieHeader.Replace($"netvaerk.auth.{from}", $"netvaerk.auth.{to}", StringComparison.Ordinal);

    public static ContentItem Item(string type, string title, string body, string visibility, string? network = null) =>
        TestItems.Create(type, title, body, visibility, network);

    public async Task<ContentItem> PublishAsync(TenantSettings tenant, ContentItem item)
    {
        await WriteAsync(tenant, content => content.PublishAsync(item));
        return item;
    }

    public async Task WriteAsync(TenantSettings tenant, Func<ContentManager, Task> write)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        await write(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    public async Task<T> InTenantAsync<T>(TenantSettings tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        return await work(scope.ServiceProvider);
    }

    public static StringContent Json(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<SeededItem> SeedAsync(ContentItem item) => await SeededAsync(await PublishAsync(Alfa, item), item.Text("MarkdownBodyPart", "Markdown")!);

    private async Task<SeededItem> SeededAsync(ContentItem item, string body)
    {
        var stored = await InTenantAsync(Alfa, services => services.GetRequiredService<ContentManager>().GetAsync(item.ContentItemId, VersionOptions.Latest));
        return new SeededItem(item.ContentItemId, item.Text("TitlePart", "Title")!, body, stored!.Text("AutoroutePart", "Path")!);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>An item the fixture wrote: its id, title, published body and URL path.</summary>
public sealed record SeededItem(string Id, string Title, string Body, string Path);

[CollectionDefinition(Name)]
public sealed class NetworkPortalCollection : ICollectionFixture<NetworkPortal>
{
    public const string Name = "Networks portal";
}

/// <summary>The networks portal with its tenants on PostgreSQL.</summary>
public sealed class NetworkPortalOnPostgres() : NetworkPortal(NetvaerkPortal.Data.DatabaseProviders.Postgres);

[CollectionDefinition(Name)]
public sealed class NetworkPortalOnPostgresCollection : ICollectionFixture<NetworkPortalOnPostgres>
{
    public const string Name = "Networks portal on Postgres";
}
