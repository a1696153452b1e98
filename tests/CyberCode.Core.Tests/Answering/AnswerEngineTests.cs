using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests.Answering;

public sealed class AnswerEngineTests
{
    private static AnswerEngine Engine => Repo.Engine;

    [Fact]
    public void Ask_DefineCyberSovereignty_QuotesII5()
    {
        var answer = Engine.Ask("define cyber sovereignty");
        Assert.True(answer.Answered);
        Assert.Equal(AnswerKinds.Definition, answer.Kind);
        Assert.Equal("II.5", answer.Citations[0].PassageId);
        Assert.Equal("Part II: Policy analysis (Role-China)", answer.Citations[0].Section);
        Assert.Contains("right to choose its own Internet development path", answer.Citations[0].PassageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is the SCO", "Shanghai Cooperation Organization")]
    [InlineData("what does WCIT stand for", "World Conference on International Telecommunications")]
    [InlineData("ICCPR meaning", "International Covenant on Civil and Political Rights")]
    [InlineData("define cyber soverignty", "Cyber sovereignty means")]
    [InlineData("ｄｅｆｉｎｅ ＳＣＯ", "Shanghai Cooperation Organization")]
    public void Ask_TermInAnyForm_DefinesItFromThePassageThatSpellsItOut(string question, string expected)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(AnswerKinds.Definition, answer.Kind);
        Assert.Contains(expected, answer.Citations[0].PassageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which article of the iccpr does the 2015 code cite", "(article 19)")]
    [InlineData("which international treaty does the 2015 code cite", "International Covenant on Civil and Political Rights")]
    public void Ask_EntryWithSeveralQuotes_CitesFirstTheOneHoldingTheAskedDetail(string question, string firstQuoted)
    {
        // The ICCPR entry quotes I.16 (the covenant's name) before I.15 (its article 19). With a
        // moderator's phrasing asking for the article, I.15 comes first; its own phrasing asking
        // for the treaty keeps the curated order.
        var iccpr = Repo.Knowledge.Entries.Single(e => e.Title == "What is the ICCPR, and how does the Code use it?");
        var knowledge = new KnowledgeBase(Repo.Knowledge.Essay,
            [.. Repo.Knowledge.Entries.Select(e => e == iccpr ? e with { Phrasings = [.. e.Phrasings, "which article of the iccpr does the 2015 code cite"] } : e)],
            Repo.Knowledge.Synonyms, Repo.Knowledge.Filler);
        using var engine = AnswerEngine.Create(knowledge);
        var answer = engine.Ask(question);
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(iccpr.Id, answer.EntryId);
        Assert.Contains(firstQuoted, answer.Citations[0].PassageText, StringComparison.Ordinal);
        Assert.Equal(["I.15", "I.16"], answer.Citations.Take(2).Select(c => c.PassageId).Order());
    }

    [Theory]
    [InlineData("what changed in 2015")]
    [InlineData("changes")]
    [InlineData("compare 2011 2015")]
    [InlineData("diff between 2011 and 2015 draft")]
    [InlineData("whats the difference between the two versions")]
    public void Ask_Changes_ListsEachChangeWithItsPassage(string question)
    {
        var answer = Engine.Ask(question);
        Assert.Equal(AnswerKinds.Changes, answer.Kind);
        Assert.Contains(answer.Citations, c => c.PassageId == "I.9");
        Assert.Contains(answer.Citations, c => c.PassageId == "I.16");
        Assert.Contains("2(f)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("ICCPR", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_Timeline_ListsEventsInDateOrder()
    {
        var answer = Engine.Ask("timeline");
        Assert.Equal(AnswerKinds.Timeline, answer.Kind);
        var lines = answer.Text.Split('\n').Skip(1).ToList();
        Assert.True(lines.Count >= 12);
        Assert.True(lines.IndexOf(lines.First(l => l.Contains("2009", StringComparison.Ordinal))) < lines.IndexOf(lines.First(l => l.Contains("2 June 2011", StringComparison.Ordinal))));
        Assert.True(lines.IndexOf(lines.First(l => l.Contains("December 2012", StringComparison.Ordinal))) < lines.IndexOf(lines.First(l => l.Contains("June 2013", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("notes")]
    [InlineData("references")]
    [InlineData("what are the notes")]
    public void Ask_Notes_ListsTheSixReferencesWithTheirPassages(string question)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered);
        Assert.Equal(["N.1", "N.2", "N.3", "N.4", "N.5", "N.6"], answer.Citations.Select(c => c.PassageId));
        Assert.Contains("Lewis", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what does SCO stand fo", "Shanghai Cooperation Organization")]
    [InlineData("why was 2f criticised", "national laws and regulations")]
    [InlineData("what are the 2 main problems", "two main problems")]
    public void Ask_TypedShortcuts_AreUnderstood(string question, string expected)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered, $"{answer.Kind}: {answer.Text}");
        Assert.Contains(answer.Citations.Take(2), c => c.PassageText.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("when did the agreement come into force", "came into force on June 2, 2011")]
    [InlineData("what happened in December 2012", "World Conference on International Telecommunications")]
    [InlineData("why was a binding treaty impossible", "politically impossible")]
    [InlineData("whats the deal with snowden", "Snowden")]
    [InlineData("who said we stand for openness", "Robert Gates")]
    public void Ask_FreeQuestion_CitesThePassageThatAnswersIt(string question, string expected)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered, $"{answer.Kind}: {answer.Text}");
        Assert.Contains(answer.Citations.Take(2), c => c.PassageText.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what is the recipe for pancakes")]
    [InlineData("who is the president of Argentina")]
    [InlineData("how do I install python")]
    [InlineData("what is the speed of light")]
    [InlineData("how do I write an essay")]
    public void Ask_UnknownTopic_DeclinesWithSuggestions(string question)
    {
        var answer = Engine.Ask(question);
        Assert.False(answer.Answered, $"{answer.Kind} {answer.Confidence}: {answer.Text}");
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("\u200B\u200B")]
    public void Ask_EmptyOrHelp_ReturnsTheHelpText(string question)
    {
        var answer = Engine.Ask(question);
        Assert.Equal(AnswerKinds.Help, answer.Kind);
        Assert.Contains("define", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Answered);
    }

    [Fact]
    public void Ask_Over2000Characters_RefusesClearly()
    {
        var answer = Engine.Ask(new string('a', 2001));
        Assert.Equal(AnswerKinds.Refusal, answer.Kind);
        Assert.Contains("2,000", answer.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerKinds.Refusal, Engine.Ask(new string('x', 1_000_000)).Kind);
    }

    [Theory]
    [InlineData("define \u0000cyber\u0007 sovereignty\u001b")]
    [InlineData("define cyber\u00A0sovereignty 🙂")]
    [InlineData("DEFINE CYBER SOVEREIGNTY???")]
    public void Ask_ControlCharactersAndOddUnicode_StillAnswers(string question)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered);
        Assert.Equal("II.5", answer.Citations[0].PassageId);
    }

    [Fact]
    public void Ask_LoneSurrogateAndEmojiOnly_DoNotCrash()
    {
        Assert.NotNull(Engine.Ask("\uD800 what"));
        Assert.False(Engine.Ask("🙂🙂🙂").Answered);
    }

    [Fact]
    public void Ask_SourceId_ShowsThePassageInFull()
    {
        var answer = Engine.Ask("source ii.5");
        Assert.True(answer.Answered);
        Assert.Equal(AnswerKinds.Source, answer.Kind);
        Assert.Equal(answer.Citations[0].PassageText, answer.Text);
    }

    [Fact]
    public void Ask_UnknownPassageId_ListsTheNearestIds()
    {
        var answer = Engine.Ask("passage II.42");
        Assert.False(answer.Answered);
        Assert.Contains("II.9", answer.Text, StringComparison.Ordinal);
        Assert.Contains("source II.9", answer.Suggestions);
    }

    [Fact]
    public void Ask_Search_ListsPassagesUsingTheWords()
    {
        var answer = Engine.Ask("search ICANN");
        Assert.True(answer.Answered);
        Assert.Equal("I.10", answer.Citations[0].PassageId);
        Assert.False(Engine.Ask("search zeppelin").Answered);
    }

    [Theory]
    [InlineData("part 3", "III")]
    [InlineData("what does part two say", "II")]
    [InlineData("summarise section I", "I")]
    public void Ask_Part_OutlinesThatSectionPassageByPassage(string question, string prefix)
    {
        var answer = Engine.Ask(question);
        Assert.Equal(AnswerKinds.Section, answer.Kind);
        Assert.All(answer.Citations, c => Assert.StartsWith(prefix + ".", c.PassageId, StringComparison.Ordinal));
        Assert.Equal(Repo.Knowledge.Essay.Passages.Count(p => p.Id.StartsWith(prefix + ".", StringComparison.Ordinal)), answer.Citations.Count);
    }

    [Fact]
    public void Ask_Thanks_IsAnsweredKindly()
    {
        var answer = Engine.Ask("thanks!");
        Assert.Contains("welcome", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void Ask_About_GivesTitleAuthorAndDate()
    {
        var answer = Engine.Ask("who wrote this essay?");
        Assert.Contains("Xiaotong Liu", answer.Text, StringComparison.Ordinal);
        Assert.Contains("30 November 2017", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_VagueQuestion_OffersDidYouMeanOrDeclines_NeverALooseAnswer()
    {
        var answer = Engine.Ask("what about the population of russia");
        Assert.False(answer.Answered);
    }

    [Fact]
    public void Ask_AnAnswerAlsoCitesTheNextBestPassages_DistinctAndAtMostThree()
    {
        var answer = Engine.Ask("why was a binding treaty impossible");

        Assert.Equal("I.3", answer.Citations[0].PassageId);
        Assert.InRange(answer.Citations.Count, 2, 3);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.PassageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ask_EveryCitationIsVerbatimInItsPassage()
    {
        foreach (var q in new[] { "define cyber sovereignty", "what changed in 2015", "timeline", "why norms not a treaty", "search human rights", "what are china's two policy options" })
        {
            foreach (var c in Engine.Ask(q).Citations)
            {
                Assert.Equal(c.Quote, c.PassageText.Substring(c.Start, c.Length).Trim());
            }
        }
    }

    [Fact]
    public void Ask_IsSafeFromManyThreadsAtOnce()
    {
        var questions = new[] { "define SCO", "what changed in 2015", "whats the deal with snowden", "pancakes", "timeline" };
        var expected = questions.Select(q => Engine.Ask(q)).ToArray();
        Parallel.For(0, 200, i =>
        {
            var q = i % questions.Length;
            Assert.Equal(expected[q].Citations.Select(c => c.PassageId), Engine.Ask(questions[q]).Citations.Select(c => c.PassageId));
        });
    }
}

public sealed class YearsOutsideTheEssayTests
{
    [Theory]
    [InlineData("what happened to the code in 2020", 2020)]
    [InlineData("what did the SCO decide at the 2019 summit", 2019)]
    public void Ask_AboutAYearTheEssayNeverNames_DeclinesAndSaysWhy(string question, int year)
    {
        var answer = Repo.Engine.Ask(question);

        Assert.False(answer.Answered);
        Assert.Equal(AnswerKinds.Decline, answer.Kind);
        Assert.Contains($"never mentions {year}", answer.Text, StringComparison.Ordinal);
        Assert.Contains("2009 to 2017", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AboutAYearTheEssayNames_IsAnswered()
    {
        var answer = Repo.Engine.Ask("what happened in june 2013");

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(AnswerKinds.Event, answer.Kind);
    }
}
