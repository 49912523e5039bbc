using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>The portal's services without a web server, on a fresh App_Data: for tests that work
/// through ContentManager, TenantManager and tenant scopes directly.</summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    public const string AdminPassword = "Testkodeord-2026";

    private readonly IHost _host;

    private PortalTestHost(IHost host, TempAppData appData, TestDatabase database)
    {
        _host = host;
        AppData = appData;
        Database = database;
    }

    public TempAppData AppData { get; }

    /// <summary>The engine new tenants get (SQLite unless the host was created for PostgreSQL).</summary>
    public TestDatabase Database { get; }

    public IServiceProvider Services => _host.Services;

    public TenantManager Tenants => Services.GetRequiredService<TenantManager>();

    public static PortalTestHost Create(Action<IServiceCollection>? configureServices = null, string? databaseProvider = null)
    {
        var appData = new TempAppData();
        TestDatabase? database = null;
        try
        {
            database = TestDatabase.Create(databaseProvider);
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings
            {
                DisableDefaults = true,
                ApplicationName = typeof(Program).Assembly.GetName().Name,
                ContentRootPath = appData.Path,
                EnvironmentName = Environments.Development,
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:AppDataPath"] = appData.Path,
                ["Portal:Setup:AdminPassword"] = AdminPassword,
            });
            builder.Configuration.AddInMemoryCollection(database.Settings);
            builder.AddPortalServices();
            builder.Services.AddTestContentTypes();
            configureServices?.Invoke(builder.Services);
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
            return new PortalTestHost(builder.Build(), appData, database);
        }
        catch
        {
            appData.Dispose();
            database?.Dispose();
            throw;
        }
    }

    /// <summary>Creates and sets up a tenant (database, admin, all features); by default at the prefix of its lowercased name.</summary>
    public async Task<TenantSettings> CreateTenantAsync(string name, string? prefix = null, string? host = null)
    {
        prefix ??= host is null ? name.ToLowerInvariant() : null;
        var result = await Tenants.CreateAsync(new CreateTenantRequest(
            name, prefix, host, AppData.EmptyRecipe(), new SetupRequest("admin", "admin@example.test", AdminPassword)));
        return result.Tenant;
    }

    /// <summary>A service scope that belongs to the tenant, as a request or command would have.</summary>
    public AsyncServiceScope OpenScope(TenantSettings tenant) => Services.GetRequiredService<TenantScopes>().Create(tenant);

    /// <summary>Runs a query in a scope of its own, so it reads what is committed, not what a context tracks.</summary>
    public async Task<T> QueryAsync<T>(TenantSettings tenant, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = OpenScope(tenant);
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        AppData.Dispose();
        Database.Dispose();
    }
}
