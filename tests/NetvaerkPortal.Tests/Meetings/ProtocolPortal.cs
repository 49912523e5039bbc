using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Protocols;
using Netvaerk.Networks.Members;
using Netvaerk.Search.Lucene.Indexes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>One portal for the protocol tests: the Default tenant as the netvaerk-portal recipe sets it up (with the six
/// built-in protocols), networks X and Y, a member and a coordinator of X, a member of Y, a signed-in user of no network,
/// an editor, and X's own protocol (<see cref="XProtocol"/>, Network-visible). Tests that change things make their own.</summary>
public sealed class ProtocolPortal : IAsyncLifetime
{
    public const string Password = "Netvaerk-kodeord-2026";

    /// <summary>A word only X's own protocol contains, to search for.</summary>
    public const string SecretWord = "zebrafinkeprotokol";

    public const string KollegialSparring = "protokolkollegialsparring0";

    public PortalWebFactory Factory { get; } = new();

    public TenantSettings Tenant { get; private set; } = null!;

    public string NetworkX { get; private set; } = "";

    public string NetworkY { get; private set; } = "";

    public string XProtocol { get; private set; } = "";

    private readonly Dictionary<string, BrowserlessSession> _sessions = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        Tenant = Factory.Store.Find(TenantSettings.DefaultName)!;
        NetworkX = (await PublishAsync(TestItems.Create("Network", "Netværk X", "Om X", Visibility.Public))).ContentItemId;
        NetworkY = (await PublishAsync(TestItems.Create("Network", "Netværk Y", "Om Y", Visibility.Public))).ContentItemId;
        await CreateUserAsync("medlem-x", PortalRoles.Member, (NetworkX, NetworkRoles.Member));
        await CreateUserAsync("tovholder-x", PortalRoles.Member, (NetworkX, NetworkRoles.Coordinator));
        await CreateUserAsync("medlem-y", PortalRoles.Member, (NetworkY, NetworkRoles.Member));
        await CreateUserAsync("udenfor", PortalRoles.Member);
        await CreateUserAsync("redaktoer", PortalRoles.Editor);

        var own = Protocol("X's egen sparring", NetworkX, ("Runde", 10, false), ("Sparring", 20, true));
        own.GetOrCreatePart(ProtocolPart.PartName)["Description"] = $"Kun for netværk X: {SecretWord}.";
        XProtocol = (await PublishAsync(own)).ContentItemId;
        await CatchUpSearchAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        await Factory.DisposeAsync();
    }

    /// <summary>A signed-in browser session of the user (made once, kept).</summary>
    public async Task<BrowserlessSession> SessionAsync(string userName)
    {
        if (!_sessions.TryGetValue(userName, out var session))
        {
            session = new BrowserlessSession(Factory);
            await session.SignInAsync(userName, userName == "admin" ? PortalTestHost.AdminPassword : Password);
            _sessions[userName] = session;
        }

        return session;
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client that authenticates with a personal access token of the user.</summary>
    public async Task<HttpClient> TokenClientAsync(string userName)
    {
        var token = await InTenantAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
            return (await services.GetRequiredService<PersonalAccessTokens>().CreateAsync(user!.Id, "test")).Token;
        });
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> CreateUserAsync(string userName, string role, params (string Network, string Role)[] memberships) =>
        await InTenantAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = userName, Email = userName + "@example.test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            foreach (var (network, networkRole) in memberships)
            {
                await services.GetRequiredService<NetworkMembers>().SetAsync(network, user.Id, networkRole);
            }

            return user.Id;
        });

    /// <summary>A protocol item (not stored) with the given phases.</summary>
    public static ContentItem Protocol(string title, string? network, params (string Name, int Minutes, bool PerCase)[] phases)
    {
        var item = new ContentItem { ContentItemId = ContentManager.NewId(), ContentType = ProtocolPart.ContentType };
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        if (network is not null)
        {
            item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network;
        }

        item.GetOrCreatePart(ProtocolPart.PartName)["Phases"] = new JsonArray(phases
            .Select(p => (JsonNode)new JsonObject { ["Name"] = p.Name, ["Minutes"] = p.Minutes, ["PerCase"] = p.PerCase }).ToArray());
        return item;
    }

    public async Task<ContentItem> PublishAsync(ContentItem item)
    {
        await InTenantAsync(async services =>
        {
            await services.GetRequiredService<ContentManager>().PublishAsync(item);
            return true;
        });
        return item;
    }

    public async Task<ContentItem?> LatestAsync(string id) =>
        await InTenantAsync(services => services.GetRequiredService<ContentManager>().GetAsync(id, VersionOptions.Latest));

    public async Task<T> InTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(Tenant);
        return await work(scope.ServiceProvider);
    }

    public Task CatchUpSearchAsync() => Factory.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Tenant);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

[CollectionDefinition(Name)]
public sealed class ProtocolPortalCollection : ICollectionFixture<ProtocolPortal>
{
    public const string Name = "Protocols portal";
}
