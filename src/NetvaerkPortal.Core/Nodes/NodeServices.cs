using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace NetvaerkPortal.Nodes;

/// <summary>What the nodes share. Without <c>Portal:Redis:Configuration</c>: one node, keys in App_Data, everything in
/// memory. With it: data-protection keys, the SignalR backplane, the anonymous page cache and the nodes' signals in Redis.</summary>
public static class NodeServices
{
    /// <summary>All nodes protect cookies and antiforgery tokens under one application name, so any node reads another's.</summary>
    public const string ApplicationName = "NetvaerkPortal";

    /// <summary>The Redis key of the data-protection key ring.</summary>
    public const string DataProtectionKey = "netvaerk:data-protection-keys";

    public static IServiceCollection AddPortalNodes(this IServiceCollection services, string? redisConfiguration, string appDataPath)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (string.IsNullOrWhiteSpace(redisConfiguration))
        {
            // Keys beside the tenants, so sign-in cookies survive a restart.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(appDataPath, "DataProtection-Keys")));
            return services;
        }

        var options = RedisConnection.Parse(redisConfiguration);
        services.AddSingleton(_ => new RedisConnection(options));
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.Multiplexer.GetDatabase(), DataProtectionKey));

        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>().Configure<RedisConnection>((backplane, redis) =>
        {
            backplane.Configuration = redis.Options.Clone();
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal("netvaerk:hubs");
            backplane.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer);
        });

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<RedisConnection>((cache, redis) =>
        {
            cache.InstanceName = "netvaerk:pages:";
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis.Multiplexer);
        });
        services.Replace(ServiceDescriptor.Singleton<IOutputCacheStore, DistributedPageStore>());
        services.AddHostedService<NodeSignals>();
        return services;
    }
}
