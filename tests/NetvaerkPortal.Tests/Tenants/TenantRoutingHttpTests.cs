using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>Requests through the real web host reach the right tenant, or nothing at all.</summary>
public sealed class TenantRoutingHttpTests
{
    [Fact]
    public async Task A_tenant_answers_at_its_prefix()
    {
        await using var factory = new PortalWebFactory();
        await factory.CreateTenantAsync("Nyborg", prefix: "nyborg");

        var response = await factory.CreateClient().GetAsync(new Uri("/nyborg/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta name=\"netvaerk-tenant\" content=\"Nyborg\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_answers_at_its_host()
    {
        await using var factory = new PortalWebFactory();
        await factory.CreateTenantAsync("Aarhus", host: "aarhus.example.test");

        var response = await factory.ClientFor("aarhus.example.test").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta name=\"netvaerk-tenant\" content=\"Aarhus\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_answers_for_hosts_and_paths_no_other_tenant_claims()
    {
        await using var factory = new PortalWebFactory();
        await factory.CreateTenantAsync("Aarhus", host: "aarhus.example.test");

        var response = await factory.ClientFor("somewhere.example.test").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta name=\"netvaerk-tenant\" content=\"Default\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_tenant_answers_404_and_does_not_fall_through_to_Default()
    {
        await using var factory = new PortalWebFactory();
        await factory.CreateTenantAsync("Nyborg", prefix: "nyborg");
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/nyborg/", UriKind.Relative))).StatusCode);

        factory.Tenants.Disable("Nyborg");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/nyborg/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/nyborg/viden", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_tenant_that_is_not_set_up_yet_answers_404()
    {
        await using var factory = new PortalWebFactory();
        factory.Tenants.Register(new TenantSettings { Name = "Nyborg", RequestUrlPrefix = "nyborg" });

        var response = await factory.CreateClient().GetAsync(new Uri("/nyborg/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_host_answers_404_when_Default_is_bound_to_a_host()
    {
        await using var factory = new PortalWebFactory();
        var store = factory.Store;
        store.Save(store.Find(TenantSettings.DefaultName)! with { RequestUrlHost = "portal.example.test" });

        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor("unknown.example.test").GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor("portal.example.test").GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Content_written_in_tenant_A_is_not_readable_through_tenant_B_url()
    {
        const string secret = "Referat fra Alfa-netvaerkets moede 4711";
        await using var factory = new PortalWebFactory();
        var alfa = await factory.CreateTenantAsync("Alfa", prefix: "alfa");
        await factory.CreateTenantAsync("Beta", prefix: "beta");
        await factory.CreateTenantAsync("Gamma", host: "gamma.example.test");
        await using (var scope = factory.Services.GetRequiredService<TenantScopes>().Create(alfa))
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(TestContent.NewArticle(secret, path: "referat"));
        }

        var client = factory.CreateClient();
        var alfaPage = await client.GetAsync(new Uri("/alfa/", UriKind.Relative));
        var betaPage = await client.GetAsync(new Uri("/beta/", UriKind.Relative));
        var defaultPage = await client.GetAsync(new Uri("/", UriKind.Relative));
        var gammaPage = await factory.ClientFor("gamma.example.test").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Contains(secret, await alfaPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var other in new[] { betaPage, defaultPage, gammaPage })
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.DoesNotContain(secret, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
