using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using CyberCode.Bot.Web.Api;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web.Protection;

/// <summary>
/// Per-client rate limiting of the API: a token bucket per remote address. A named policy, not a
/// global limiter, because the Teams and Discord endpoints are called by the platforms' own few
/// addresses on behalf of everyone and must not be limited as one client.
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "api";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!limits.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var (tokens, period) = Refill(limits.PermitsPerMinute);
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = tokens,
                    ReplenishmentPeriod = period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>
    /// One token at a time at the configured pace, except that each client's bucket has a timer and
    /// none should fire more than 20 times a second: above 1200 a minute tokens come several at once.
    /// </summary>
    private static (int Tokens, TimeSpan Period) Refill(int permitsPerMinute)
    {
        var minimum = TimeSpan.FromMilliseconds(50);
        var period = TimeSpan.FromMinutes(1) / permitsPerMinute;
        if (period >= minimum)
        {
            return (1, period);
        }

        var tokens = (int)Math.Ceiling(minimum / period);
        return (tokens, TimeSpan.FromMinutes(1) * tokens / permitsPerMinute);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : Refill(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PermitsPerMinute).Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Write(
            http,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"You are asking faster than this service allows. Wait {seconds} second{(seconds == 1 ? string.Empty : "s")} and ask again.");
    }
}
