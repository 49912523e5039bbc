using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>Portal:Tenants:IdleMinutes: a number of minutes, 10 when unset, 0 for never; anything else stops the start with a message.</summary>
public sealed class TenantIdleOptionsTests
{
    [Theory]
    [InlineData(null, 10)]
    [InlineData("", 10)]
    [InlineData("0", 0)]
    [InlineData("0.5", 0.5)]
    [InlineData("30", 30)]
    public void A_number_of_minutes_is_read_and_unset_means_ten(string? value, double minutes)
    {
        var options = TenantIdleOptions.From(Configuration(value));

        Assert.Equal(TimeSpan.FromMinutes(minutes), options.IdleFor);
        Assert.Equal(minutes > 0, options.Enabled);
    }

    [Theory]
    [InlineData("ti")]
    [InlineData("-1")]
    [InlineData("10 minutes")]
    [InlineData("0,5")]
    [InlineData("1e309")]
    [InlineData("NaN")]
    [InlineData("99999999")]
    [InlineData("../../etc/passwd")]
    [InlineData("10; DROP TABLE Tenants")]
    [InlineData("'10'")]
    public void Anything_but_minutes_from_0_to_a_week_is_refused_with_the_key_and_the_value(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TenantIdleOptions.From(Configuration(value)));

        Assert.Contains(TenantIdleOptions.Key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idle_tenants_are_looked_for_often_enough_but_not_constantly()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), TenantIdleOptions.From(Configuration("10")).CheckEvery);
        Assert.Equal(TimeSpan.FromSeconds(1), TenantIdleOptions.From(Configuration("0.01")).CheckEvery);
        Assert.Equal(TimeSpan.FromSeconds(30), TenantIdleOptions.From(Configuration("5")).CheckEvery);
    }

    [Fact]
    public void The_portal_does_not_start_with_a_wrong_value()
    {
        using var portal = new PortalWebFactory();
        using var factory = portal.WithWebHostBuilder(builder => builder.UseSetting(TenantIdleOptions.Key, "ti minutter"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ti minutter", error.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TenantIdleOptions.Key] = value }).Build();
}
