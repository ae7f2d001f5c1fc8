using Platform.Web;
using Platform.Web.Api;
using Platform.Web.Components;

var builder = WebApplication.CreateBuilder(args);
// The launcher runs the build output, not a published copy: its wwwroot is found through the build's manifest
// in every environment (a published app has no such manifest, and this does nothing).
builder.WebHost.UseStaticWebAssets();
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
