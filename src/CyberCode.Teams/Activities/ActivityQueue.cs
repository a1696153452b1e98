using System.Threading.Channels;
using CyberCode.Core.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Activities;

/// <summary>
/// Accepted activities wait here to be answered, so the Connector's own request gets its 200 at
/// once (Teams retries one that takes about 15 s, and the person then sees two answers). The
/// same activity id is accepted once; one whose handling fails before anything reached the
/// person is forgotten, so the Connector's retry is answered. Every failure is logged here:
/// none goes unobserved.
/// </summary>
internal sealed partial class ActivityQueue : BackgroundService
{
    private const int Capacity = 1000;

    private readonly Channel<Activity> _queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly SeenIds _seen;
    private readonly ActivityHandler _handler;
    private readonly ILogger<ActivityQueue> _logger;
    private readonly int _workers;
    private readonly Lock _lock = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public ActivityQueue(ActivityHandler handler, IOptions<TeamsOptions> options, TimeProvider time, ILogger<ActivityQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _logger = logger;
        _workers = options.Value.Workers;
        _seen = new SeenIds(time, TimeSpan.FromMinutes(30));
    }

    public enum Outcome
    {
        Queued,
        Duplicate,
        Full,
    }

    public Outcome TryEnqueue(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var key = activity.DeliveryKey;
        if (key is not null && !_seen.TryFirst(key))
        {
            return Outcome.Duplicate;
        }

        lock (_lock)
        {
            if (!_queue.Writer.TryWrite(activity))
            {
                if (key is not null)
                {
                    _seen.Forget(key);
                }

                return Outcome.Full;
            }

            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        return Outcome.Queued;
    }

    /// <summary>Completes when every accepted activity has been handled (for tests and shutdown).</summary>
    public Task WhenIdle()
    {
        lock (_lock)
        {
            return _idle.Task;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleOneAsync(activity, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is redelivered by the Connector or lost with the process.
        }
    }

    private async Task HandleOneAsync(Activity activity, CancellationToken stoppingToken)
    {
        var delivery = new Delivery();
        try
        {
            await _handler.HandleAsync(activity, delivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (!delivery.Delivered && activity.DeliveryKey is { } key)
            {
                _seen.Forget(key);
            }

            LogFailed(_logger, ex, activity.Type ?? "(none)", activity.Id ?? "(none)", activity.Conversation?.Id ?? "(none)");
        }
        finally
        {
            lock (_lock)
            {
                if (--_pending == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            tcs.SetResult();
        }

        return tcs;
    }

    [LoggerMessage(EventId = 2631, Level = LogLevel.Error, Message = "Teams: could not answer the {Type} activity {ActivityId} in conversation {ConversationId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, string activityId, string conversationId);
}
