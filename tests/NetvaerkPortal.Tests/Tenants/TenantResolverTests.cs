using Microsoft.AspNetCore.Http;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>Which tenant a request belongs to: host first, then the first path segment, then Default.</summary>
public sealed class TenantResolverTests : IDisposable
{
    private readonly TempAppData _appData = new();
    private readonly TenantStore _store;
    private readonly TenantResolver _resolver;

    public TenantResolverTests()
    {
        _store = TestTenantStore.Create(_appData);
        _resolver = new TenantResolver(_store);
    }

    public void Dispose() => _appData.Dispose();

    [Fact]
    public void A_request_without_a_known_prefix_or_host_goes_to_Default()
    {
        Save("Default");
        Save("Nyborg", prefix: "nyborg");

        var match = Resolve("localhost", "/viden/moedestruktur");

        Assert.Equal("Default", match?.Tenant.Name);
        Assert.Equal("", match?.PathBase);
    }

    [Theory]
    [InlineData("/nyborg")]
    [InlineData("/nyborg/")]
    [InlineData("/nyborg/viden/moedestruktur")]
    [InlineData("/NYBORG/viden")]
    public void The_first_path_segment_selects_the_tenant_with_that_prefix(string path)
    {
        Save("Default");
        Save("Nyborg", prefix: "nyborg");

        var match = Resolve("localhost", path);

        Assert.Equal("Nyborg", match?.Tenant.Name);
        Assert.Equal("/nyborg", match?.PathBase);
    }

    [Fact]
    public void A_prefix_matches_a_whole_segment_only()
    {
        Save("Default");
        Save("Nyborg", prefix: "nyborg");

        Assert.Equal("Default", Resolve("localhost", "/nyborgkommune/")?.Tenant.Name);
    }

    [Theory]
    [InlineData("aarhus.example.test")]
    [InlineData("AARHUS.example.test")]
    public void The_host_selects_the_tenant_bound_to_it(string host)
    {
        Save("Default");
        Save("Aarhus", host: "aarhus.example.test");

        var match = Resolve(host, "/viden");

        Assert.Equal("Aarhus", match?.Tenant.Name);
        Assert.Equal("", match?.PathBase);
    }

    [Fact]
    public void A_host_bound_to_a_port_selects_its_tenant()
    {
        Assert.Null(TenantNames.CheckHost("aarhus.example.test:8080"));
        Save("Default");
        Save("Aarhus", host: "aarhus.example.test:8080");

        Assert.Equal("Aarhus", Resolve("aarhus.example.test:8080", "/")?.Tenant.Name);
    }

    [Fact]
    public void A_host_tenant_wins_over_a_prefix_of_another_tenant()
    {
        Save("Default");
        Save("Aarhus", host: "aarhus.example.test");
        Save("Nyborg", prefix: "nyborg");

        Assert.Equal("Aarhus", Resolve("aarhus.example.test", "/viden")?.Tenant.Name);
        Assert.Equal("Nyborg", Resolve("localhost", "/nyborg/viden")?.Tenant.Name);
    }

    [Fact]
    public void A_tenant_with_both_host_and_prefix_answers_its_prefix_only_on_its_host()
    {
        Save("Default");
        Save("Faglig", prefix: "faglig", host: "union.example.test");

        Assert.Equal("Faglig", Resolve("union.example.test", "/faglig/")?.Tenant.Name);
        Assert.Equal("Default", Resolve("localhost", "/faglig/")?.Tenant.Name);
    }

    [Fact]
    public void An_unknown_host_resolves_to_nothing_when_Default_is_bound_to_a_host()
    {
        Save("Default", host: "portal.example.test");
        Save("Nyborg", prefix: "nyborg");

        Assert.Null(Resolve("unknown.example.test", "/"));
        Assert.Equal("Default", Resolve("portal.example.test", "/")?.Tenant.Name);
        Assert.Equal("Nyborg", Resolve("unknown.example.test", "/nyborg/")?.Tenant.Name);
    }

    [Fact]
    public void Nothing_resolves_when_there_are_no_tenants()
    {
        Assert.Null(Resolve("localhost", "/"));
    }

    [Theory]
    [InlineData(TenantState.Disabled)]
    [InlineData(TenantState.Uninitialized)]
    public void A_tenant_that_is_not_running_still_owns_its_prefix(TenantState state)
    {
        // The middleware answers 404 for it; falling through to Default would show Default's pages under the tenant's URL.
        Save("Default");
        Save("Nyborg", prefix: "nyborg", state: state);

        var match = Resolve("localhost", "/nyborg/");

        Assert.Equal(("Nyborg", state), (match?.Tenant.Name, match?.Tenant.State));
    }

    [Fact]
    public void The_resolver_sees_tenants_added_after_it_was_created()
    {
        Save("Default");
        Assert.Equal("Default", Resolve("localhost", "/ny/")?.Tenant.Name);

        Save("Ny", prefix: "ny");

        Assert.Equal("Ny", Resolve("localhost", "/ny/")?.Tenant.Name);
    }

    private TenantMatch? Resolve(string host, string path) => _resolver.Resolve(new HostString(host), new PathString(path));

    private void Save(string name, string prefix = "", string host = "", TenantState state = TenantState.Running) =>
        _store.Save(new TenantSettings { Name = name, RequestUrlPrefix = prefix, RequestUrlHost = host, State = state });
}
