using System.Collections.Concurrent;
using System.Diagnostics;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// Matching by meaning, loaded in the background: the model (about a second), then the vectors of
/// every phrasing, answer and sentence — from the cache when the text has not changed, else
/// computed and cached — and the <see cref="SemanticClassifier"/> trained on them (cached the
/// same way, keyed by a fingerprint of every text and its target). Until it is
/// <see cref="SemanticState.Ready"/> the engine ranks by words alone; a model that fails to load
/// is logged once and the bot keeps answering.
/// </summary>
public sealed partial class SemanticMatcher : ISemanticScorer, IDisposable
{
    /// <summary>Repeated questions (starter buttons, quiz groups asking the same thing) skip the model.</summary>
    private const int MaxCachedQuestions = 4096;

    private const int EmbedBatch = 64;

    private readonly KnowledgeBase _knowledge;
    private readonly IEmbeddingCache _cache;
    private readonly Func<ISentenceEmbedder> _createEmbedder;
    private readonly ILogger<SemanticMatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, float[]> _questions = new(StringComparer.Ordinal);
    private readonly Lock _startGate = new();
    private Task? _loading;
    private ISentenceEmbedder? _embedder;
    private SemanticIndex? _index;
    private volatile SemanticState _state;
    private int _cacheWarned;

    public SemanticMatcher(IOptions<SemanticOptions> options, KnowledgeBase knowledge, IEmbeddingCache cache, ILogger<SemanticMatcher> logger)
        : this(options, knowledge, cache, logger, () => MiniLmEmbedder.For(knowledge))
    {
    }

    internal SemanticMatcher(IOptions<SemanticOptions> options, KnowledgeBase knowledge, IEmbeddingCache cache, ILogger<SemanticMatcher> logger, Func<ISentenceEmbedder> createEmbedder)
    {
        ArgumentNullException.ThrowIfNull(options);
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _createEmbedder = createEmbedder;
        _state = options.Value.Enabled ? SemanticState.Loading : SemanticState.Disabled;
    }

    public SemanticState State => _state;

    /// <summary>Starts loading in the background, once; returns at once.</summary>
    public void Start()
    {
        lock (_startGate)
        {
            if (_loading is null && _state == SemanticState.Loading)
            {
                _loading = Task.Run(() => LoadAsync(_stopping.Token));
            }
        }
    }

    /// <summary>Starts loading if needed and waits until the model is ready or has failed (never throws for a failed load).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Start();
        Task? loading;
        lock (_startGate)
        {
            loading = _loading;
        }

        if (loading is not null)
        {
            await loading.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The question's closeness to every target, or null while the model is not ready.</summary>
    internal SemanticScores? Match(string question) =>
        _index is { } index && Vector(question) is { } vector ? index.Score(vector) : null;

    SemanticScores? ISemanticScorer.Match(string question) => Match(question);

    void ISemanticScorer.ForgetQuestions() => ForgetQuestions();

    /// <summary>The question's vector (kept for repeats), or null while the model is not ready.</summary>
    internal float[]? Vector(string question)
    {
        if (_state != SemanticState.Ready || _embedder is not { } embedder || question.Length == 0)
        {
            return null;
        }

        if (!_questions.TryGetValue(question, out var vector))
        {
            vector = embedder.Embed([question], CancellationToken.None)[0];
            if (_questions.Count >= MaxCachedQuestions)
            {
                _questions.Clear();
            }

            _questions[question] = vector;
        }

        return vector;
    }

    /// <summary>
    /// An index over a few more texts (a scope's own entries), or null while the model is not
    /// ready. Not cached: a scope has a handful of entries, embedded in milliseconds.
    /// </summary>
    internal SemanticIndex? Embed(IReadOnlyList<SemanticText> texts)
    {
        if (_state != SemanticState.Ready || _embedder is not { } embedder)
        {
            return null;
        }

        return SemanticIndex.Build(texts, texts.Count == 0 ? [] : embedder.Embed([.. texts.Select(t => t.Text)], CancellationToken.None));
    }

    /// <summary>Forgets the vectors of questions already asked (so a measurement times the model too).</summary>
    internal void ForgetQuestions() => _questions.Clear();

    private async Task LoadAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        ISentenceEmbedder? embedder = null;
        try
        {
            embedder = _createEmbedder();
            // The classifier learns from the training-only ways of asking too; the index, which
            // ranks by closeness, holds the knowledge's own texts alone (see knowledge/SCHEMA.md).
            var indexed = SemanticIndex.TextsOf(_knowledge);
            var texts = indexed.Concat(SemanticIndex.TrainingTextsOf(_knowledge)).ToList();
            var keys = texts.Select(t => SemanticIndex.Hash(t.Text)).ToArray();
            var vectors = await CachedAsync(embedder.Model, keys, ct);
            var fromCache = vectors.Count;

            var missing = texts.Select((t, i) => (t.Text, Key: keys[i])).Where(x => !vectors.ContainsKey(x.Key)).DistinctBy(x => x.Key).ToList();

            // Every core at start-up (the model's session runs one thread per call), and each batch
            // is stored as soon as it is done, so a run cut short keeps what it computed.
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct };
            await Parallel.ForEachAsync(missing.Chunk(EmbedBatch), options, async (batch, token) =>
            {
                var embedded = embedder.Embed([.. batch.Select(b => b.Text)], token);
                var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
                for (var i = 0; i < batch.Length; i++)
                {
                    fresh[batch[i].Key] = embedded[i];
                }

                lock (vectors)
                {
                    foreach (var (key, vector) in fresh)
                    {
                        vectors[key] = vector;
                    }
                }

                await StoreAsync(embedder.Model, fresh, token);
            });

            var ordered = keys.Select(k => vectors[k]).ToArray();
            var (classifier, trained) = await ClassifierAsync(embedder.Model, texts, ordered, ct);
            _index = SemanticIndex.Build(indexed, ordered[..indexed.Count], classifier);
            _embedder = embedder;
            _state = SemanticState.Ready;
            LogReady(texts.Count, fromCache, classifier is null ? "none" : trained ? "trained" : "from the cache", clock.ElapsedMilliseconds);
            await ForgetOtherModelsAsync(embedder.Model, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Stopping: the model may report its cancelled run as its own kind of error.
            embedder?.Dispose();
        }
        catch (Exception ex)
        {
            embedder?.Dispose();
            _state = SemanticState.Failed;
            LogFailed(ex);
        }
    }

    /// <summary>
    /// The classifier for these texts: from the cache when they are unchanged, else trained (a few
    /// seconds) and cached. One that cannot be trained is logged and left out; closeness alone
    /// still ranks by meaning.
    /// </summary>
    private async Task<(SemanticClassifier? Classifier, bool Trained)> ClassifierAsync(string model, IReadOnlyList<SemanticText> texts, float[][] vectors, CancellationToken ct)
    {
        if (texts.Count == 0)
        {
            return (null, false);
        }

        var cacheModel = model + "/classifier";
        var fingerprint = SemanticClassifier.Fingerprint(texts);
        var cached = await CachedAsync(cacheModel, [fingerprint], ct);
        if (cached.TryGetValue(fingerprint, out var stored) && SemanticClassifier.FromVector(texts, vectors[0].Length, stored) is { } known)
        {
            return (known, false);
        }

        try
        {
            var classifier = SemanticClassifier.Train(texts, vectors, ct);
            await StoreAsync(cacheModel, new Dictionary<string, float[]>(StringComparer.Ordinal) { [fingerprint] = classifier.ToVector() }, ct);
            return (classifier, true);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogClassifierFailed(ex);
            return (null, false);
        }
    }

    /// <summary>
    /// Drops the cached vectors of earlier word weights or models: the name of the model in use
    /// changes with the curated knowledge, and each revision would otherwise leave about 8 MB behind.
    /// </summary>
    private async Task ForgetOtherModelsAsync(string model, CancellationToken ct)
    {
        try
        {
            var removed = await _cache.RetainModelsAsync([model, model + "/classifier"], ct);
            if (removed > 0)
            {
                LogForgot(removed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarnCacheOnce(ex);
        }
    }

    private async Task<Dictionary<string, float[]>> CachedAsync(string model, string[] keys, CancellationToken ct)
    {
        try
        {
            return new Dictionary<string, float[]>(await _cache.GetManyAsync(model, keys.Distinct().ToArray(), ct), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarnCacheOnce(ex);
            return new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
    }

    private async Task StoreAsync(string model, Dictionary<string, float[]> vectors, CancellationToken ct)
    {
        try
        {
            await _cache.PutManyAsync(model, vectors, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarnCacheOnce(ex);
        }
    }

    private void WarnCacheOnce(Exception ex)
    {
        if (Interlocked.Exchange(ref _cacheWarned, 1) == 0)
        {
            LogCacheUnavailable(ex);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        Task? loading;
        lock (_startGate)
        {
            loading = _loading;
        }

        // Let a batch in progress finish before the model underneath it goes away.
        if (loading is not null && !loading.Wait(TimeSpan.FromSeconds(10)))
        {
            return;
        }

        _embedder?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Semantic matching is ready: {Texts} texts ({FromCache} vectors from the cache, classifier {Classifier}) in {Milliseconds} ms")]
    private partial void LogReady(int texts, int fromCache, string classifier, long milliseconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "The sentence-embedding model could not be loaded; answers use word matching only. Set Answering:Semantic:Enabled=false to skip it")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "The semantic classifier could not be trained; meaning is matched by closeness alone")]
    private partial void LogClassifierFailed(Exception exception);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Removed {Count} cached vectors of earlier knowledge or another model")]
    private partial void LogForgot(int count);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "The embedding cache could not be used; vectors are computed and not kept")]
    private partial void LogCacheUnavailable(Exception exception);
}
