using System.Text.RegularExpressions;

namespace CyberCode.Bot.Tests.Web;

/// <summary><c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> and the headers every page carries.</summary>
public sealed partial class HealthAndMetricsTests(SharedService service) : IClassFixture<SharedService>
{
    private HttpClient Client => service.Host.Client;

    [Fact]
    public async Task Healthz_IsAlive()
    {
        using var response = await Client.GetAsync("healthz");

        var json = await Http.JsonAsync(response);
        Assert.Equal("alive", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_AfterStart_IsReadyWithKnowledgeStoreAndSemanticState()
    {
        using var response = await Client.GetAsync("readyz");

        var json = await Http.JsonAsync(response);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal(40, json.GetProperty("knowledge").GetProperty("passages").GetInt32());
        Assert.True(json.GetProperty("knowledge").GetProperty("entries").GetInt32() > 100);
        Assert.Equal("open", json.GetProperty("store").GetString());
        Assert.Equal("disabled", json.GetProperty("semantic").GetString());
        Assert.Equal("off", json.GetProperty("discord").GetString());
    }

    [Fact]
    public async Task Metrics_AfterAnAnswerAndADecline_CountBothAndTheLatency()
    {
        (await Client.AskAsync("define cyber sovereignty")).Dispose();
        (await Client.AskAsync("who won the football world cup")).Dispose();

        var metrics = await Client.GetStringAsync("metrics");

        Assert.Matches(Sample("cybercode_answers_total", "outcome=\"answered\""), metrics);
        Assert.Matches(Sample("cybercode_answers_total", "outcome=\"declined\""), metrics);
        Assert.Matches(Sample("cybercode_declines_total", "channel=\"web\""), metrics);
        Assert.Matches(Sample("cybercode_answer_duration_seconds_count", "outcome=\"answered\""), metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("healthz")]
    [InlineData("api/ask")]
    [InlineData("no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    /// <summary>A Prometheus sample line of <paramref name="name"/> with the label, and a value of at least 1.</summary>
    private static Regex Sample(string name, string label) =>
        new($"(?m)^{Regex.Escape(name)}\\{{[^}}]*{Regex.Escape(label)}[^}}]*\\}} [1-9][0-9]*(\\.0+)?( |$)");
}
