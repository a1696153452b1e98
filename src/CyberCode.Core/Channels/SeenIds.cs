namespace CyberCode.Core.Channels;

/// <summary>
/// Remembers the ids of deliveries a channel already handled, so the same Discord interaction or
/// message (replayed by the Gateway after a resume) or the same Teams activity (retried by the
/// Connector) is answered once. Ids are kept for <c>window</c> and at most <c>capacity</c> of
/// them: platforms redeliver within seconds or minutes, never days later.
/// </summary>
public sealed class SeenIds
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _capacity;
    private readonly Lock _lock = new();

    public SeenIds(TimeProvider time, TimeSpan window, int capacity = 10_000)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _window = window;
        _capacity = capacity;
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time <paramref name="id"/> is offered within the window, false after.</summary>
    public bool TryFirst(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            Forget(now);
            if (_seen.ContainsKey(id))
            {
                return false;
            }

            _seen[id] = now;
            _order.Enqueue((id, now));
            return true;
        }
    }

    /// <summary>
    /// Lets <paramref name="id"/> be handled again: for a delivery whose handling failed before
    /// anything reached the person, so the platform's retry is not swallowed.
    /// </summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            _seen.Remove(id);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count >= _capacity || now - _order.Peek().At >= _window))
        {
            var (id, at) = _order.Dequeue();
            // A forgotten and re-seen id has a newer time in the dictionary; keep that one.
            if (_seen.TryGetValue(id, out var seenAt) && seenAt == at)
            {
                _seen.Remove(id);
            }
        }
    }
}
