using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Small REST helpers: JSON bodies in, parsed JSON out.</summary>
public static class Rest
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json, CancellationToken cancellationToken = default) =>
        client.PostAsync(url, Json(json), cancellationToken);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json, CancellationToken cancellationToken = default) =>
        client.PatchAsync(url, Json(json), cancellationToken);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, CancellationToken cancellationToken = default) =>
        await (await client.GetAsync(url, cancellationToken)).ReadJsonAsync(cancellationToken);

    public static HttpContent JsonOf<T>(T value) => JsonContent.Create(value);
}
