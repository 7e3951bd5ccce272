using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

public sealed class VaderSentimentTests
{
    private static readonly VaderSentiment Vader = VaderSentiment.Default;

    // Compound scores published with VADER (its demo sentences, reproduced by every port).
    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.8316)]
    [InlineData("VADER is not smart, handsome, nor funny.", -0.7424)]
    [InlineData("VADER is smart, handsome, and funny!", 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [InlineData("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469)]
    [InlineData("The book was good.", 0.4404)]
    [InlineData("The book was kind of good.", 0.3832)]
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042)]
    [InlineData("At least it isn't a horrible book.", 0.431)]
    [InlineData("Today SUX!", -0.5461)]
    public void Compound_PublishedExamples_MatchVaderToFourPlaces(string sentence, double expected)
    {
        Assert.Equal(expected, Math.Round(Vader.Compound(sentence), 4), 4);
    }

    [Fact]
    public void Compound_NegatedPositive_IsNegative()
    {
        Assert.True(Vader.Compound("The food is not good.") < -0.3);
    }

    [Fact]
    public void Compound_CapsAndExclamations_StrengthenPositive()
    {
        Assert.True(Vader.Compound("VERY good!!!") > Vader.Compound("good"));
    }

    [Fact]
    public void Compound_But_WeightsTheClauseAfterIt()
    {
        Assert.True(Vader.Compound("The talks were good, but the outcome was terrible.") < 0);
    }

    [Fact]
    public void Compound_NoText_IsZero()
    {
        Assert.Equal(0, Vader.Compound("   "));
    }

    [Fact]
    public void Compound_SpanishNegation_TurnsPositiveNegative()
    {
        Assert.True(Vader.Compound("La cooperación es buena.") > 0);
        Assert.True(Vader.Compound("No es una buena idea.") < 0);
    }

    [Fact]
    public void Default_EmbeddedLexicon_HasAllVaderEntries()
    {
        Assert.True(Vader.LexiconSize > 7500, $"lexicon has {Vader.LexiconSize} entries");
    }
}
