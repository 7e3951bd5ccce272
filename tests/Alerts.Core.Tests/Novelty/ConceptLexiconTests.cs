using Alerts.Novelty;

namespace Alerts.Tests.Novelty;

public sealed class ConceptLexiconTests
{
    [Theory]
    [InlineData("No vamos a permitir ninguna intervención")]
    [InlineData("We will not allow any intervention")]
    [InlineData("Rechazamos la intervención")]
    [InlineData("No estamos de acuerdo con una intervención")]
    public void Reduce_NegatedAssent_IsOneRefusal(string clause)
    {
        var claim = ConceptLexicon.Reduce(clause);

        Assert.False(claim.Negated);
        Assert.Equal(["intervene", "refuse"], claim.Concepts);
    }

    [Fact]
    public void Reduce_DesignationAsWeaponOfMassDestruction_IsOneClaimInBothLanguages()
    {
        var spanish = ConceptLexicon.Reduce("la denominación del fentanilo como arma de destrucción masiva");
        var english = ConceptLexicon.Reduce("designating fentanyl a weapon of mass destruction");

        Assert.Equal(english.Concepts, spanish.Concepts);
        Assert.Contains("mass_destruction", english.Concepts);
        Assert.Contains("designate", english.Concepts);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("siempre")]
    [InlineData("publicamente")]
    [InlineData("people")]
    public void Weight_GenericWordOutsideTheLexicon_WeighsLessThanAClaimWord(string word)
    {
        var concept = Assert.Single(ConceptLexicon.Reduce(word).Concepts);

        Assert.True(ConceptLexicon.Weight(concept) < 1, $"{word} → {concept} weighs {ConceptLexicon.Weight(concept)}");
        Assert.Equal(1, ConceptLexicon.Weight(Assert.Single(ConceptLexicon.Reduce("patrols").Concepts)));
    }

    [Fact]
    public void Reduce_NegationFarFromTheAssent_StaysANegation()
    {
        var claim = ConceptLexicon.Reduce("consentirá la investigación con autorización expresa y si no fuera así habrá delito");

        Assert.True(claim.Negated);
        Assert.DoesNotContain("refuse", claim.Concepts);
    }

    [Fact]
    public void Reduce_SpanishAndEnglish_GiveTheSameConcepts()
    {
        var spanish = ConceptLexicon.Reduce("Los ataques contra los cárteles violan la soberanía de México");
        var english = ConceptLexicon.Reduce("Strikes against the cartels violate Mexico's sovereignty");

        Assert.Equal(english.Concepts, spanish.Concepts);
        Assert.Contains("sovereignty", english.Concepts);
        Assert.Contains("strike", english.Concepts);
    }

    [Fact]
    public void Reduce_AccentsCaseAndQuotes_DoNotCount()
        => Assert.Equal(
            ConceptLexicon.Reduce("“SOBERANÍA” nacional, intervención").Concepts,
            ConceptLexicon.Reduce("soberania nacional intervencion").Concepts);

    [Fact]
    public void Reduce_Synonyms_MapToOneConcept()
        => Assert.Equal(
            ConceptLexicon.Reduce("soldiers will attack").Concepts,
            ConceptLexicon.Reduce("troops would strike").Concepts);

    [Theory]
    [InlineData("We will not send troops", true)]
    [InlineData("We won't send troops", true)]
    [InlineData("No enviaremos tropas", true)]
    [InlineData("We will send troops", false)]
    public void Reduce_Negation_IsKept(string text, bool negated)
        => Assert.Equal(negated, ConceptLexicon.Reduce(text).Negated);

    [Fact]
    public void Reduce_NumbersInDigitsOrWords_AreTheSame()
    {
        Assert.Equal(["6"], ConceptLexicon.Reduce("six cartels").Numbers);
        Assert.Equal(["6"], ConceptLexicon.Reduce("seis cárteles").Numbers);
        Assert.Equal(["6"], ConceptLexicon.Reduce("6 cartels").Numbers);
    }

    [Fact]
    public void Split_SentencesClausesAndAbbreviations_GiveOneClaimEach()
    {
        var claims = ClaimSplitter.Split("The U.S. military will not enter Mexico; we cooperate, but there will be no invasion. It is ruled out.");

        Assert.Equal(4, claims.Count);
        Assert.Contains("united_states", claims[0].Concepts);
    }
}
