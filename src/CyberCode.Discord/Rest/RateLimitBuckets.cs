using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace CyberCode.Discord.Rest;

/// <summary>
/// What the REST client has learned of Discord's rate limits, shared by every request of the
/// process (the handlers that use it are recreated by the client factory, the limits are not).
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalPauseUntil;

    public async Task WaitForGlobalAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_globalLock)
        {
            wait = _globalPauseUntil - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Claims a request on the route's bucket; returns how long to wait first, or null when the bucket is not known yet.</summary>
    public TimeSpan? WaitFor(string route) =>
        _bucketOfRoute.TryGetValue(route, out var bucketId) && _buckets.TryGetValue(bucketId, out var bucket) ? bucket.Take(time.GetUtcNow()) : null;

    public void Learn(string route, HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("X-RateLimit-Bucket", out var ids) || ids.FirstOrDefault() is not { Length: > 0 } bucketId)
        {
            return;
        }

        _bucketOfRoute[route] = bucketId;
        var remaining = RateLimitHandler.Header(headers, "X-RateLimit-Remaining");
        var resetAfter = RateLimitHandler.Header(headers, "X-RateLimit-Reset-After");
        if (remaining is null || resetAfter is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        _buckets.GetOrAdd(bucketId, _ => new BucketState()).Update((int)remaining.Value, now + TimeSpan.FromSeconds(resetAfter.Value));
        if (_buckets.Count > 1000)
        {
            // Webhook routes carry a token each; forget the buckets whose window has passed.
            foreach (var (id, state) in _buckets)
            {
                if (state.ExpiredAt(now))
                {
                    _buckets.TryRemove(id, out _);
                }
            }
        }
    }

    public void Spend(string route, TimeSpan wait)
    {
        var bucketId = _bucketOfRoute.GetOrAdd(route, route);
        _buckets.GetOrAdd(bucketId, _ => new BucketState()).Update(0, time.GetUtcNow() + wait);
    }

    public void PauseAll(TimeSpan wait)
    {
        lock (_globalLock)
        {
            var until = time.GetUtcNow() + wait;
            if (until > _globalPauseUntil)
            {
                _globalPauseUntil = until;
            }
        }
    }

    /// <summary>One bucket's window: how many requests are left and when it refills.</summary>
    private sealed class BucketState
    {
        private readonly Lock _lock = new();
        private int _remaining = 1;
        private DateTimeOffset _resetAt;

        public void Update(int remaining, DateTimeOffset resetAt)
        {
            lock (_lock)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }

        public bool ExpiredAt(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now >= _resetAt;
            }
        }

        /// <summary>Claims one request; returns how long to wait first (zero when the bucket has room).</summary>
        public TimeSpan Take(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now >= _resetAt)
                {
                    return TimeSpan.Zero;
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    return TimeSpan.Zero;
                }

                return _resetAt - now;
            }
        }
    }
}
