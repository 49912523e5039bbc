using System.Net;
using System.Text.Json.Nodes;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>The web host on an empty App_Data sets up Default before it takes requests.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task First_start_sets_up_Default_and_answers_health_and_front_page()
    {
        await using var factory = new PortalWebFactory();
        var client = factory.CreateClient();

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var front = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.Contains("<h1>Netværksportal</h1>", await front.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tenants = JsonNode.Parse(await File.ReadAllTextAsync(factory.AppData.TenantsFile))!["Tenants"]!.AsArray();
        var only = Assert.Single(tenants);
        Assert.Equal("Default", (string?)only!["Name"]);
        Assert.Equal("Running", (string?)only["State"]);
        Assert.True(File.Exists(Path.Combine(factory.AppData.SitePath("Default"), "portal.db")), "Default's database was not created in its site folder.");
    }

    [Fact]
    public async Task A_tenant_created_with_a_prefix_answers_at_that_prefix()
    {
        await using var factory = new PortalWebFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var tenant = await factory.CreateTenantAsync("Nyborg", prefix: "nyborg-kommune");

        Assert.Equal(NetvaerkPortal.Tenants.TenantState.Running, tenant.State);
        var response = await client.GetAsync(new Uri("/nyborg-kommune/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<meta name=\"netvaerk-tenant\" content=\"Nyborg\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(factory.AppData.SitePath("Nyborg"), "portal.db")), "The tenant's database was not created in its own site folder.");
    }
}
