using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>A redis-server of the test's own on a free loopback port, which the test can stop and start again (same port).</summary>
public sealed class RedisServer : IDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>What <c>Portal:Redis:Configuration</c> says to reach it.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static RedisServer Start()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: the Redis tests need it. Install it with 'sudo apt-get install redis-server' (the tests start their own server).");
        }

        var server = new RedisServer(FreePort());
        server.Resume();
        return server;
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) and waits until it takes connections.</summary>
    public void Resume()
    {
        _process = Process.Start(new ProcessStartInfo(Executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{Executable} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
