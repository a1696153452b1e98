using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests.Knowledge;

public sealed class EssayParserTests
{
    private static readonly Essay Essay = EssayParser.Parse(Repo.EssayText);

    [Fact]
    public void Parse_ReadsTitleAuthorAndDate()
    {
        Assert.Equal("The International Cyber Security Code", Essay.Title);
        Assert.Equal("Xiaotong Liu", Essay.Author);
        Assert.Equal(new DateOnly(2017, 11, 30), Essay.Published);
    }

    [Fact]
    public void Parse_GivesStableIdsPerSection()
    {
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"I.{i}"), Essay.Passages.Where(p => p.Id.StartsWith("I.", StringComparison.Ordinal)).Select(p => p.Id));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"II.{i}"), Essay.Passages.Where(p => p.Id.StartsWith("II.", StringComparison.Ordinal)).Select(p => p.Id));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"III.{i}"), Essay.Passages.Where(p => p.Id.StartsWith("III.", StringComparison.Ordinal)).Select(p => p.Id));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"N.{i}"), Essay.Passages.Where(p => p.Id.StartsWith("N.", StringComparison.Ordinal)).Select(p => p.Id));
        Assert.StartsWith("China is a main character of the SCO.", Essay.Find("II.5")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EachPassageKnowsItsSectionTitle()
    {
        Assert.Equal("Part I: Intelligence analysis", Essay.Find("I.3")!.Section);
        Assert.Equal("Part II: Policy analysis (Role-China)", Essay.Find("II.5")!.Section);
        Assert.Equal("Part III: Policy implementation & political strategy", Essay.Find("III.5")!.Section);
        Assert.Equal("Notes", Essay.Find("N.1")!.Section);
    }

    [Fact]
    public void Parse_DropsPageChrome()
    {
        var all = string.Join("\n", Essay.Passages.Select(p => p.Text));
        foreach (var chrome in new[] { "top of page", "Papers: Headliner", "Comments", "linkedin", "Wix.com", "bottom of page", "min read", "Writer:" })
        {
            Assert.DoesNotContain(chrome, all, StringComparison.Ordinal);
        }

        Assert.StartsWith("The Internet has a vast destructive potential", Essay.Passages[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("whats-new.html", Essay.Passages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RemovesReviewerMarkers_AndJoinsTheSplitWord()
    {
        var all = string.Join("\n", Essay.Passages.Select(p => p.Text));
        Assert.DoesNotMatch(@"\[[A-Z]{1,4}\d+\]", all);
        Assert.Contains("to enhance our ability. Second,", Essay.Find("II.7")!.Text, StringComparison.Ordinal);
        Assert.Contains("politically impossible. Thus,", Essay.Find("I.3")!.Text, StringComparison.Ordinal);
        Assert.Contains("favors the western nations. The western", Essay.Find("I.10")!.Text, StringComparison.Ordinal);
        Assert.Contains("unauthorized access. For us,", Essay.Find("II.2")!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abili[EF12] ty.", "ability.")]
    [InlineData("impossible[JS3] . Thus", "impossible. Thus")]
    [InlineData("law.[EF5] Nevertheless", "law. Nevertheless")]
    [InlineData("issue: [JS6] What", "issue: What")]
    [InlineData("movements. [EF10]", "movements.")]
    public void RemoveReviewerMarkers_HandlesEachPlacement(string input, string expected) =>
        Assert.Equal(expected, EssayParser.RemoveReviewerMarkers(input));

    [Fact]
    public void Parse_JoinsTheDropCapToItsParagraph()
    {
        var passage = Essay.Find("I.14")!;
        Assert.StartsWith("The evolution of the Code’s substantive provision regarding human rights under paragraph 2(f)", passage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Essay.Passages, p => p.Text == "T" || p.Text.StartsWith("he evolution", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_KeepsThe2015QuotationAndItsItemsInOnePassage()
    {
        var passage = Essay.Find("I.15")!;
        Assert.StartsWith("and 2(7) in the 2015 version:", passage.Text, StringComparison.Ordinal);
        Assert.Contains("“To recognize that the rights of an individual in the offline environment", passage.Text, StringComparison.Ordinal);
        Assert.Contains("(a) for respect of the rights or reputations of others;", passage.Text, StringComparison.Ordinal);
        Assert.Contains("(b) for the protection of complying with relevant national security", passage.Text, StringComparison.Ordinal);
        Assert.EndsWith("(Takeaways, 2015)", passage.Text, StringComparison.Ordinal);
        Assert.StartsWith("The 2011 version discussed human rights", Essay.Find("I.16")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeepsThe2011LeadInWithItsQuotation()
    {
        var passage = Essay.Find("I.14")!;
        Assert.Contains("in the 2011 version:", passage.Text, StringComparison.Ordinal);
        Assert.EndsWith("relevant national laws and regulations.”", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotesLoseTheirNumberButKeepItInTheId()
    {
        Assert.StartsWith("Lewis, J. A. (2017, July 25).", Essay.Find("N.2")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutWriterLine_SaysWhatIsMissing()
    {
        var ex = Assert.Throws<FormatException>(() => EssayParser.Parse("Just some text\n\nwithout a byline"));
        Assert.Contains("Writer", ex.Message, StringComparison.Ordinal);
    }
}
