using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CyberCode.Bot.Tests.Web;

/// <summary>Small helpers for talking to the service the way a browser's fetch would.</summary>
internal static class Http
{
    public static HttpContent Json(object body) => Raw(JsonSerializer.Serialize(body), "application/json");

    public static HttpContent Raw(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static Task<HttpResponseMessage> AskAsync(this HttpClient client, string question) =>
        client.PostAsync("api/ask", Json(new { question }));

    /// <summary>Reads a problem+json body and checks it has the status and a detail saying what to do.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
