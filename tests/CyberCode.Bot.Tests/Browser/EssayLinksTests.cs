using CyberCode.Bot.Web.Ui;

namespace CyberCode.Bot.Tests.Browser;

public sealed class EssayLinksTests
{
    private const string Passage = "We believe that the Internet policy authority is a sovereign right. Cyber sovereignty means\n“respecting each country’s right.”";

    [Fact]
    public void For_PutsTheQuoteInTheQueryAndThePassageInTheFragment()
    {
        Assert.Equal("/essay?hl=a%20%E2%80%9Cb%E2%80%9D%20%26%20c%23#II.5", EssayLinks.For("II.5", "a “b” & c#"));
        Assert.Equal("/essay#N.1", EssayLinks.For("N.1", null));
    }

    [Fact]
    public void Locate_FindsAQuote_WrittenWithStraightQuotesAndOtherSpaces()
    {
        var span = EssayLinks.Locate(Passage, "Cyber sovereignty means  \"respecting each country's right.\"");

        Assert.NotNull(span);
        Assert.Equal("Cyber sovereignty means\n“respecting each country’s right.”", Passage.Substring(span.Value.Start, span.Value.Length));
    }

    [Fact]
    public void Locate_IgnoresCase_WhenNothingMatchesExactly()
    {
        var span = EssayLinks.Locate(Passage, "the internet policy authority");

        Assert.NotNull(span);
        Assert.Equal("the Internet policy authority", Passage.Substring(span.Value.Start, span.Value.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not in the passage")]
    public void Locate_ReturnsNothing_ForAQuoteThatIsNotThere(string quote) =>
        Assert.Null(EssayLinks.Locate(Passage, quote));
}
