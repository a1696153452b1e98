namespace CyberCode.Core.Answering.Semantic;

/// <summary>Where the local sentence-embedding model is; answers are lexical until <see cref="Ready"/>.</summary>
public enum SemanticState
{
    /// <summary>Turned off by <c>Answering:Semantic:Enabled=false</c>.</summary>
    Disabled,

    /// <summary>Loading in the background; answers use lexical ranking meanwhile.</summary>
    Loading,

    /// <summary>Loaded: answers fuse semantic and lexical ranking.</summary>
    Ready,

    /// <summary>Failed to load (logged once); answers stay lexical.</summary>
    Failed,
}
