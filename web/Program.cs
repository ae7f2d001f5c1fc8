using Microsoft.AspNetCore.HttpOverrides;
using Platform.Web;
using Platform.Web.Api;
using Platform.Web.Components;
using Platform.Web.Session;

var builder = WebApplication.CreateBuilder(args);
// The launcher runs the build output, not a published copy: its wwwroot is found through the build's manifest
// in every environment (a published app has no such manifest, and this does nothing).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddHealthChecks();
builder.Services.Configure<WebOptions>(builder.Configuration.GetSection("Web"));
// Behind the gateway: the browser's scheme and host (for the identity provider's return address).
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
builder.AddSessions();
builder.Services.AddScoped<QualityFindings>();
builder.Services.AddHttpClient<PlatformApi>(client => client.BaseAddress = new Uri(
    builder.Configuration["Web:ApiBaseAddress"] ?? throw new InvalidOperationException("Web:ApiBaseAddress is not set")));

var app = builder.Build();
app.UseForwardedHeaders();
app.UseRequestLocalization("it-IT");
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/non-trovato", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealthChecks("/healthz");
app.MapStaticAssets();
app.MapSessions();
app.MapDocumentDownloads();
app.MapRazorComponents<App>();
app.Run();
