using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Quizzes;
using Xunit.Abstractions;

namespace CyberCode.Core.Tests.Quizzes;

public sealed partial class QuizBankTests(ITestOutputHelper output)
{
    private static readonly Lazy<QuizBank> LazyBank = new(() => QuizBank.From(Repo.Knowledge));

    private static QuizBank Bank => LazyBank.Value;

    [Fact]
    public void RealBank_HasAtLeastFortyCuratedItemsOverSeveralTopics()
    {
        var curated = Bank.OfOrigin(QuizOrigin.Curated);
        Assert.True(curated.Count >= 40, $"{curated.Count} curated items");
        var topics = curated.GroupBy(i => i.Topic).ToList();
        Assert.True(topics.Count >= 6, $"{topics.Count} topics");
        Assert.All(topics, t => Assert.True(t.Count() >= 4, $"topic '{t.Key}' has {t.Count()} items"));
        foreach (var topic in topics)
        {
            output.WriteLine($"{topic.Key}: {topic.Count()}");
        }
    }

    [Fact]
    public void RealBank_EveryItemHasThreeOrFourDistinctChoicesAndOneRight()
    {
        Assert.All(Bank.Items, item =>
        {
            Assert.InRange(item.Choices.Count, 3, 4);
            Assert.Equal(item.Choices.Count, item.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.InRange(item.Correct, 0, item.Choices.Count - 1);
            Assert.All(item.Choices, c => Assert.InRange(c.Length, 1, KnowledgeLoader.MaxChoiceLength));
            Assert.InRange(item.Question.Length, 1, KnowledgeLoader.MaxQuestionLength);
            Assert.False(string.IsNullOrWhiteSpace(item.Explanation), item.Id);
            Assert.False(string.IsNullOrWhiteSpace(item.Topic), item.Id);
            Assert.NotEmpty(item.Citations);
        });
        Assert.Equal(Bank.Items.Count, Bank.Items.Select(i => i.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void RealBank_EveryCitationIsAVerbatimSpanOfItsPassage()
    {
        foreach (var citation in Bank.Items.SelectMany(i => i.Citations))
        {
            var passage = Repo.Knowledge.Essay.Find(citation.PassageId)!;
            Assert.Equal(citation.Quote, passage.Text.Substring(citation.Start, citation.Length));
            Assert.Equal(passage.Section, citation.Section);
        }
    }

    [Theory]
    [InlineData(QuizOrigin.Curated)]
    [InlineData(QuizOrigin.Glossary)]
    [InlineData(QuizOrigin.Timeline)]
    public void RealBank_RightChoiceSitsInDifferentPlaces(QuizOrigin origin)
    {
        var items = Bank.OfOrigin(origin);
        var byPosition = items.GroupBy(i => i.Correct).ToList();
        Assert.True(byPosition.Count >= 3, $"{origin}: the right choice sits in only {byPosition.Count} place(s)");
        Assert.All(byPosition, g => Assert.True(g.Count() <= items.Count / 2, $"{origin}: {g.Count()} of {items.Count} right at position {g.Key + 1}"));
    }

    [Fact]
    public void Glossary_RightChoiceIsTheTermWhoseDefinitionIsAsked_WrongChoicesAreOtherTermsOfTheSameKind()
    {
        var rules = Repo.Knowledge.QuizGeneration;
        var items = Bank.OfOrigin(QuizOrigin.Glossary);
        Assert.True(items.Count >= 12, $"{items.Count} glossary items");
        foreach (var item in items)
        {
            var term = Repo.Knowledge.Find("term-" + item.Id[QuizGeneration.TermIdPrefix.Length..])!;
            Assert.Equal(term.Title, item.Choices[item.Correct]);
            Assert.Equal(term.Citations, item.Citations);
            Assert.Equal("terms", item.Topic);
            Assert.StartsWith("Which term means this? ", item.Question, StringComparison.Ordinal);
            Assert.Contains(item.Question["Which term means this? ".Length..], term.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(term.Title, item.Question, StringComparison.OrdinalIgnoreCase);
            var kind = rules.TermKinds[term.Id];
            foreach (var wrong in item.Choices.Where((_, i) => i != item.Correct))
            {
                var other = Repo.Knowledge.OfKind(EntryKind.Term).Single(t => t.Title == wrong);
                Assert.Equal(kind, rules.TermKinds[other.Id]);
                Assert.False(rules.AreTooClose(term.Id, other.Id), $"{item.Id}: {other.Id} is too close");
            }
        }
    }

    [Fact]
    public void Timeline_RightChoiceIsTheEventsDate_WrongChoicesAreOtherTimelineYearsInTheSameFormat()
    {
        var items = Bank.OfOrigin(QuizOrigin.Timeline);
        Assert.True(items.Count >= 8, $"{items.Count} timeline items");
        var years = Repo.Knowledge.OfKind(EntryKind.Event).Select(e => e.Date!.Year).ToHashSet();
        foreach (var item in items)
        {
            var e = Repo.Knowledge.Find("event-" + item.Id[QuizGeneration.DateIdPrefix.Length..])!;
            Assert.Equal(e.Date!.ToString(), item.Choices[item.Correct]);
            Assert.Equal(e.Citations, item.Citations);
            Assert.Equal("timeline", item.Topic);
            Assert.DoesNotMatch(@"\b(19|20)\d\d\b", e.Title);
            Assert.DoesNotContain(e.Id, Repo.Knowledge.QuizGeneration.SkipEvents);
            var shape = YearPattern().Replace(e.Date.ToString(), "YYYY");
            foreach (var wrong in item.Choices.Where((_, i) => i != item.Correct))
            {
                Assert.Equal(shape, YearPattern().Replace(wrong, "YYYY"));
                var year = int.Parse(YearPattern().Match(wrong).Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.NotEqual(e.Date.Year, year);
                Assert.Contains(year, years);
            }
        }
    }

    [Fact]
    public void Generated_AreTheSameEveryTime()
    {
        var again = QuizBank.From(Repo.Knowledge);
        Assert.Equal(Bank.Items.Count, again.Items.Count);
        foreach (var (a, b) in Bank.Items.Zip(again.Items))
        {
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Choices, b.Choices);
            Assert.Equal(a.Correct, b.Correct);
        }

        // Pinned: a change in the hash or the picking would reshuffle every item people have seen.
        Assert.Equal(0xaf63dc4c8601ec8cUL, QuizGeneration.Hash("a"));
    }

    [Fact]
    public void Generated_SkipsTermsWhoseDefinitionNamesThem()
    {
        // ICANN's definition opens by spelling out its own name; UN GGE's quotes its full title.
        Assert.Null(Bank.Find("gen-term-icann"));
        Assert.Null(Bank.Find("gen-term-un-gge"));
        Assert.Null(Bank.Find("gen-date-trump-executive-order"));
    }

    [Fact]
    public void ForTopic_FindsCuratedAndGeneratedItemsAlike()
    {
        Assert.Contains("terms", Bank.Topics);
        Assert.Contains(Bank.ForTopic("Timeline"), i => i.Origin == QuizOrigin.Timeline);
        Assert.Contains(Bank.ForTopic("timeline"), i => i.Origin == QuizOrigin.Curated);
        Assert.Equal(Bank.Items.Count, Bank.ForTopic(null).Count);
    }

    [Fact]
    public void Print_EveryItem()
    {
        foreach (var item in Bank.Items)
        {
            output.WriteLine($"[{item.Origin}/{item.Topic}] {item.Id}: {item.Question}");
            for (var i = 0; i < item.Choices.Count; i++)
            {
                output.WriteLine($"   {(i == item.Correct ? '*' : ' ')} {(char)('A' + i)}. {item.Choices[i]}");
            }

            output.WriteLine($"   -> {item.Explanation}");
            output.WriteLine($"   cite {item.Citations[0].PassageId}: \"{item.Citations[0].Quote}\"");
        }
    }

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearPattern();
}
