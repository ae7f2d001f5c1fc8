using System.Diagnostics;

namespace Platform.Bench;

/// <summary>
/// nginx as the comparison proxy: <c>grpc_pass</c> from an h2c port to one service, upstream keepalive raised
/// so it reuses its connections like the gateway does. Configured and started by the benchmark, stopped with it.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public int Port { get; }
    public int Pid => _process.Id;

    private Nginx(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public static async Task<Nginx> StartAsync(Uri upstream, int port)
    {
        var directory = Directory.CreateTempSubdirectory("bench-nginx-").FullName;
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                keepalive_requests 1000000;
                http2_max_concurrent_streams 256;
                upstream service {
                    server {{upstream.Host}}:{{upstream.Port}};
                    keepalive 64;
                    keepalive_requests 1000000;
                    keepalive_timeout 120s;
                }
                server {
                    listen 127.0.0.1:{{port}} http2;
                    location / {
                        grpc_pass grpc://service;
                        grpc_read_timeout 60s;
                    }
                }
            }
            """);
        var info = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", config, "-p", directory, "-g", "daemon off; master_process on;" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        for (var i = 0; i < 50 && !process.HasExited; i++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new Nginx(process, directory, port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"nginx did not start: {await process.StandardError.ReadToEndAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
