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

    /// <summary>
    /// How long after the service starts listening the model begins to load (in the background,
    /// on both cores for a few seconds). Loading at once competed with the first questions: the
    /// published service answered its first question 1449 ms after launch with the model loading
    /// beside it, 1259 ms with the model off (bench/README.md, start-up). Until the model is
    /// ready, answers rank by words, as when it is off. 0 loads it at once.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 60_000, ErrorMessage = "Answering:Semantic:StartDelayMilliseconds must be between 0 and 60000 (default 1000).")]
    public int StartDelayMilliseconds { get; set; } = 1000;
}
