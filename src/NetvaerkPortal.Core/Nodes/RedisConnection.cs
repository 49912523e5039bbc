using StackExchange.Redis;

namespace NetvaerkPortal.Nodes;

/// <summary>The one connection to Redis that everything shared between nodes uses (keys, backplane, cache, signals). It never
/// makes a request wait for Redis: it connects in the background, and while Redis is away commands fail at once
/// (their callers treat that as a miss) and reconnecting goes on every second.</summary>
public sealed class RedisConnection(ConfigurationOptions options) : IDisposable
{
    private const string NoServer = "Portal:Redis:Configuration names no Redis server. "
        + "Write host:port[,option=value...], e.g. 127.0.0.1:6379, or leave it empty for a single node.";

    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(options));

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public ConfigurationOptions Options => options;

    /// <summary>Reads <c>Portal:Redis:Configuration</c> and adds what keeps a node serving while Redis is away.</summary>
    /// <exception cref="InvalidOperationException">The text is not a StackExchange.Redis configuration.</exception>
    public static ConfigurationOptions Parse(string configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException(NoServer);
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException($"Portal:Redis:Configuration is not a Redis configuration ({error.Message}). "
                + "Write host:port[,option=value...], e.g. 127.0.0.1:6379, or leave it empty for a single node.", error);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new InvalidOperationException(NoServer);
        }

        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        // Commands made while disconnected fail at once instead of queueing until a timeout: a request never waits on Redis.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "netvaerk-portal";
        return options;
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
