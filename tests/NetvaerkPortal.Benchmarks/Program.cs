using BenchmarkDotNet.Running;
using NetvaerkPortal.Benchmarks.Search;

namespace NetvaerkPortal.Benchmarks;

internal static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- --filter '*TenantSetup*'
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- search [--docs 100000] [--rounds 30]
    private static async Task<int> Main(string[] args)
    {
        if (args is ["search", ..])
        {
            return await SearchBenchmarkRunner.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
