using System.Text.Json;

namespace CyberCode.Load;

/// <summary>Waits until the service reports ready, and for the semantic model when it is loading, so the load meets the steady state.</summary>
internal static class Readiness
{
    public static async Task<string> WaitAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        var semantic = "unknown";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("readyz", cancellationToken);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                semantic = body.RootElement.TryGetProperty("semantic", out var s) ? s.GetString() ?? "unknown" : "unknown";
                if (response.IsSuccessStatusCode && semantic != "loading")
                {
                    return semantic;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500, cancellationToken);
        }

        return semantic;
    }
}
