using Microsoft.Extensions.Logging.Abstractions;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Nodes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Nodes;

/// <summary>What arrives on the Redis channel and what an operator writes in Portal:Redis:Configuration is input: only
/// well-formed signals about well-named tenants from another node do anything; a configuration that is not one says so.</summary>
public sealed class RedisSignalInputTests : IDisposable
{
    private readonly TempAppData _appData = new();
    private readonly IndexingSignal _indexing = new();
    private readonly TenantChanges _tenants = new();
    private readonly RedisConnection _redis = new(RedisConnection.Parse("127.0.0.1:1"));
    private readonly NodeSignals _signals;

    public RedisSignalInputTests() =>
        _signals = new NodeSignals(_redis, _indexing, _tenants, TestTenantStore.Create(_appData), NullLogger<NodeSignals>.Instance);

    [Theory]
    [InlineData("content|Default")]
    [InlineData("peer|content|../../etc")]
    [InlineData("peer|content|Default; DROP TABLE x")]
    [InlineData("peer|content|Default|extra")]
    [InlineData("peer|unknown|Default")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_or_hostile_message_changes_nothing(string? message)
    {
        var heard = new List<string>();
        _tenants.Changed += heard.Add;

        _signals.Receive(message);

        Assert.Equal(0, _indexing.Generation("Default"));
        Assert.Empty(heard);
    }

    [Fact]
    public void A_nodes_own_message_is_not_applied_again()
    {
        _signals.Receive($"{_indexing.Node}|content|Default");
        Assert.Equal(0, _indexing.Generation("Default"));
    }

    [Fact]
    public void Another_nodes_write_moves_the_generation_and_its_tenant_change_is_heard_but_not_announced()
    {
        var heard = new List<string>();
        var announced = new List<string>();
        _tenants.Changed += heard.Add;
        _tenants.Announced += announced.Add;

        _signals.Receive("peer|content|Default");
        _signals.Receive("peer|tenant|Nyborg");

        Assert.Equal(1, _indexing.Generation("Default"));
        Assert.Equal(["Nyborg"], heard);
        Assert.Empty(announced);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,bogus=1", "not a Redis configuration")]
    [InlineData("", "names no Redis server")]
    [InlineData(",,,", "names no Redis server")]
    public void A_configuration_that_is_not_one_is_refused_saying_what_to_write(string configuration, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RedisConnection.Parse(configuration));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:Redis:Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_portal_never_lets_a_request_wait_for_an_absent_Redis()
    {
        var options = RedisConnection.Parse("127.0.0.1:6379,abortConnect=true,syncTimeout=60000");
        Assert.False(options.AbortOnConnectFail);
        Assert.True(options.SyncTimeout <= 1000 && options.AsyncTimeout <= 1000);
    }

    public void Dispose()
    {
        _redis.Dispose();
        _indexing.Dispose();
        _appData.Dispose();
    }
}
