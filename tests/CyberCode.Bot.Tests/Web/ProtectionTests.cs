using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Tests.Web;

/// <summary>Rate limiting, start-up validation of the settings, and what an unexpected failure looks like.</summary>
public sealed class ProtectionTests
{
    [Fact]
    public async Task Ask_FasterThanTheLimit_Is429WithRetryAfterAndProblem()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Web:RateLimit:PermitsPerMinute"] = "1",
            ["Web:RateLimit:Burst"] = "2",
        });

        using var first = await host.Client.AskAsync("define cyber sovereignty");
        using var second = await host.Client.AskAsync("define cyber sovereignty");
        using var third = await host.Client.AskAsync("define cyber sovereignty");

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        var problem = await Http.ProblemAsync(third, 429);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains("Wait", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_DoesNotApplyToHealthChecks()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Web:RateLimit:PermitsPerMinute"] = "1",
            ["Web:RateLimit:Burst"] = "1",
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Client.GetAsync("healthz");
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Theory]
    [InlineData("Web:RateLimit:PermitsPerMinute", "-5")]
    [InlineData("Web:RateLimit:Burst", "0")]
    [InlineData("Web:MaxRequestBodyBytes", "10")]
    [InlineData("Web:ShutdownTimeoutSeconds", "0")]
    public async Task Start_WithABadSetting_FailsNamingTheSetting(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServiceHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        var message = Messages(error);
        Assert.True(error is OptionsValidationException || error is AggregateException, message);
        Assert.Contains(key, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedFailure_Is500ProblemWithoutAStackTrace()
    {
        await using var host = await ServiceHost.StartAsync(mapExtra: app =>
            app.MapGet("/test/throws", string () => throw new InvalidOperationException("secret internal detail")));

        using var response = await host.Client.GetAsync("test/throws");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static string Messages(Exception error) => error is AggregateException all
        ? string.Join(" | ", all.InnerExceptions.Select(e => e.Message))
        : error.Message;
}
