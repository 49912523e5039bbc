using BenchmarkDotNet.Running;
using NetvaerkPortal.Benchmarks.Pages;
using NetvaerkPortal.Benchmarks.ScaleOut;
using NetvaerkPortal.Benchmarks.Search;
using NetvaerkPortal.Benchmarks.Tenants;

namespace NetvaerkPortal.Benchmarks;

internal static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- --filter '*TenantSetup*'
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search [--docs 100000] [--rounds 30]
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search-idle [--tenants 1000] [--active 10] [--docs 20]
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- pages [--items 10000] [--seconds 8] [--rounds 3]
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- tenants [--count 1000] [--idle-minutes 1] [--server-gc]
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- scaleout [--writers 8] [--seconds 20] [--samples 100]
    private static async Task<int> Main(string[] args)
    {
        if (args is ["search", ..])
        {
            return await SearchBenchmarkRunner.RunAsync(args[1..]);
        }

        if (args is ["search-idle", ..])
        {
            return IdleIndexBenchmark.Run(args[1..]);
        }

        if (args is ["pages", ..])
        {
            return await PageBenchmarkRunner.RunAsync(args[1..]);
        }

        if (args is ["tenants", ..])
        {
            return await ThousandTenantsBenchmark.RunAsync(args[1..]);
        }

        if (args is ["scaleout", ..])
        {
            return await ScaleOutBenchmark.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
