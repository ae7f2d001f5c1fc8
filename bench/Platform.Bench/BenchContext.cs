using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Launcher;

namespace Platform.Bench;

/// <summary>The running system and what every benchmark shares: clients with the admin token, the report being written.</summary>
public sealed class BenchContext(PlatformSystem system, string token, BenchSettings settings)
{
    public PlatformSystem System { get; } = system;
    public string Token { get; } = token;
    public BenchSettings Settings { get; } = settings;
    public StringBuilder Report { get; } = new();
    /// <summary>Load average sampled through the run.</summary>
    public List<double> LoadSamples { get; } = [];

    public HttpClient Rest { get; } = NewRest(system.RestAddress, token);

    public GrpcChannel Grpc { get; } = Channel(system.GrpcAddress, token);

    public int Pid(string child) => System.Child(child).Id;

    public static HttpClient NewRest(Uri address, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 512 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public static GrpcChannel Channel(Uri address, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {token}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });

    public void SampleLoad() => LoadSamples.Add(double.Parse(ProcessStats.LoadAverage().Split(' ')[0], CultureInfo.InvariantCulture));

    public void Line(string text = "")
    {
        Report.AppendLine(text);
        Console.WriteLine(text);
    }
}
