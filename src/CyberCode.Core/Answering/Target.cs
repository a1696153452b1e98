using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

/// <summary>Something retrieval can return: a curated entry or a passage of the essay.</summary>
internal sealed class Target
{
    private Target(string key, Entry? entry, Passage? passage)
    {
        Key = key;
        Entry = entry;
        Passage = passage;
    }

    public string Key { get; }
    public Entry? Entry { get; }
    public Passage? Passage { get; }

    /// <summary>The stems of each way of asking for it (an entry's title and phrasings).</summary>
    public IReadOnlyList<WeightedStems> Surfaces { get; private set; } = [];

    /// <summary>The stems of what it says (an entry's answer and quotes; a passage's text).</summary>
    public HashSet<string> Body { get; private set; } = [];

    /// <summary>The body's stems in order, for rewarding words that stand together.</summary>
    public string[] Sequence { get; private set; } = [];

    public static Target ForEntry(Entry entry) => new("e:" + entry.Id, entry, null);

    public static Target ForPassage(Passage passage) => new("p:" + passage.Id, null, passage);

    public void SetStems(IReadOnlyList<WeightedStems> surfaces, IReadOnlyList<string> body)
    {
        Surfaces = surfaces;
        Body = body.ToHashSet(StringComparer.Ordinal);
        Sequence = body.ToArray();
    }
}

/// <summary>A short text's stems with their total weight, for a Dice-style overlap.</summary>
internal sealed record WeightedStems(HashSet<string> Stems, double Weight);
