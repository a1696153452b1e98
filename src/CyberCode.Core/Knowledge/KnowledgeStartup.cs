using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;

namespace CyberCode.Core.Knowledge;

/// <summary>
/// The start-up work that needs nothing but the knowledge folder: load and validate it, then build
/// the answer index. <see cref="Start"/> runs both on a thread-pool thread, so on a machine with two
/// cores they go on beside what the start-up thread does meanwhile (the rest of the host, opening
/// the database, seeding the store); without <see cref="Start"/> each is done when first asked
/// for, on the caller's thread, as before. Errors (a bad entry, a missing folder) surface, unchanged,
/// to whoever asks for <see cref="Knowledge"/> or the index.
/// </summary>
public sealed class KnowledgeStartup : IDisposable
{
    private readonly Lazy<Task<KnowledgeBase>> _knowledge;
    private readonly Lazy<Task<KnowledgeIndex>> _index;
    private volatile bool _started;
    private int _indexTaken;

    /// <param name="directory">Resolves the folder; called once, on the thread that does the load.</param>
    public KnowledgeStartup(Func<string> directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _knowledge = new(() => _started
            ? Task.Run(() => KnowledgeLoader.Load(directory()))
            : Run(() => KnowledgeLoader.Load(directory())));
        _index = new(() => _started
            ? _knowledge.Value.ContinueWith(k => new KnowledgeIndex(k.GetAwaiter().GetResult()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)
            : Run(() => new KnowledgeIndex(Knowledge)));
    }

    /// <summary>The loaded, validated knowledge; waits for the load if it is under way.</summary>
    public KnowledgeBase Knowledge => _knowledge.Value.GetAwaiter().GetResult();

    /// <summary>Begins loading and indexing in the background; returns at once. Idempotent.</summary>
    public void Start()
    {
        _started = true;
        _ = _index.Value;
    }

    /// <summary>An engine over the index (built now, or awaited if <see cref="Start"/> began it), which the engine then owns.</summary>
    public AnswerEngine CreateEngine(SemanticMatcher? semantic)
    {
        var index = _index.Value.GetAwaiter().GetResult();
        if (Interlocked.Exchange(ref _indexTaken, 1) != 0)
        {
            throw new InvalidOperationException("The index of this start-up already belongs to an engine.");
        }

        return AnswerEngine.Create(index, semantic);
    }

    /// <summary>Disposes an index no engine took (a host whose engine was replaced, or a verb that needed only the knowledge).</summary>
    public void Dispose()
    {
        if (_index.IsValueCreated && Interlocked.Exchange(ref _indexTaken, 1) == 0)
        {
            // A build still running is disposed when it ends; a failed one has nothing to dispose
            // (whoever asked for the knowledge has seen its error).
            _index.Value.ContinueWith(
                static build =>
                {
                    if (build.IsCompletedSuccessfully)
                    {
                        build.Result.Dispose();
                    }
                    else
                    {
                        _ = build.Exception;
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
        }
    }

    private static Task<T> Run<T>(Func<T> work)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
