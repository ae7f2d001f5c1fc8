using Platform.Objectives;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("objectives", typeof(ObjectivesGrpcService).Assembly);
builder.Services.AddObjectives();

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<ObjectivesGrpcService>();
app.Run();
