using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace NetvaerkPortal.Benchmarks.ScaleOut;

/// <summary>A PostgreSQL database of the benchmark's own on the local server (<c>NETVAERK_TEST_POSTGRES</c>, else the
/// netvaerk role on 127.0.0.1:5432), dropped when disposed.</summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private const string LocalServer = "Host=127.0.0.1;Port=5432;Username=netvaerk;Password=netvaerk;Database=postgres";

    private readonly string _name = $"netvaerk_bench_{Guid.NewGuid():N}"[..32];

    public BenchmarkDatabase()
    {
        Execute($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    private static string Server => Environment.GetEnvironmentVariable("NETVAERK_TEST_POSTGRES") is { Length: > 0 } configured ? configured : LocalServer;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A redis-server of the benchmark's own on a free loopback port, nothing saved to disk; killed when disposed.</summary>
internal sealed class BenchmarkRedis : IDisposable
{
    private readonly Process _process;

    public BenchmarkRedis()
    {
        var port = PortalNode.FreePort();
        Configuration = $"127.0.0.1:{port}";
        _process = Process.Start(new ProcessStartInfo("/usr/bin/redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (sudo apt-get install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (attempt < 100 && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>What <c>Portal:Redis:Configuration</c> says to reach it.</summary>
    public string Configuration { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
