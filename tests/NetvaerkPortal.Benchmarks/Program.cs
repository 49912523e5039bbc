using BenchmarkDotNet.Running;

namespace NetvaerkPortal.Benchmarks;

internal static class BenchmarkProgram
{
    // dotnet run -c Release --project tests/NetvaerkPortal.Benchmarks -- --filter '*TenantSetup*'
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
