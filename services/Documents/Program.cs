using Platform.Documents;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("documents", migrations: null);
builder.Services.AddDocuments(builder.Configuration);

var app = builder.Build();
app.MapServiceDefaults();
app.MapGrpcService<DocumentsGrpcService>();
app.Run();
