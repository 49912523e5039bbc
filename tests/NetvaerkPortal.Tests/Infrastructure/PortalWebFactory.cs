using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>The real web host (Program) on a fresh App_Data, with the test content types registered; new tenants on
/// <paramref name="databaseProvider"/> (SQLite when null; PostgreSQL in a database of the factory's own).</summary>
public sealed class PortalWebFactory(Action<IServiceCollection>? configureServices = null, string? databaseProvider = null) : WebApplicationFactory<Program>
{
    public TempAppData AppData { get; } = new();

    public TestDatabase Database { get; } = TestDatabase.Create(databaseProvider);

    public TenantManager Tenants => Services.GetRequiredService<TenantManager>();

    public TenantStore Store => Services.GetRequiredService<TenantStore>();

    /// <summary>A client whose requests carry the given host name.</summary>
    public HttpClient ClientFor(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/"), AllowAutoRedirect = false });

    public async Task<TenantSettings> CreateTenantAsync(string name, string? prefix = null, string? host = null)
    {
        prefix ??= host is null ? name.ToLowerInvariant() : null;
        var result = await Tenants.CreateAsync(new CreateTenantRequest(
            name, prefix, host, "netvaerk-portal", new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));
        return result.Tenant;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:AppDataPath", AppData.Path);
        builder.UseSetting("Portal:Setup:AdminPassword", PortalTestHost.AdminPassword);
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        // Every test client signs in from the same (absent) address, far more often than people do; the
        // throttling tests set their own small limits.
        builder.UseSetting("Portal:SignIn:AddressPermitLimit", "100000");
        builder.UseSetting("Portal:SignIn:FreeAddressFailures", "100000");
        builder.ConfigureServices(services =>
        {
            services.AddTestContentTypes();
            configureServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        AppData.Dispose();
        Database.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            AppData.Dispose();
            Database.Dispose();
        }
    }
}
