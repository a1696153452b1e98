using System.Collections.Concurrent;

namespace CyberCode.Bot.Web.Quiz;

/// <summary>
/// Per web chat conversation, the quiz events the page has yet to show, in order and numbered
/// (<see cref="QuizEventJson.Seq"/>), for <c>GET /api/quiz/events</c>. In memory only: a web chat
/// quiz is a solo round, and the engine closes those after a restart anyway.
/// </summary>
/// <remarks>
/// Bounded: each conversation keeps its last <see cref="MaxEvents"/> events (a 20-question quiz
/// makes 41), the feed at most <see cref="MaxConversations"/> conversations, the ones idle longest
/// going first; a conversation idle for <see cref="IdleExpiry"/> is forgotten.
/// </remarks>
internal sealed class WebQuizFeed(TimeProvider time)
{
    public const int MaxEvents = 64;
    public const int MaxConversations = 2000;
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    /// <summary>How often at most the whole feed is swept for idle conversations.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private long _lastSweep;

    public int Count => _conversations.Count;

    /// <summary>Adds an event; <paramref name="make"/> gets its number. Returns that number.</summary>
    public long Append(string conversationId, Func<long, QuizEventJson> make)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var conversation = _conversations.GetOrAdd(conversationId, _ => new Conversation(now));
        var seq = conversation.Append(make, now);
        if (_conversations.Count > MaxConversations)
        {
            EvictIdlest(conversationId);
        }

        return seq;
    }

    /// <summary>
    /// The events after <paramref name="after"/>; when there are none yet and a quiz is running,
    /// waits up to <paramref name="wait"/> for one (long polling). With no quiz running it answers at
    /// once: the next quiz can only begin with a request of the same page. An unknown conversation
    /// has none, and waiting on it would let anyone make the feed keep ids for nothing.
    /// </summary>
    public async Task<QuizEventsJson> ReadAsync(string conversationId, long after, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + wait;
        while (true)
        {
            var now = time.GetUtcNow();
            if (!_conversations.TryGetValue(conversationId, out var conversation) || conversation.IsExpired(now))
            {
                return new QuizEventsJson([], Math.Max(0, after), false, now);
            }

            var (events, last, running, changed) = conversation.Read(after, now);
            var left = until - now;
            if (events.Count > 0 || !running || left <= TimeSpan.Zero)
            {
                return new QuizEventsJson(events, last, running, now);
            }

            try
            {
                await changed.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing new: the loop answers with the empty list.
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < SweepEvery.Ticks || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.IsExpired(now))
            {
                _conversations.TryRemove(new KeyValuePair<string, Conversation>(id, conversation));
            }
        }
    }

    private void EvictIdlest(string keep)
    {
        // Rare (only past the cap), so a scan is cheaper than keeping an order up to date.
        var idlest = _conversations.Where(c => c.Key != keep).MinBy(c => c.Value.Touched);
        if (idlest.Value is not null)
        {
            _conversations.TryRemove(idlest);
        }
    }

    private sealed class Conversation(DateTimeOffset created)
    {
        private readonly Lock _gate = new();
        private readonly Queue<QuizEventJson> _events = new();
        private long _seq;
        private long _touched = created.UtcTicks;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Touched => Interlocked.Read(ref _touched);

        public bool IsExpired(DateTimeOffset now) => now.UtcTicks - Touched > IdleExpiry.Ticks;

        public long Append(Func<long, QuizEventJson> make, DateTimeOffset now)
        {
            TaskCompletionSource changed;
            long seq;
            lock (_gate)
            {
                seq = ++_seq;
                _events.Enqueue(make(seq));
                while (_events.Count > MaxEvents)
                {
                    _events.Dequeue();
                }

                Interlocked.Exchange(ref _touched, now.UtcTicks);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
            return seq;
        }

        public (IReadOnlyList<QuizEventJson> Events, long Last, bool Running, Task Changed) Read(long after, DateTimeOffset now)
        {
            lock (_gate)
            {
                Interlocked.Exchange(ref _touched, now.UtcTicks);

                // A page whose cursor is past the end kept it across a restart of the service: all
                // this feed holds is new to it.
                if (after > _seq)
                {
                    after = 0;
                }

                var events = _events.Where(e => e.Seq > after).ToArray();
                var running = _events.Count > 0 && _events.Last().Type != QuizEventJson.ScoreboardType;
                return (events, events.Length > 0 ? events[^1].Seq : after, running, _changed.Task);
            }
        }
    }
}
