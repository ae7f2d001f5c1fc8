using Platform.Finance;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("finance", typeof(FinanceGrpcService).Assembly);
builder.Services.AddFinance();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<FinanceGrpcService>();
app.Run();
