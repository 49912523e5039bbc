using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>Two web nodes on one PostgreSQL tenant registry (and one App_Data, where the tenants' SQLite files live): what one
/// node does to a tenant, the other serves within two seconds, without Redis (the registry's version is polled).</summary>
public sealed class PostgresTenantRegistryTests(PostgresRegistryNodes nodes) : IClassFixture<PostgresRegistryNodes>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);
    private readonly TestDatabase _database = nodes.Database;
    private readonly TempAppData _appData = nodes.AppData;
    private readonly PortalNode _a = nodes.A;
    private readonly PortalNode _b = nodes.B;

    [Fact]
    public async Task Tenant_created_on_node_A_answers_on_node_B_within_two_seconds()
    {
        using var b = _b.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri("/nyt/account/login", UriKind.Relative))).StatusCode);

        await CreateAsync(_a, "Nyt", "nyt");

        Assert.True(await AnswersAsync(b, "/nyt/account/login", HttpStatusCode.OK), "node B did not serve the new tenant within 2 s");
        Assert.Equal(TenantState.Running, _b.Services.GetRequiredService<TenantStore>().Find("Nyt")?.State);
    }

    [Fact]
    public async Task Tenant_disabled_on_node_A_stops_answering_on_node_B_within_two_seconds()
    {
        using var b = _b.Client();
        await CreateAsync(_a, "Lukket", "lukket");
        Assert.True(await AnswersAsync(b, "/lukket/account/login", HttpStatusCode.OK));

        _a.Services.GetRequiredService<TenantManager>().Disable("Lukket");

        Assert.True(await AnswersAsync(b, "/lukket/account/login", HttpStatusCode.NotFound), "node B still served the disabled tenant after 2 s");
    }

    [Fact]
    public async Task Two_nodes_creating_one_name_at_once_one_wins_and_the_other_is_told_with_nothing_half_made()
    {
        var attempts = await Task.WhenAll(
            Attempt(() => CreateAsync(_a, "Samme", "samme-a")),
            Attempt(() => CreateAsync(_b, "Samme", "samme-b")));

        Assert.Single(attempts, error => error is null);
        var refused = Assert.Single(attempts, error => error is not null);
        Assert.IsType<TenantSetupException>(refused);
        Assert.Contains("already exists", refused!.Message, StringComparison.Ordinal);
        foreach (var node in new[] { _a, _b })
        {
            var store = node.Services.GetRequiredService<TenantStore>();
            store.Registry.Refresh();
            var samme = Assert.Single(store.All(), t => TenantNames.Same(t.Name, "Samme"));
            Assert.Equal(TenantState.Running, samme.State);
        }

        Assert.Single(_appData.SiteFolders(), folder => folder == "Samme");
    }

    [Fact]
    public void Names_and_prefixes_that_look_like_SQL_are_stored_as_data()
    {
        using var registry = Registry(_database.ConnectionString);
        var hostile = new TenantSettings { Name = "x'); DROP TABLE portal_host.tenants;--", RequestUrlPrefix = "\"; DELETE FROM portal_host.registry; --" };

        registry.Add(hostile);

        Assert.Contains(registry.All(), t => t.Name == hostile.Name && t.RequestUrlPrefix == hostile.RequestUrlPrefix);
        Assert.Contains(registry.All(), t => t.IsDefault);
        var again = Assert.Throws<TenantSetupException>(() => registry.Add(hostile with { Name = "Andet" }));
        Assert.Contains("prefix", again.Message, StringComparison.Ordinal);
        registry.Remove(hostile.Name);
        Assert.DoesNotContain(registry.All(), t => t.Name == hostile.Name);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Bogus=1", "not a PostgreSQL connection string")]
    [InlineData("'; DROP SCHEMA portal_host CASCADE;--", "not a PostgreSQL connection string")]
    [InlineData("   ", "ConnectionString is empty")]
    public void A_connection_string_that_is_not_one_is_refused_saying_what_to_fix(string connectionString, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Registry(connectionString));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_named_with_what_to_do()
    {
        using var registry = Registry("Host=127.0.0.1;Port=1;Username=netvaerk;Password=netvaerk;Database=netvaerk_test;Timeout=2");
        var error = Assert.Throws<InvalidOperationException>(registry.All);
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Start PostgreSQL or fix Portal:Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_name_that_tries_to_escape_reaches_no_other_database()
    {
        var escaping = new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "../postgres\"; DROP DATABASE postgres;--" }.ConnectionString;
        using var registry = Registry(escaping);
        var error = Assert.Throws<InvalidOperationException>(registry.All);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    private static PostgresTenantRegistry Registry(string connectionString) =>
        new(connectionString, new TenantChanges(), NullLogger<PostgresTenantRegistry>.Instance);

    private async Task CreateAsync(PortalNode node, string name, string prefix) =>
        await node.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            name, prefix, null, _appData.EmptyRecipe(), new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));

    private static async Task<Exception?> Attempt(Func<Task> work)
    {
        try
        {
            await work();
            return null;
        }
        catch (TenantSetupException error)
        {
            return error;
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var until = DateTime.UtcNow + Within;
        while (true)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == expected)
            {
                return true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>The two nodes and their registry database, once for the test class.</summary>
public sealed class PostgresRegistryNodes : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create(NetvaerkPortal.Data.DatabaseProviders.Postgres);

    public TempAppData AppData { get; } = new();

    public PortalNode A { get; private set; } = null!;

    public PortalNode B { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["Portal:Database:ConnectionString"] = Database.ConnectionString,
        };
        A = new PortalNode(AppData.Path, settings);
        A.Client().Dispose();
        B = new PortalNode(AppData.Path, settings);
        B.Client().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        AppData.Dispose();
        Database.Dispose();
    }
}
