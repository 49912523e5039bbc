using System.Diagnostics;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Operations;

/// <summary>The built <c>netvaerk</c> program (src/NetvaerkPortal.Cli), run as an operator runs it: a process of its own,
/// in a working directory of the test's choosing.</summary>
public static class NetvaerkProcess
{
    /// <summary>netvaerk.dll of the same configuration (Debug, Release) as this test assembly.</summary>
    public static string Program { get; } = Path.Combine(
        PortalCommandRunner.RepositoryRoot, "src", "NetvaerkPortal.Cli", "bin",
        Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!, "net10.0", "netvaerk.dll");

    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        Assert.True(File.Exists(Program), $"{Program} is missing: build tests/NetvaerkPortal.Tests (it builds src/NetvaerkPortal.Cli first).");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own settings must not leak into the operator's process.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output, await error);
    }
}
