using Platform.Web;
using Platform.Web.Api;
using Platform.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddHealthChecks();
builder.Services.Configure<WebOptions>(builder.Configuration.GetSection("Web"));
builder.Services.AddHttpClient<PlatformApi>(client => client.BaseAddress = new Uri(
    builder.Configuration["Web:ApiBaseAddress"] ?? throw new InvalidOperationException("Web:ApiBaseAddress is not set")));

var app = builder.Build();
app.UseRequestLocalization("it-IT");
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/non-trovato", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapHealthChecks("/healthz");
app.MapStaticAssets();
app.MapRazorComponents<App>();
app.Run();
