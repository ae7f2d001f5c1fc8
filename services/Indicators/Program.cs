using Platform.Indicators;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("indicators", typeof(IndicatorsGrpcService).Assembly);
builder.Services.AddIndicators();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<IndicatorsGrpcService>();
app.Run();
