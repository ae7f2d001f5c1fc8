using Grpc.Net.Client;
using Platform.Indicators.V1;

namespace Platform.Launcher.Demo;

/// <summary>Demo indicators of the Cremona DUP.</summary>
public static class IndicatorsDemo
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var indicators = new IndicatorsService.IndicatorsServiceClient(gateway);
        return await DemoData.CreateAsync(() => indicators.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "raccolta-differenziata",
            Indicator = new Indicator
            {
                Title = "Percentuale di raccolta differenziata",
                Unit = "%",
                Description = "Raccolta differenziata (kg) / produzione totale rifiuti (kg) * 100",
            },
        }, cancellationToken: cancellationToken));
    }
}
