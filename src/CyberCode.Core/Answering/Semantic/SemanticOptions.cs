namespace CyberCode.Core.Answering.Semantic;

/// <summary>The <c>Answering:Semantic</c> section of <c>appsettings.json</c>.</summary>
public sealed class SemanticOptions
{
    public const string Section = "Answering:Semantic";

    /// <summary>
    /// Match questions by meaning with the local sentence-embedding model, besides words. Off,
    /// the bot ranks by words alone (faster start, less memory, fewer paraphrases understood).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
