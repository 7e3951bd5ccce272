using Alerts.Evaluation;

namespace Alerts.Tests.Evaluation;

public sealed class AlertScorerTests
{
    // Invented statements: a harbour dispute in a made-up country, in English and Spanish.
    private const string Gold = """
        {
          "keys": {"Ministry of Ports": ["ports ministry", "ministerio de puertos"]},
          "groups": [
            {"id": "01a", "kind": "required", "speaker": "Okafor",
             "members": [{"a": "01", "text": "The harbour will stay open to every ship that respects our rules."},
                         {"a": "02", "text": "El puerto seguirá abierto a todo barco que respete nuestras reglas."}]},
            {"id": "01b", "kind": "required", "speaker": "Lindqvist",
             "members": [{"a": "01", "text": "We will send inspectors to the northern docks next month."}]},
            {"id": "02a", "kind": "required", "speaker": "Ministry of Ports",
             "members": [{"a": "02", "text": "The new schedule of cargo fees takes effect in March."}]},
            {"id": "02b", "kind": "required", "speaker": "u.s. official",
             "members": [{"a": "02", "text": "The navy moved two frigates closer to the strait overnight."}]},
            {"id": "03a", "kind": "required", "speaker": "Núñez",
             "members": [{"a": "03", "text": "La decisión del gobierno es irrevocable y no habrá marcha atrás."}]},
            {"id": "01c", "kind": "optional", "speaker": "Okafor",
             "members": [{"a": "01", "text": "I spoke with the captains this morning."}]},
            {"id": "04a", "kind": "offtopic", "speaker": "Okafor",
             "members": [{"a": "04", "text": "Tickets for the cup final go on sale on Friday at noon."}]}
          ]
        }
        """;

    [Fact]
    public void Score_MemberWithItsSpeaker_IsNewThenDupInTheOtherLanguage()
    {
        var card = Score(
            ("Minister Grace Okafor", "The harbour will stay open to every ship that respects our rules"),
            ("Okafor", "El puerto seguirá abierto a todo barco que respete nuestras reglas"));

        Assert.Equal(["NEW 01a", "DUP 01a"], Labels(card));
        Assert.Equal(1, card.Count(VerdictKind.Dup));
    }

    [Fact]
    public void Score_FragmentOfThreeWordsOrMore_IsCreditedToItsGroup()
    {
        var card = Score(("Okafor", "stay open to every ship"));

        Assert.Equal(["NEW 01a"], Labels(card));
    }

    [Fact]
    public void Score_OptionalGroup_IsOptionalAndLeftOutOfPrecision()
    {
        var card = Score(
            ("Okafor", "I spoke with the captains this morning"),
            ("Lindqvist", "We will send inspectors to the northern docks next month"));

        Assert.Equal(["OPTIONAL 01c", "NEW 01b"], Labels(card));
        Assert.Equal(1.0, card.Precision);
    }

    [Fact]
    public void Score_OfftopicStatement_IsOfftopic()
    {
        var card = Score(("Okafor", "Tickets for the cup final go on sale on Friday at noon"));

        Assert.Equal(["OFFTOPIC 04a"], Labels(card));
        Assert.Equal(0.0, card.Precision);
    }

    [Fact]
    public void Score_RightWordsWrongSpeaker_IsMisattributedWithTheGroupsMatched()
    {
        var card = Score(("Okafor", "We will send inspectors to the northern docks next month"));

        Assert.Equal(["MISATTRIBUTED 01b"], Labels(card));
    }

    [Fact]
    public void Score_SpeakerNamingTwoUnrelatedGoldSpeakers_IsMisattributed()
    {
        var card = Score(("Okafor and Lindqvist", "We will send inspectors to the northern docks next month"));

        Assert.Equal(["MISATTRIBUTED 01b"], Labels(card));
    }

    [Theory]
    [InlineData("")]
    [InlineData("she")]
    [InlineData("Okafor, Lindqvist, Núñez, the ports ministry and several other officials of the region")]
    public void Score_NoSpeakerOrAListOfNames_IsMisattributed(string speaker)
    {
        var card = Score((speaker, "We will send inspectors to the northern docks next month"));

        Assert.Equal(VerdictKind.Misattributed, Assert.Single(card.Verdicts).Kind);
    }

    [Fact]
    public void Score_WordsThatMatchNothing_AreUnmatched()
    {
        var card = Score(("Okafor", "The weather was mild along the coast today"));

        Assert.Equal(["UNMATCHED"], Labels(card));
    }

    [Fact]
    public void Score_SixtyContentWords_AreScoredButSixtyOneAreUnmatchedAsOverLong()
    {
        // The member has seven content words; "rules" repeated brings the alert to the limit without new words.
        const string member = "The harbour will stay open to every ship that respects our rules";
        var atLimit = member + string.Concat(Enumerable.Repeat(" rules", 60 - 7));

        var card = Score(("Okafor", atLimit), ("Okafor", atLimit + " rules"));

        Assert.Equal(["NEW 01a", "UNMATCHED (over-long)"], Labels(card));
        Assert.Equal(1, card.Count(VerdictKind.Unmatched));
    }

    [Theory]
    [InlineData("the Ports Ministry")]
    [InlineData("Ministerio de Puertos de Valdora")]
    public void Score_GoldFileKeys_NameTheirSpeaker(string speaker)
    {
        var card = Score((speaker, "The new schedule of cargo fees takes effect in March"));

        Assert.Equal(["NEW 02a"], Labels(card));
    }

    [Theory]
    [InlineData("a senior U.S. official")]
    [InlineData("US officials")]
    public void Score_GenericKeys_NameAnonymousOfficials(string speaker)
    {
        var card = Score((speaker, "The navy moved two frigates closer to the strait overnight"));

        Assert.Equal(["NEW 02b"], Labels(card));
    }

    [Fact]
    public void Score_KeyInsideAWord_DoesNotNameTheSpeaker()
    {
        var card = Score(("unofficial sources", "The navy moved two frigates closer to the strait overnight"));

        Assert.Equal(["MISATTRIBUTED 02b"], Labels(card));
    }

    [Fact]
    public void Score_GoldKeysForAGenericSpeaker_ReplaceTheGenericKeys()
    {
        var gold = GoldSet.Parse("""
            {"keys": {"u.s. official": ["spokesperson"]},
             "groups": [{"id": "g1", "kind": "required", "speaker": "U.S. official",
                         "members": [{"a": "1", "text": "The convoy turned back before dawn."}]}]}
            """, "test");

        var card = new AlertScorer(gold).Score([new("a U.S. official", "The convoy turned back before dawn"), new("a spokesperson", "The convoy turned back before dawn")]);

        Assert.Equal(["MISATTRIBUTED g1", "NEW g1"], Labels(card));
    }

    [Fact]
    public void Score_AccentsAndCase_AreFoldedInSpeakersAndText()
    {
        var card = Score(("NUNEZ", "la decision del gobierno es IRREVOCABLE y no habra marcha atras"));

        Assert.Equal(["NEW 03a"], Labels(card));
    }

    [Fact]
    public void Score_TranslationOfASpanishOnlyMember_IsUnmatched()
    {
        var card = Score(("Núñez", "The government's decision is irrevocable and there will be no going back"));

        Assert.Equal(["UNMATCHED"], Labels(card));
    }

    [Fact]
    public void Score_EqualMatches_GoToTheGroupNotYetAlertedThenToTheFirstListed()
    {
        var gold = GoldSet.Parse("""
            {"groups": [
              {"id": "b1", "kind": "required", "speaker": "Okafor", "members": [{"a": "1", "text": "The bridge reopens on Monday morning."}]},
              {"id": "b2", "kind": "required", "speaker": "Okafor", "members": [{"a": "2", "text": "The bridge reopens on Monday morning after repairs."}]}]}
            """, "test");
        var alert = new ScoredAlert("Okafor", "The bridge reopens on Monday morning");

        var card = new AlertScorer(gold).Score([alert, alert, alert]);

        Assert.Equal(["NEW b1", "NEW b2", "DUP b1"], Labels(card));
        Assert.Equal("recall 1.00 precision 0.67 dup 1 offtopic 0 misattributed 0 unmatched 0 alerts 3", card.Summary);
    }

    [Fact]
    public void Summary_CountsEveryVerdictInScorePyFormat()
    {
        var card = Score(
            ("Okafor", "The harbour will stay open to every ship that respects our rules"),
            ("Okafor", "The harbour will stay open to every ship that respects our rules"),
            ("Okafor", "I spoke with the captains this morning"),
            ("Okafor", "Tickets for the cup final go on sale on Friday at noon"),
            ("Okafor", "We will send inspectors to the northern docks next month"),
            ("Okafor", "The weather was mild along the coast today"));

        // 1 of 5 required groups; 1 NEW of the 5 alerts that are not OPTIONAL.
        Assert.Equal("recall 0.20 precision 0.20 dup 1 offtopic 1 misattributed 1 unmatched 1 alerts 6", card.Summary);
        Assert.Equal(["01b", "02a", "02b", "03a"], card.Missed);
    }

    [Fact]
    public void Summary_HalfwayFigures_RoundAsPythonDoes()
    {
        // Eight required groups, one alerted: 0.125, which Python prints as 0.12.
        string[] ships = ["Albatross", "Heron", "Osprey", "Petrel", "Tern", "Gannet", "Puffin", "Cormorant"];
        var groups = ships.Select(ship => new GoldGroup(ship, GoldKind.Required, "Okafor", [$"The {ship} will leave the harbour at dawn."])).ToList();

        var card = new AlertScorer(new GoldSet(groups, [])).Score([new("Okafor", "The Albatross will leave the harbour at dawn")]);

        Assert.StartsWith("recall 0.12 precision 1.00 ", card.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void VerboseLines_PadVerdictAndSpeakerThenEndWithTheMissedGroups()
    {
        var card = Score(("Minister Grace Okafor of the Ministry of Foreign Affairs", "I spoke with the captains this morning"));

        var lines = card.VerboseLines().ToList();

        Assert.Equal(
            "MISATTRIBUTED 01c            | Minister Grace Okafor of the M | I spoke with the captains this morning",
            lines[0]);
        Assert.Equal("missed: 01a, 01b, 02a, 02b, 03a", lines[1]);
    }

    private static Scorecard Score(params (string Speaker, string Text)[] alerts)
        => new AlertScorer(GoldSet.Parse(Gold, "test")).Score([.. alerts.Select(a => new ScoredAlert(a.Speaker, a.Text))]);

    private static string[] Labels(Scorecard card) => [.. card.Verdicts.Select(v => v.Label)];
}
