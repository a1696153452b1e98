using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests.Answering;

/// <summary>The evidence the confidence model reads besides the scores (issue 3's abstain gap).</summary>
public sealed class ConfidenceEvidenceTests
{
    private static AnswerEngine Engine => Repo.Engine;

    private static Target PassageTarget(string id) => Target.ForPassage(Repo.Knowledge.Essay.Find(id)!);

    [Theory]
    [InlineData("how many internet users does china have", "I.10")]
    [InlineData("how old is xi jinping", "II.5")]
    [InlineData("when did the code come into force", "III.4")]
    public void AskedFor_ACountOrDateThePassageLacks_IsMissing(string question, string passageId)
    {
        Assert.Equal(1, AskedFor.Missing(question, PassageTarget(passageId), Repo.Knowledge.Essay));
    }

    [Theory]
    [InlineData("how many members submitted the 2015 draft", "I.9")]
    [InlineData("what year was the second gge report", "I.4")]
    [InlineData("why do china and russia want governments in charge", "I.10")]
    public void AskedFor_ThePassageHoldsIt_OrNothingSpecificAsked_IsNotMissing(string question, string passageId)
    {
        Assert.Equal(0, AskedFor.Missing(question, PassageTarget(passageId), Repo.Knowledge.Essay));
    }

    [Fact]
    public void AskedFor_AYearTheCitedTextIsNotAbout_IsMissing()
    {
        // I.4 is the 2010 GGE report: right for "the 2010 report", not for one of 2013.
        Assert.Equal(1, AskedFor.Missing("what did the 2013 un gge report conclude", PassageTarget("I.4"), Repo.Knowledge.Essay));
        Assert.Equal(0, AskedFor.Missing("what did the 2010 un gge report call for", PassageTarget("I.4"), Repo.Knowledge.Essay));
    }

    [Theory]
    [InlineData("what does ccdcoe stand for", "N.6", "doesn't spell out what CCDCOE stands for")]
    [InlineData("where is the sco headquartered", "I.5", "doesn't say where that is")]
    [InlineData("where does snowden live now", "I.8", "doesn't say where that is")]
    [InlineData("how many countries have signed the code by now", "I.9", "can't say how things stand now (it was published in November 2017)")]
    [InlineData("how much money does china spend on cyber research", "III.1", "doesn't give a number for that")]
    [InlineData("what does article 20 of the iccpr say", "I.15", "doesn't discuss article 20")]
    [InlineData("what was snowden's job", "I.8", "doesn't say what their job is")]
    [InlineData("what does james lewis do for a living", "N.2", "doesn't say what their job is")]
    [InlineData("did the un general assembly ever adopt the code", "I.7", "doesn't say whether that ever happened")]
    [InlineData("how do i become a cybersecurity analyst", "II.2", "doesn't give how-to advice")]
    [InlineData("whats xiaotong liu's email address", "N.2", "doesn't give anyone's contact details")]
    [InlineData("capital of uzbekistan", "I.6", "doesn't give a country's capital")]
    [InlineData("how many votes did the code get in the general assembly", "I.7", "doesn't count votes")]
    [InlineData("who chaired the 2010 un gge", "I.4", "doesn't say who that was")]
    [InlineData("who is the secretary general of the sco", "I.5", "doesn't say who that was")]
    [InlineData("what currency does russia use", "I.6", "doesn't give a country's currency")]
    [InlineData("what is the official language of kyrgyzstan", "I.9", "doesn't give a country's official language")]
    [InlineData("which two states joined the group in 2015", "I.9", "doesn't name which states")]
    [InlineData("where will the next internet conference in china be", "III.5", "can't say what comes after it was published (November 2017)")]
    [InlineData("is it going to rain in wuzhen", "II.5", "doesn't say anything about the weather")]
    [InlineData("did tajikistan vote for the 2015 draft", "I.9", "doesn't say how anyone voted")]
    [InlineData("who invented the world wide web", "I.1", "doesn't say who invented what")]
    [InlineData("was xi elected before the wuzhen conference", "II.5", "doesn't mention any election")]
    [InlineData("what tech companies did the leaks expose", "I.8", "doesn't name which companies")]
    [InlineData("name the chinese universities china should fund", "III.1", "doesn't name which universities")]
    // The rules narrowed on 2026-11-27 (a year to start from, "the job of", "how many" in a
    // reason) still catch what they were written for.
    [InlineData("how many internet users did china have after 2011", "I.10", "doesn't give a number for that")]
    [InlineData("what did the 2013 un gge report conclude", "I.4", "doesn't say anything about 2013 on that")]
    [InlineData("what was the job of snowden before the leaks", "I.8", "doesn't say what their job is")]
    [InlineData("how many employees did the sco have", "I.5", "doesn't count employees")]
    public void AskedFor_ADetailThePassagesNeverGive_IsMissing_SayingWhich(string question, string passageId, string detail)
    {
        Assert.Equal(detail, AskedFor.What(question, PassageTarget(passageId), Repo.Knowledge.Essay));
    }

    [Theory]
    [InlineData("what does sco stand for", "I.5")]
    [InlineData("what does the code stand for", "I.13")]
    [InlineData("how much influence does the us hold over the internet", "I.10")]
    [InlineData("how big a danger are tech threats nowadays", "I.2")]
    [InlineData("how do terrorists adapt to the digital age", "I.6")]
    [InlineData("what did the sco focus on at its tenth birthday", "I.5")]
    [InlineData("when can a state restrict free speech under the code", "I.15")]
    [InlineData("what does paragraph 2(f) say", "I.14")]
    [InlineData("what does paragraph 2f say", "I.14")]
    [InlineData("what is in paragraph 2(7) of the 2015 draft", "I.15")]
    [InlineData("what was robert gates's job", "II.4")]
    [InlineData("was the yekaterinburg agreement ever ratified", "I.6")]
    [InlineData("does the author think the west will ever take up the code", "I.20")]
    [InlineData("what role does china play in the sco", "I.5")]
    [InlineData("how should china respond to the west", "II.7")]
    [InlineData("why does the essay call the internet a capital of power", "II.3")]
    [InlineData("what is the climate of trust the code hopes for", "I.3")]
    [InlineData("how many governments backed the 2011 draft", "I.7")]
    [InlineData("how many policy options does china have", "II.7")]
    [InlineData("how many of the four members ratified it", "I.6")]
    [InlineData("who led the push for the code", "I.7")]
    [InlineData("who found out about the nsa surveillance", "I.8")]
    [InlineData("who was the secretary of defense quoted in the essay", "II.4")]
    [InlineData("who is president xi", "II.5")]
    [InlineData("what language does the code use for human rights", "I.15")]
    // Found by asking the knowledge's own phrasings (2026-11-27): a reason, a year to start from,
    // a draft's name, "2 f", a task, a slip of the keys and the essay's own age.
    [InlineData("y does it matter how many states back the code", "III.5")]
    [InlineData("what went on after 2011 according to the essay", "I.8")]
    [InlineData("what happened between 2011 and 2015", "I.8")]
    [InlineData("did the 2011 draft give states an equal role", "I.9")]
    [InlineData("what does para 2 f of the first draft say", "I.14")]
    [InlineData("restrictions in paragraph 2 7", "I.15")]
    [InlineData("what is the main job of the international community on terror", "I.6")]
    [InlineData("how many contries backed the first draft", "I.7")]
    [InlineData("how old is the essay", "II.9")]
    [InlineData("which countries are behind the code", "I.7")]
    [InlineData("who holds the most sway online right now according to the author", "I.10")]
    [InlineData("what will the sco do next with the code", "I.20")]
    [InlineData("which countries ratified the yekaterinburg agreement", "I.6")]
    [InlineData("what did the members say about sovereignty", "I.9")]
    public void AskedFor_QuestionsThatOnlySoundLikeIt_AreNotMissing(string question, string passageId)
    {
        Assert.Null(AskedFor.What(question, PassageTarget(passageId), Repo.Knowledge.Essay));
    }

    [Theory]
    [InlineData("Why does it matter how many countries recognize the Code?", "why-recognition-matters")]
    [InlineData("tldr of the essay", "essay-main-argument")]
    [InlineData("full name of the un gge", "what-is-un-gge")]
    public void Ask_ACuratedWayOfAsking_WordForWord_IsAnsweredFromItsEntry(string question, string entryId)
    {
        // Each was declined by a rule, or sent to help for having only small words, before the
        // engine looked curated phrasings up word for word.
        var answer = Engine.Ask(question);

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(Repo.Knowledge.Entries.Single(e => e.Id == entryId).Citations[0].PassageId, answer.Citations[0].PassageId);
    }

    [Fact]
    public void Ask_EveryCuratedQuestionAndPhrasing_IsAnswered()
    {
        var declined = Repo.Knowledge.Entries
            .Where(e => e.Kind is not EntryKind.Term and not EntryKind.Note)
            .SelectMany(e => e.Phrasings.Append(e.Title))
            .Where(q => !Engine.Ask(q).Answered)
            .ToList();

        Assert.Empty(declined);
    }

    [Fact]
    public void Ask_ForADetailTheEssayLacks_DeclinesSayingWhichAndOffersTheTopic()
    {
        var answer = Engine.Ask("how old is xi jinping");

        Assert.False(answer.Answered);
        Assert.Equal(AnswerKinds.Decline, answer.Kind);
        Assert.Contains("doesn't give anyone's age", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Xi Jinping", answer.Suggestions[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, answer.Features!.AskedMissing);
    }

    [Fact]
    public void Ask_WhatAnAbbreviationStandsFor_OnlyWhenTheEssaySpellsItOut()
    {
        // The essay writes "ICANN" but never its full name; our glossary does, the citation cannot.
        var icann = Engine.Ask("what does ICANN stand for");
        Assert.False(icann.Answered);
        Assert.Contains("doesn't spell out what ICANN stands for", icann.Text, StringComparison.Ordinal);
        Assert.Equal("define ICANN", icann.Suggestions[0]);

        var wcit = Engine.Ask("what does WCIT stand for");
        Assert.True(wcit.Answered);
        Assert.Contains("World Conference on International Telecommunications", wcit.Citations[0].PassageText, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_ANumberedArticleTheEssayNeverDiscusses_Declines_ButOneItDoesIsAnswered()
    {
        // The essay quotes article 19 of the ICCPR; article 20 is close in topic and absent.
        var twenty = Engine.Ask("what does article 20 of the iccpr say");
        Assert.False(twenty.Answered);
        Assert.Contains("doesn't discuss article 20", twenty.Text, StringComparison.Ordinal);

        var nineteen = Engine.Ask("what does article 19 of the iccpr say");
        Assert.True(nineteen.Answered, nineteen.Text);
        Assert.Contains("article 19", nineteen.Citations[0].PassageText, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what is ransomware", "never uses the word \"ransomware\"")]
    [InlineData("what is the budapest convention", "never uses the word \"budapest\"")]
    [InlineData("define hacktivism", "never uses the word \"hacktivism\"")]
    [InlineData("what is the outer space treaty", "never mentions \"outer space treaty\"")]
    [InlineData("whats the sovereign internet law?", "never mentions \"sovereign internet law\"")]
    [InlineData("how do i become a cybersecurity analyst", "how-to advice")]
    [InlineData("how can i make a strong password", "how-to advice")]
    [InlineData("can u write my essay on cyber security for me", "can't write or do assignments for you")]
    [InlineData("help me with my calculus homework", "can't write or do assignments for you")]
    [InlineData("give me a thesis statement for an essay on climate change", "can't write or do assignments for you")]
    [InlineData("whats xiaotong liu's email address", "contact details")]
    [InlineData("what is the author's phone number", "contact details")]
    [InlineData("did india support the code", "never mentions India")]
    [InlineData("what did Obama say about the code of conduct", "never mentions Obama")]
    [InlineData("did the eu's members back the code", "never mentions the EU")]
    [InlineData("did the united  kingdom vote against it", "never mentions the United Kingdom")]
    [InlineData("is tiktok banned in china", "never mentions TikTok")]
    [InlineData("can the chinese government break vpn encryption", "never mentions VPNs")]
    [InlineData("do states use malware against each other", "never mentions malware")]
    public void Ask_SomethingTheEssayCannotServe_DeclinesSayingWhy(string question, string why)
    {
        var answer = Engine.Ask(question);

        Assert.False(answer.Answered);
        Assert.Contains(why, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is cyber sovreignty", "never uses the word")]
    [InlineData("whats infosec", "never uses the word")]
    [InlineData("what is the yekaterinburg deal", "never uses the word")]
    [InlineData("what is the yekaterinburg agreement", "never mentions")]
    [InlineData("what is a binding treaty", "never mentions")]
    [InlineData("what is the international code of conduct", "never mentions")]
    [InlineData("what does the code prioritize above everything", "never uses the word")]
    [InlineData("does the author write the paper from china's view", "assignments for you")]
    [InlineData("what does the essay say about writing new rules", "assignments for you")]
    [InlineData("how should china respond to the west", "how-to advice")]
    [InlineData("is the sco like nato", "never mentions")]
    [InlineData("what did xi jinping say about cyber sovereignty", "never mentions")]
    [InlineData("did europe side with the us at wcit", "never mentions")]
    [InlineData("what did tajikistan and uzbekistan submit in 2011", "never mentions")]
    [InlineData("what role does the internet play for terrorists", "never mentions")]
    [InlineData("how do hackers attack government websites", "never mentions")]
    public void Ask_AQuestionThatOnlyLooksLikeIt_IsNotDeclinedForThatReason(string question, string notThis)
    {
        Assert.DoesNotContain(notThis, Engine.Ask(question).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_AboutANameAnEntryUses_IsAnsweredFromIt()
    {
        // A moderator's entry that names India makes India a name the knowledge knows.
        var sponsors = Repo.Knowledge.Entries.First(e => e.Citations.Count > 0 && e.Kind == EntryKind.Question);
        var india = sponsors with
        {
            Id = "india-and-the-code", Title = "Did India support the Code?", Phrasings = ["india and the code"],
            Text = "The essay does not say; India was not among the sponsors it names.",
        };
        var knowledge = new KnowledgeBase(Repo.Knowledge.Essay, [.. Repo.Knowledge.Entries, india], Repo.Knowledge.Synonyms, Repo.Knowledge.Filler);
        using var engine = AnswerEngine.Create(knowledge);

        Assert.Contains("never mentions India", Engine.Ask("did india support the code").Text, StringComparison.Ordinal);
        var answer = engine.Ask("did india support the code");
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("india-and-the-code", answer.EntryId);
    }

    [Fact]
    public void Ask_ForHomework_OffersTheStarters()
    {
        Assert.Equal(AnswerEngine.Starters, Engine.Ask("do my homework on the sco").Suggestions);
    }

    [Fact]
    public void Ask_WhenForAnEventTheEssayDoesNotDate_Declines_ButOneItDatesIsAnswered()
    {
        // Our timeline places the executive order in 2017 by inference; the essay gives no date.
        var order = Engine.Ask("when did trump sign the cybersecurity executive order");
        Assert.False(order.Answered);
        Assert.Contains("a date", order.Text, StringComparison.Ordinal);

        var yekaterinburg = Engine.Ask("when was the yekaterinburg agreement signed");
        Assert.True(yekaterinburg.Answered, yekaterinburg.Text);
        Assert.Equal("I.6", yekaterinburg.Citations[0].PassageId);
    }

    [Fact]
    public void AskedFor_AYearIsNotACount()
    {
        // II.5 names 2014 and 2015 but no count: a year must not pass for "how many".
        Assert.Contains("2015", Repo.Knowledge.Essay.Find("II.5")!.Text, StringComparison.Ordinal);
        Assert.Equal(1, AskedFor.Missing("how many people attended", PassageTarget("II.5"), Repo.Knowledge.Essay));
    }

    [Fact]
    public void AskedFor_ADateQuestion_IsAnsweredByADatedEvent()
    {
        var yekaterinburg = Repo.Knowledge.Entries.First(e => e.Date is not null);
        Assert.Equal(0, AskedFor.Missing("when was it signed", Target.ForEntry(yekaterinburg), Repo.Knowledge.Essay));
    }

    [Fact]
    public void EssayCoverage_CountsOnlyTheEssaysWords_NotOurPhrasings()
    {
        // "nato" is in one curated phrasing, so the knowledge knows it; the essay never says it.
        var features = Engine.Ask("is nato like the sco").Features!;
        Assert.True(features.EssayCoverage < features.Coverage, $"{features.EssayCoverage} vs {features.Coverage}");
        Assert.Equal(1, Engine.Ask("so why was a binding treaty impossible").Features!.EssayCoverage, 6);
    }

    [Theory]
    [InlineData("who is robert gates", "term-robert-gates", "II.4")]
    [InlineData("who is li baodong?", "term-li-baodong", "N.3")]
    [InlineData("who was President Xi", "term-xi-jinping", "II.5")]
    public void Ask_WhoIsAPersonTheGlossaryNames_AnsweredAsATerm(string question, string entryId, string passageId)
    {
        var answer = Engine.Ask(question);
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(AnswerKinds.Definition, answer.Kind);
        Assert.Equal(entryId, answer.EntryId);
        Assert.Equal(passageId, answer.Citations[0].PassageId);
    }

    [Fact]
    public void Ask_WhoIsSomethingElse_StaysAFreeQuestion()
    {
        Assert.Null(RequestParser.WhoIs("what is the sco"));
        Assert.Equal("in charge of the internet", RequestParser.WhoIs("who's in charge of the internet?"));
        Assert.NotEqual(AnswerKinds.Definition, Engine.Ask("who is in charge of the internet in china's view").Kind);
    }
}
