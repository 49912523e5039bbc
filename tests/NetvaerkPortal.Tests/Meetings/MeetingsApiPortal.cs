using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>"Now" for the meetings tests: the real time plus an offset a test may move (and must put back).</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>One portal for the meetings tests: tenant Alfa with network X (coordinator "tovholder", members anne, bo,
/// carl, dorte; a charter) and network Y (member "yrsa"), an editor; the organisation's protocol, X's own protocol and
/// Y's own protocol; tenant Beta with its own network and meeting. Each user has a personal access token.
/// Tests make their own meetings, so they do not disturb each other.</summary>
public class MeetingsApiPortal : IAsyncLifetime
{
    public const string Password = "Netvaerk-kodeord-2026";
    public const string Purpose = "Vi deler erfaringer med ledelse af fagprofessionelle.";
    public const string DesiredEffect = "Deltagerne går hjem med en konkret næste handling.";

    public ShiftedClock Clock { get; } = new();

    public PortalWebFactory Factory { get; }

    public MeetingsApiPortal()
        : this(null)
    {
    }

    /// <summary>The same portal with its tenants on <paramref name="databaseProvider"/> (the provider matrix).</summary>
    protected MeetingsApiPortal(string? databaseProvider) =>
        Factory = new PortalWebFactory(services => services.AddSingleton<TimeProvider>(Clock), databaseProvider);

    public TenantSettings Alfa { get; private set; } = null!;

    public TenantSettings Beta { get; private set; } = null!;

    public string NetworkX { get; private set; } = "";

    public string NetworkY { get; private set; } = "";

    public string NetworkBeta { get; private set; } = "";

    /// <summary>The organisation's protocol: check-in 15, then per case: case 10, questions 15, reflection 20; closing 10.</summary>
    public string SharedProtocol { get; private set; } = "";

    public string ProtocolOfX { get; private set; } = "";

    public string ProtocolOfY { get; private set; } = "";

    public string BetaMeeting { get; private set; } = "";

    public Dictionary<string, string> UserIds { get; } = [];

    private readonly Dictionary<string, string> _tokens = [];

    public static readonly string[] MembersOfX = ["anne", "bo", "carl", "dorte"];

    public async Task InitializeAsync()
    {
        var recipe = Factory.AppData.EmptyRecipe();
        Alfa = (await Factory.Tenants.CreateAsync(new CreateTenantRequest("Alfa", "alfa", null, recipe, new SetupRequest("admin", "admin@alfa.test", Password)))).Tenant;
        Beta = (await Factory.Tenants.CreateAsync(new CreateTenantRequest("Beta", "beta", null, recipe, new SetupRequest("admin", "admin@beta.test", Password)))).Tenant;

        var x = TestItems.Create("Network", "Ledernetværk X", "Om X", "Tenant");
        x.GetOrCreatePart("NetworkPart")["Purpose"] = Purpose;
        x.GetOrCreatePart("NetworkPart")["DesiredEffect"] = DesiredEffect;
        NetworkX = await PublishAsync(Alfa, x);
        NetworkY = await PublishAsync(Alfa, TestItems.Create("Network", "Netværk Y", "Om Y", "Public"));
        NetworkBeta = await PublishAsync(Beta, TestItems.Create("Network", "Beta-netværk", "Om Beta", "Public"));

        UserIds["admin"] = await UserIdAsync(Alfa, "admin");
        UserIds["tovholder"] = await CreateUserAsync(Alfa, "tovholder", PortalRoles.Member, (NetworkX, NetworkRoles.Coordinator));
        foreach (var name in MembersOfX)
        {
            UserIds[name] = await CreateUserAsync(Alfa, name, PortalRoles.Member, (NetworkX, NetworkRoles.Member));
        }

        UserIds["yrsa"] = await CreateUserAsync(Alfa, "yrsa", PortalRoles.Member, (NetworkY, NetworkRoles.Member));
        UserIds["redaktoer"] = await CreateUserAsync(Alfa, "redaktoer", PortalRoles.Editor);
        foreach (var name in UserIds.Keys)
        {
            _tokens[name] = await CreateTokenAsync(Alfa, name);
        }

        _tokens["beta-admin"] = await CreateTokenAsync(Beta, "admin");

        SharedProtocol = await AddProtocolAsync(Alfa, "Kollegial sparring", null,
            ("Check-in", 15, false), ("Casefremlæggelse", 10, true), ("Afklarende spørgsmål", 15, true), ("Refleksion", 20, true), ("Afslutning", 10, false));
        ProtocolOfX = await AddProtocolAsync(Alfa, "X's erfa-runde", NetworkX, ("Runde", 30, false), ("Tema", 60, false));
        ProtocolOfY = await AddProtocolAsync(Alfa, "Y's egen", NetworkY, ("Runde", 30, false));
        BetaMeeting = await InTenantAsync(Beta, async services =>
            (await services.GetRequiredService<Netvaerk.Meetings.Planning.MeetingPlanner>()
                .PlanAsync(NetworkBeta, new Netvaerk.Meetings.Planning.PlanMeetings(FutureStart(30), 120, null, "Beta", null)))[0].Id);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A local start <paramref name="days"/> days from (shifted) now at 13:00.</summary>
    public DateTime FutureStart(int days) =>
        DateTime.SpecifyKind(Netvaerk.Meetings.MeetingTime.ToLocal(Clock.GetUtcNow().UtcDateTime).Date.AddDays(days).AddHours(13), DateTimeKind.Unspecified);

    public static string Iso(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client with the user's personal access token; "anonymous" for none, "beta-admin" for the other tenant's administrator.</summary>
    public HttpClient Client(string user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (user != "anonymous")
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Uri Url(string path) => new("/alfa" + path, UriKind.Relative);

    public async Task<T> InTenantAsync<T>(TenantSettings tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        return await work(scope.ServiceProvider);
    }

    /// <summary>The number of rows in each of the module's tables, to show that a refused write changed nothing.</summary>
    public Task<string> RowCountsAsync() => InTenantAsync(Alfa, async services =>
    {
        var db = services.GetRequiredService<MeetingsDbContext>();
        return await db.InPortalTransactionAsync(async () =>
            $"meetings {await db.Meetings.CountAsync()}, cases {await db.Cases.CountAsync()}, roles {await db.Roles.CountAsync()}, swaps {await db.SwapRequests.CountAsync()}, " +
            $"rsvps {await db.Rsvps.CountAsync()}, attendance {await db.Attendance.CountAsync()}, actions {await db.Actions.CountAsync()}, " +
            $"sequence {await db.Meetings.SumAsync(m => m.Sequence)}, cancelled {await db.Meetings.CountAsync(m => m.Cancelled)}, " +
            $"starts {(await db.Meetings.Select(m => m.StartUtc).ToListAsync()).Sum(start => start.Ticks / TimeSpan.TicksPerMinute)}, selected {await db.Cases.CountAsync(c => c.Selected)}, " +
            $"modified {(await db.Meetings.Select(m => m.ModifiedUtc).ToListAsync()).Sum(at => at.Ticks / TimeSpan.TicksPerMillisecond)}", CancellationToken.None);
    });

    private async Task<string> PublishAsync(TenantSettings tenant, ContentItem item)
    {
        await InTenantAsync(tenant, async services => { await services.GetRequiredService<ContentManager>().PublishAsync(item); return true; });
        return item.ContentItemId;
    }

    /// <summary>Writes a published Protocol item straight into the content table: the content type is the protocols
    /// feature's; planning only reads its part (ProtocolPart.Phases) and its network.</summary>
    public Task<string> AddProtocolAsync(TenantSettings tenant, string name, string? network, params (string Name, int Minutes, bool PerCase)[] phases) =>
        InTenantAsync(tenant, async services =>
        {
            var item = new ContentItem { ContentItemId = ContentIds.New(), ContentType = "Protocol", DisplayText = name, Latest = true, Published = true };
            item.GetOrCreatePart("TitlePart")["Title"] = name;
            item.GetOrCreatePart("ProtocolPart")["Phases"] = new JsonArray(phases.Select(p => (JsonNode)new JsonObject { ["Name"] = p.Name, ["Minutes"] = p.Minutes, ["PerCase"] = p.PerCase }).ToArray());
            if (network is not null)
            {
                item.GetOrCreatePart("NetworkItemPart")["NetworkContentItemId"] = network;
            }

            var db = services.GetRequiredService<PortalDbContext>();
            var record = new ContentItemRecord
            {
                ContentItemId = item.ContentItemId,
                ContentItemVersionId = ContentIds.New(),
                ContentType = item.ContentType,
                Data = "{}",
                Latest = true,
                Published = true,
                CreatedUtc = DateTime.UtcNow,
                PublishedUtc = DateTime.UtcNow,
            };
            ContentRecords.CopyInto(item, record, DateTime.UtcNow);
            db.ContentItems.Add(record);
            await db.SaveChangesAsync();
            return item.ContentItemId;
        });

    public async Task<string> CreateUserAsync(TenantSettings tenant, string userName, string role, params (string Network, string Role)[] memberships) =>
        await InTenantAsync(tenant, async services =>
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

    private Task<string> UserIdAsync(TenantSettings tenant, string userName) =>
        InTenantAsync(tenant, async services => (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id);

    private Task<string> CreateTokenAsync(TenantSettings tenant, string userName) =>
        InTenantAsync(tenant, async services => (await services.GetRequiredService<PersonalAccessTokens>().CreateAsync(await UserIdAsync(tenant, userName), "test")).Token);
}

[CollectionDefinition(Name)]
public sealed class MeetingsApiPortalCollection : ICollectionFixture<MeetingsApiPortal>
{
    public const string Name = "Meetings portal";
}

/// <summary>The meetings portal with its tenants on PostgreSQL.</summary>
public sealed class MeetingsApiPortalOnPostgres() : MeetingsApiPortal(NetvaerkPortal.Data.DatabaseProviders.Postgres);

[CollectionDefinition(Name)]
public sealed class MeetingsApiPortalOnPostgresCollection : ICollectionFixture<MeetingsApiPortalOnPostgres>
{
    public const string Name = "Meetings portal on Postgres";
}
