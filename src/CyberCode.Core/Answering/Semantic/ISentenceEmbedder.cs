namespace CyberCode.Core.Answering.Semantic;

/// <summary>Turns sentences into unit-length vectors whose dot product measures closeness of meaning.</summary>
public interface ISentenceEmbedder : IDisposable
{
    /// <summary>Names the model and its version; cached vectors are kept per model.</summary>
    string Model { get; }

    /// <summary>One unit-length vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
