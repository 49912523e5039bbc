using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Tests.Modules;

/// <summary>A route a module maps answers only on tenants that enabled the module's feature.</summary>
public sealed class FeatureGateTests
{
    private const string ProbeFeature = "Test.Probe";

    [Fact]
    public async Task A_module_route_answers_404_on_a_tenant_that_did_not_enable_the_feature()
    {
        await using var portal = await ProbePortal.StartAsync();
        await portal.CreateTenantAsync("Alle", "alle");
        var without = await portal.CreateTenantAsync("Uden", "uden");
        await portal.SetFeaturesAsync(without, ["Netvaerk.Networks"]);

        var enabled = await portal.Client.GetAsync(new Uri("/alle/probe", UriKind.Relative));
        var disabled = await portal.Client.GetAsync(new Uri("/uden/probe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal("probe from Alle", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
    }

    [Fact]
    public async Task Turning_a_feature_off_closes_its_routes_at_once()
    {
        await using var portal = await ProbePortal.StartAsync();
        var tenant = await portal.CreateTenantAsync("Alle", "alle");
        Assert.Equal(HttpStatusCode.OK, (await portal.Client.GetAsync(new Uri("/alle/probe", UriKind.Relative))).StatusCode);

        await portal.SetFeaturesAsync(tenant, ["Netvaerk.Networks"]);

        Assert.Equal(HttpStatusCode.NotFound, (await portal.Client.GetAsync(new Uri("/alle/probe", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Routes_that_belong_to_no_module_answer_on_every_tenant()
    {
        await using var portal = await ProbePortal.StartAsync();
        var tenant = await portal.CreateTenantAsync("Uden", "uden");
        await portal.SetFeaturesAsync(tenant, []);

        var response = await portal.Client.GetAsync(new Uri("/uden/open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_reader_between_staging_and_commit_does_not_keep_the_old_features()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Skift", "skift");
        await using var writer = host.OpenScope(tenant);
        var features = writer.ServiceProvider.GetRequiredService<TenantFeatures>();
        await features.SetAsync(tenant.Name, writer.ServiceProvider.GetRequiredService<SiteDocuments>(), ["Netvaerk.Networks"]);

        // A background reader (the indexer) asks in another scope before the write commits and caches what it sees.
        await using (var reader = host.OpenScope(tenant))
        {
            Assert.Contains("Netvaerk.Search.Lucene", await features.GetAsync(tenant.Name, reader.ServiceProvider.GetRequiredService<SiteDocuments>()));
        }

        await writer.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();

        await using var after = host.OpenScope(tenant);
        Assert.DoesNotContain("Netvaerk.Search.Lucene", await features.GetAsync(tenant.Name, after.ServiceProvider.GetRequiredService<SiteDocuments>()));
    }

    [Fact]
    public async Task The_gate_refuses_an_endpoint_whose_feature_the_tenant_lacks()
    {
        await using var host = PortalTestHost.Create();
        var tenant = await host.CreateTenantAsync("Uden", "uden");
        await using var scope = host.OpenScope(tenant);
        var features = scope.ServiceProvider.GetRequiredService<TenantFeatures>();
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        await features.SetAsync(tenant.Name, documents, ["Netvaerk.Networks"]);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();

        var reached = new List<string>();
        var gate = new FeatureGateMiddleware(context => { reached.Add(context.GetEndpoint()!.DisplayName!); return Task.CompletedTask; }, features);
        var statuses = new Dictionary<string, int>();
        foreach (var feature in new[] { "Netvaerk.Networks", "Netvaerk.Search.Lucene", "Netvaerk.Content" })
        {
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new RequiresFeatureMetadata(feature)), feature));
            await gate.InvokeAsync(context, scope.ServiceProvider.GetRequiredService<TenantContext>(), documents);
            statuses[feature] = context.Response.StatusCode;
        }

        Assert.Equal(["Netvaerk.Networks", "Netvaerk.Content"], reached);
        Assert.Equal(StatusCodes.Status404NotFound, statuses["Netvaerk.Search.Lucene"]);
    }

    /// <summary>A module of the test's own, mapping one route.</summary>
    private sealed class ProbeStartup : ModuleStartup
    {
        public override void MapRoutes(IEndpointRouteBuilder routes) =>
            routes.MapGet("/probe", (TenantContext tenant) => $"probe from {tenant.Name}");
    }

    /// <summary>The portal's tenant pipeline on a test server, with the web host's modules plus the probe module.</summary>
    private sealed class ProbePortal : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TempAppData _appData;

        private ProbePortal(WebApplication app, TempAppData appData)
        {
            _app = app;
            _appData = appData;
            Client = app.GetTestClient();
        }

        public HttpClient Client { get; }

        public static async Task<ProbePortal> StartAsync()
        {
            var appData = new TempAppData();
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(Program).Assembly.GetName().Name,
                ContentRootPath = appData.Path,
                EnvironmentName = Environments.Development,
            });
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:AppDataPath"] = appData.Path });
            builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));

            var discovered = ModuleCatalog.Discover(typeof(Program).Assembly).Ordered;
            var probe = new ModuleDescriptor(ProbeFeature, "Probe", ["Netvaerk.Content"], false, "", typeof(ProbeStartup).Assembly, typeof(ProbeStartup));
            builder.Services.AddPortalCore(new ModuleCatalog([.. discovered, probe]));

            var app = builder.Build();
            app.UseMiddleware<TenantMiddleware>();
            app.UsePortalTenants();
            app.MapPortalModules();
            app.MapGet("/open", () => "open");
            await app.StartAsync();
            return new ProbePortal(app, appData);
        }

        public async Task<TenantSettings> CreateTenantAsync(string name, string prefix) =>
            (await _app.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
                name, prefix, null, _appData.EmptyRecipe(ProbeFeature), new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)))).Tenant;

        public async Task SetFeaturesAsync(TenantSettings tenant, string[] features)
        {
            await using var scope = _app.Services.GetRequiredService<TenantScopes>().Create(tenant);
            await scope.ServiceProvider.GetRequiredService<TenantFeatures>().SetAsync(tenant.Name, scope.ServiceProvider.GetRequiredService<SiteDocuments>(), features);
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            _appData.Dispose();
        }
    }
}
