namespace CyberCode.Storage.Semantic;

/// <summary>One cached vector in the <c>embeddings</c> collection.</summary>
internal sealed class EmbeddingDocument
{
    /// <summary>Model and text hash, joined.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The vector's floats as little-endian bytes (compact, and exact on reading back).</summary>
    public byte[] Vector { get; set; } = [];
}
