using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Data;

/// <summary>PostgreSQL tenants: a schema each in one database, all their tables (the modules' too) inside it; an operator's
/// mistake (unknown provider, bad connection string, no server) says what to do and leaves no tenant, folder or schema.</summary>
public sealed class PostgresTenantTests
{
    [Fact]
    public async Task A_tenant_on_Postgres_keeps_every_table_in_its_own_schema_and_serves_its_content()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        var alfa = await host.CreateTenantAsync("Alfa");
        var beta = await host.CreateTenantAsync("Beta");
        var item = TestContent.NewArticle("Ærø", "Øen i syd", "aeroe");
        await using (var scope = host.OpenScope(alfa))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(item);
        }

        Assert.Equal(DatabaseProviders.Postgres, alfa.DatabaseProvider);
        Assert.Equal(["tenant_alfa", "tenant_beta"], await host.Database.TenantSchemasAsync());
        var tables = await TablesAsync(host.Database, "tenant_alfa");
        Assert.Contains("ContentItems", tables);
        Assert.Contains("NetworkMembers", tables);
        Assert.Contains("Meetings", tables);
        Assert.Contains("__NetworksMigrationsHistory", tables);
        Assert.Empty(await TablesAsync(host.Database, "public"));
        Assert.Equal("Ærø", await host.QueryAsync(alfa, db => db.ContentItems.Where(r => r.ContentItemId == item.ContentItemId && r.Published).Select(r => r.DisplayText).SingleAsync()));
        Assert.False(await host.QueryAsync(beta, db => db.ContentItems.AnyAsync(r => r.ContentItemId == item.ContentItemId)));
    }

    [Fact]
    public async Task One_node_serves_SQLite_and_Postgres_tenants_side_by_side()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        var lite = (await host.Tenants.CreateAsync(new CreateTenantRequest("Lite", "lite", null, host.AppData.EmptyRecipe(), Request(), DatabaseProviders.Sqlite))).Tenant;
        var postgres = await host.CreateTenantAsync("Pg");

        // Alternating engines: queries compiled once must not stay bound to the engine they first ran on.
        foreach (var tenant in new[] { lite, postgres, lite, postgres })
        {
            await using var scope = host.OpenScope(tenant);
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = TestContent.NewArticle("Både og " + tenant.Name);
            await content.PublishAsync(item);
            Assert.Equal("Både og " + tenant.Name, (await content.GetAsync(item.ContentItemId))?.DisplayText);
            Assert.NotNull(await content.GetAsync(item.ContentItemId, VersionOptions.Latest));
        }

        Assert.Equal(DatabaseProviders.Sqlite, lite.DatabaseProvider);
        Assert.True(File.Exists(Path.Combine(host.AppData.SitePath("Lite"), "portal.db")));
        Assert.Equal(["tenant_pg"], await host.Database.TenantSchemasAsync());
    }

    [Fact]
    public async Task A_search_path_in_the_connection_string_cannot_move_a_tenant_into_another_schema()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        var hostile = host.Database.ConnectionString + ";Search Path=public";

        var tenant = (await host.Tenants.CreateAsync(new CreateTenantRequest("Gamma", "gamma", null, host.AppData.EmptyRecipe(), Request(), DatabaseProviders.Postgres, hostile))).Tenant;

        Assert.DoesNotContain("Search Path", tenant.ConnectionString, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await TablesAsync(host.Database, "public"));
        Assert.Contains("ContentItems", await TablesAsync(host.Database, "tenant_gamma"));
    }

    [Fact]
    public async Task A_failed_setup_on_Postgres_leaves_no_schema_no_entry_and_no_folder()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        var broken = Path.Combine(host.AppData.Path, "broken.recipe.json");
        File.WriteAllText(broken, """{ "name": "broken", "steps": [ { "name": "content", "data": [ { "ContentType": "Ukendt" } ] } ] }""");

        await Assert.ThrowsAsync<RecipeException>(() => host.Tenants.CreateAsync(new CreateTenantRequest("Nyborg", "nyborg", null, broken, Request())));

        Assert.Empty(await host.Database.TenantSchemasAsync());
        Assert.Empty(host.Tenants.List());
        Assert.Empty(host.AppData.SiteFolders());
        // Nothing half-made stands in the way of trying again.
        await host.Tenants.CreateAsync(new CreateTenantRequest("Nyborg", "nyborg", null, host.AppData.EmptyRecipe(), Request()));
        Assert.Equal(["tenant_nyborg"], await host.Database.TenantSchemasAsync());
    }

    [Fact]
    public async Task A_schema_that_already_holds_tables_is_left_alone_and_the_tenant_refused()
    {
        await using var host = PortalTestHost.Create(databaseProvider: DatabaseProviders.Postgres);
        await using (var connection = await DatabaseProviders.OpenPostgresAsync(host.Database.ConnectionString, CancellationToken.None))
        {
            await using var command = new NpgsqlCommand("""CREATE SCHEMA tenant_delta; CREATE TABLE tenant_delta.someone_elses (id int)""", connection);
            await command.ExecuteNonQueryAsync();
        }

        var failed = await Record.ExceptionAsync(() => host.CreateTenantAsync("Delta"));

        Assert.IsType<TenantSetupException>(failed);
        Assert.Contains("already holds tables", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["someone_elses"], await TablesAsync(host.Database, "tenant_delta"));
        Assert.Empty(host.Tenants.List());
    }

    [Theory]
    [InlineData("Oracle", "not known")]
    [InlineData("../Sqlite", "not known")]
    [InlineData("Postgres'; DROP SCHEMA public; --", "not known")]
    [InlineData("", "")]
    public async Task An_unknown_provider_is_refused_before_anything_is_made(string provider, string expected)
    {
        await using var host = PortalTestHost.Create();
        var request = new CreateTenantRequest("Epsilon", "epsilon", null, host.AppData.EmptyRecipe(), Request(), provider);

        var failed = await Record.ExceptionAsync(() => host.Tenants.CreateAsync(request));

        if (expected.Length == 0)
        {
            // An empty provider means the default, SQLite.
            Assert.Null(failed);
            Assert.Equal(DatabaseProviders.Sqlite, host.Tenants.List().Single().DatabaseProvider);
            return;
        }

        Assert.IsType<TenantSetupException>(failed);
        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", failed.Message, StringComparison.Ordinal);
        Assert.Empty(host.Tenants.List());
        Assert.Empty(host.AppData.SiteFolders());
    }

    [Theory]
    [InlineData("", "needs a connection string")]
    [InlineData("this is not a connection string", "not valid")]
    [InlineData("Host=127.0.0.1;Nonsense=1", "not valid")]
    [InlineData("Username=netvaerk;Password=x", "must name the server")]
    [InlineData("Host=127.0.0.1;Port=1;Username=netvaerk;Password=netvaerk;Database=netvaerk;Timeout=3", "Could not reach")]
    [InlineData("Host=127.0.0.1;Port=5432;Username=netvaerk;Password=wrong;Database=netvaerk", "Could not reach")]
    public async Task A_bad_connection_string_or_unreachable_server_leaves_no_tenant(string connectionString, string expected)
    {
        await using var host = PortalTestHost.Create();
        var request = new CreateTenantRequest("Zeta", "zeta", null, host.AppData.EmptyRecipe(), Request(), DatabaseProviders.Postgres, connectionString);

        var failed = await Record.ExceptionAsync(() => host.Tenants.CreateAsync(request));

        Assert.IsType<TenantSetupException>(failed);
        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", failed.Message, StringComparison.Ordinal);
        Assert.Empty(host.Tenants.List());
        Assert.Empty(host.AppData.SiteFolders());
    }

    [Fact]
    public async Task A_SQLite_tenant_takes_no_connection_string_from_outside_its_folder()
    {
        await using var host = PortalTestHost.Create();
        var request = new CreateTenantRequest("Eta", "eta", null, host.AppData.EmptyRecipe(), Request(), DatabaseProviders.Sqlite, "Data Source=/etc/passwd");

        var failed = await Record.ExceptionAsync(() => host.Tenants.CreateAsync(request));

        Assert.IsType<TenantSetupException>(failed);
        Assert.Empty(host.Tenants.List());
    }

    [Theory]
    [InlineData("Alfa", "tenant_alfa")]
    [InlineData("NYBORG-kommune_2", "tenant_nyborg-kommune_2")]
    public void A_schema_is_named_for_the_lowercased_tenant(string name, string schema) =>
        Assert.Equal(schema, DatabaseProviders.SchemaName(name));

    [Theory]
    [InlineData("a\"; DROP SCHEMA public CASCADE; --")]
    [InlineData("../public")]
    [InlineData("public.x")]
    [InlineData("")]
    [InlineData("ålborg")]
    public void A_hostile_tenant_name_never_becomes_a_schema(string name) =>
        Assert.Throws<TenantSetupException>(() => DatabaseProviders.SchemaName(name));

    [Fact]
    public void Long_names_stay_distinct_within_PostgreSQLs_identifier_limit()
    {
        var one = DatabaseProviders.SchemaName("A" + new string('b', 61) + "1");
        var two = DatabaseProviders.SchemaName("A" + new string('b', 61) + "2");

        Assert.True(one.Length <= 63 && two.Length <= 63);
        Assert.NotEqual(one, two);
        Assert.Equal("\"a\"\"b\"", DatabaseProviders.QuoteIdentifier("a\"b"));
    }

    [Fact]
    public async Task The_command_line_creates_a_Postgres_tenant_and_refuses_an_unknown_provider()
    {
        using var database = TestDatabase.Create(DatabaseProviders.Postgres);
        using var portal = new PortalCommandRunner();

        var unknown = await portal.RunAsync("tenants", "create", "Theta", "--prefix", "theta", "--recipe", "ny-organisation", "--database-provider", "MySql");
        var created = await portal.RunAsync("tenants", "create", "Theta", "--prefix", "theta", "--recipe", "ny-organisation",
            "--database-provider", "postgres", "--connection-string", database.ConnectionString);

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("'MySql' is not known", unknown.All, StringComparison.Ordinal);
        Assert.True(created.ExitCode == 0, created.All);
        Assert.Equal(["tenant_theta"], await database.TenantSchemasAsync());
        Assert.Contains("\"DatabaseProvider\": \"Postgres\"", File.ReadAllText(portal.TenantsFile), StringComparison.Ordinal);
    }

    private static SetupRequest Request() => new("admin", "admin@example.test", PortalTestHost.AdminPassword);

    private static async Task<List<string>> TablesAsync(TestDatabase database, string schema)
    {
        await using var connection = await DatabaseProviders.OpenPostgresAsync(database.ConnectionString, CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = @schema ORDER BY tablename", connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
