using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests.Knowledge;

public sealed class KnowledgeLoaderTests
{
    // The essay the real knowledge was loaded against; EssayParserTests test the parsing itself.
    private static Essay Essay => Repo.Knowledge.Essay;

    [Fact]
    public void Load_RealKnowledge_MeetsTheCuratedCounts()
    {
        var kb = Repo.Knowledge;
        var terms = kb.OfKind(EntryKind.Term).ToList();
        var questions = kb.OfKind(EntryKind.Question).ToList();
        Assert.True(terms.Count >= 30, $"{terms.Count} terms");
        Assert.All(terms, t => Assert.NotEmpty(t.Phrasings));
        Assert.True(questions.Count >= 80, $"{questions.Count} questions");
        Assert.All(questions, q => Assert.True(q.Phrasings.Count >= 3, $"{q.Id} has {q.Phrasings.Count} phrasings"));
        Assert.True(kb.OfKind(EntryKind.Event).Count() >= 12);
        Assert.True(kb.OfKind(EntryKind.Change).Count() >= 4);
        Assert.Equal(Enumerable.Range(1, 6), kb.OfKind(EntryKind.Note).Select(n => n.Note!.Number).Order());
        Assert.All(kb.Entries, e => Assert.NotEmpty(e.Citations));
    }

    [Fact]
    public void Load_EveryCitationIsAVerbatimSpanOfItsPassage()
    {
        foreach (var citation in Repo.Knowledge.Entries.SelectMany(e => e.Citations))
        {
            var passage = Repo.Knowledge.Essay.Find(citation.PassageId)!;
            Assert.Equal(citation.Quote, passage.Text.Substring(citation.Start, citation.Length));
            Assert.Equal(passage.Section, citation.Section);
        }
    }

    [Fact]
    public void Glossary_AbbreviatedTerms_CiteFirstWhereTheEssaySpellsThemOut()
    {
        foreach (var term in Repo.Knowledge.OfKind(EntryKind.Term))
        {
            var match = Regex.Match(term.Title, @"^(?<name>[A-Z][^()]+?) \((?<abbr>[A-Z][A-Z .]+)\)$");
            if (!match.Success)
            {
                continue;
            }

            // Where the essay spells the name out, that is the passage a reader asking "what does
            // X stand for" needs first.
            var name = match.Groups["name"].Value;
            if (!Repo.Knowledge.Essay.Passages.Any(p => p.Text.Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var first = Repo.Knowledge.Essay.Find(term.Citations[0].PassageId)!.Text;
            Assert.True(first.Contains(name, StringComparison.OrdinalIgnoreCase), $"{term.Id}: the first quote's passage does not spell out \"{name}\"");
        }
    }

    [Fact]
    public void Timeline_HasTheKeyDates()
    {
        var dates = Repo.Knowledge.OfKind(EntryKind.Event).Select(e => e.Date!.ToString()).ToList();
        Assert.Contains("2 June 2011", dates);
        Assert.Contains("12 September 2011", dates);
        Assert.Contains("December 2012", dates);
        Assert.Contains("June 2013", dates);
        Assert.Contains("2009", dates);
    }

    [Fact]
    public void FromYaml_QuoteNotInEssay_NamesFileEntryQuoteAndClosestPassage()
    {
        const string yaml = """
            terms:
              - id: made-up
                term: made up
                definition: Something.
                cite:
                  - "The Internet has a vast constructive potential while being a benefit"
            """;
        var (kb, problems) = KnowledgeLoader.FromYaml(Essay, [("glossary.yaml", yaml)]);
        Assert.Null(kb);
        var problem = Assert.Single(problems);
        Assert.Equal("glossary.yaml", problem.File);
        Assert.Equal("made-up", problem.EntryId);
        Assert.Contains("vast constructive potential", problem.Quote, StringComparison.Ordinal);
        Assert.Contains("closest passage I.1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("vast destructive potential", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_AmbiguousQuote_AsksForALongerOne()
    {
        const string yaml = """
            questions:
              - id: q1
                question: Q?
                phrasings: [a, b, c]
                answer: A.
                cite: ["believe that content is a potential security threat"]
            """;
        var (_, problems) = KnowledgeLoader.FromYaml(Essay, [("questions.yaml", yaml)]);
        Assert.Contains("I.12", Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Contains("lengthen", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_Training_ByEntryOrPassageId_DropsTheEntrysOwnPhrasings_AndRefusesAnUnknownId()
    {
        const string questions = """
            questions:
              - id: why-no-treaty
                question: Why was a binding treaty impossible?
                phrasings: [why no treaty, y no cyber treaty, why norms not a treaty]
                answer: Distrust among major states.
                cite: ["agreement on a binding treaty or convention was politically impossible"]
            """;
        const string training = """
            training:
              why-no-treaty:
                - so a   real binding deal was never on the cards?
                - Why no treaty
                - ""
              I.3:
                - why did everyone settle for rules of the road instead
            """;
        var (kb, problems) = KnowledgeLoader.FromYaml(Essay, [("questions.yaml", questions), ("training.yaml", training)]);

        Assert.Empty(problems);
        Assert.Equal(["so a real binding deal was never on the cards?"], kb!.Training["why-no-treaty"]);
        Assert.Equal(3, kb.Find("why-no-treaty")!.Phrasings.Count);
        Assert.Equal(["why did everyone settle for rules of the road instead"], kb.Training["I.3"]);

        var (none, unknown) = KnowledgeLoader.FromYaml(Essay, [("questions.yaml", questions), ("training.yaml", "training:\n  why-a-treaty: [is a treaty coming]\n")]);
        Assert.Null(none);
        var problem = Assert.Single(unknown);
        Assert.Equal("training.yaml", problem.File);
        Assert.Equal("why-a-treaty", problem.EntryId);
        Assert.Contains("no entry or passage with this id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_NormalisesCurlyQuotesAndWhiteSpace()
    {
        const string yaml = """
            terms:
              - id: sov
                term: cyber sovereignty
                definition: d
                cite: ["respecting each country's   right to choose its own Internet development path"]
            """;
        var (kb, problems) = KnowledgeLoader.FromYaml(Essay, [("g.yaml", yaml)]);
        Assert.Empty(problems);
        var citation = kb!.Entries.Single().Citations.Single();
        Assert.Equal("II.5", citation.PassageId);
        Assert.Equal("respecting each country’s right to choose its own Internet development path", citation.Quote);
    }

    [Fact]
    public void FromYaml_MissingFieldsDuplicateIdsAndBadDates_AreAllReported()
    {
        const string yaml = """
            terms:
              - id: dup
                term: one
                definition: d
                cite: ["respecting each country’s right to choose"]
              - id: dup
                term: two
                definition: d
                cite: ["respecting each country’s right to choose"]
              - id: Bad Id
                definition: d
            events:
              - id: e1
                date: "2011-13"
                title: t
                summary: s
                cite: ["came into force on June 2, 2011"]
            """;
        var (kb, problems) = KnowledgeLoader.FromYaml(Essay, [("x.yaml", yaml)]);
        Assert.Null(kb);
        Assert.Contains(problems, p => p.EntryId == "dup" && p.Message.Contains("already used", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("kebab-case", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'term' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("cite:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EntryId == "e1" && p.Message.Contains("YYYY", StringComparison.Ordinal));
    }

    [Fact]
    public void FromYaml_BrokenYaml_GivesLineAndColumn()
    {
        var (_, problems) = KnowledgeLoader.FromYaml(Essay, [("bad.yaml", "terms:\n  - id: x\n    cite: [unclosed\n")]);
        Assert.Contains("line", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_SaysWhichSettingToFix()
    {
        var ex = Assert.Throws<KnowledgeValidationException>(() => KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-knowledge-" + Guid.NewGuid())));
        Assert.Contains("Knowledge:Path", ex.Message, StringComparison.Ordinal);
    }
}
