using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Benchmarks;

/// <summary>Time to create and set up one tenant from each case recipe: registration, database and
/// migrations, admin user, and the whole recipe (features, roles, definitions, content). The host is
/// warm, as it is when an administrator creates an organisation in a running portal.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 9)]
[MedianColumn, MinColumn, MaxColumn]
public class TenantSetupBenchmarks
{
    private string _appData = "";
    private Microsoft.Extensions.Hosting.IHost _host = null!;
    private int _counter;

    [Params("dansk-socialraadgiverforening", "nyborg-kommune", "aarhus-kommune-sundhed", "ftf-formaend")]
    public string Recipe { get; set; } = "";

    [GlobalSetup]
    public void Start()
    {
        _appData = Path.Combine(Path.GetTempPath(), "netvaerk-bench-" + Guid.NewGuid().ToString("N"));
        _host = PortalCommands.BuildHost(new Dictionary<string, string?> { ["Portal:AppDataPath"] = _appData });
    }

    [GlobalCleanup]
    public void Stop()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_appData, recursive: true);
    }

    [Benchmark]
    public async Task<SetupResult> CreateTenant()
    {
        var name = $"T{Interlocked.Increment(ref _counter)}";
        return await _host.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            name, name.ToLowerInvariant(), null, Recipe, new SetupRequest("admin", "admin@example.dk", "Bench-Password-1")));
    }
}
