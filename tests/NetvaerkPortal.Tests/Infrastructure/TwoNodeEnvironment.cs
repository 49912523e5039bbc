namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>What each node of a two-node portal gets: the one description that compose.yaml's nodes
/// (Operations/DeploymentFilesTests compares them) and the two-process tests both use.</summary>
public static class TwoNodeEnvironment
{
    /// <summary>The environment of node <paramref name="node"/> (1, 2, …): one PostgreSQL and one Redis for all nodes, a
    /// media root every node sees, and an App_Data of the node's own (its search index).</summary>
    public static IReadOnlyDictionary<string, string> For(int node, string postgresConnectionString, string redisConfiguration, string appDataPath, string mediaPath, int catchUpSeconds = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(node, 1);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Portal__Database__Provider"] = "Postgres",
            ["Portal__Database__ConnectionString"] = postgresConnectionString,
            ["Portal__Redis__Configuration"] = redisConfiguration,
            ["Portal__AppDataPath"] = appDataPath,
            ["Portal__MediaPath"] = mediaPath,
            ["Portal__Search__CatchUpSeconds"] = catchUpSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Behind the proxy the client's address is in X-Forwarded-For (sign-in throttling and the audit log need it).
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        };
    }

    /// <summary>The published portal's start: <c>dotnet NetvaerkPortal.Web.dll --urls URL</c> (the container's ENTRYPOINT and CMD).</summary>
    public static IReadOnlyList<string> StartCommand(string url) => ["dotnet", typeof(Program).Assembly.GetName().Name + ".dll", "--urls", url];

    /// <summary>The port a node listens on inside its container.</summary>
    public const int ContainerPort = 8080;
}
