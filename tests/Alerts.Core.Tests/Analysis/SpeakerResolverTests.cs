using Alerts.Analysis;

namespace Alerts.Tests.Analysis;

/// <summary>The speaker is the person: titles, descriptors, pronoun-free attributions and inverted Spanish attributions
/// resolve to the one the article named, or to nobody.</summary>
public sealed class SpeakerResolverTests
{
    private static readonly StatementExtractor Extractor = new();

    private static IReadOnlyList<ExtractedStatement> Extract(params string[] paragraphs)
        => Extractor.Extract(string.Join("\n\n", paragraphs));

    [Theory]
    [InlineData("Reps. Tom Barden (R-OH) and Will Ostrow (R-KS) filed a bill on Tuesday to authorize force against the gangs.",
        "The two Republicans say the gangs have overwhelmed the border police.")]
    [InlineData("Reps. Tom Barden and Will Ostrow filed a bill on Tuesday to authorize force against the gangs.",
        "The two congressmen, who both served in the army, said they have narrowed the bill so that it expires after three years.")]
    [InlineData("El diputado Tomás Barrera presentó el martes una iniciativa contra las bandas. El diputado Guillermo Ostos la apoyó.",
        "Ambos legisladores dijeron que la policía fronteriza ya no basta.")]
    public void Extract_TheTwoOfThemSpeaking_IsBothPeopleTheArticleNamed(string introduction, string joint)
    {
        var statement = Assert.Single(Extract(introduction, joint));

        Assert.Contains(" and ", statement.Speaker.Name, StringComparison.Ordinal);
        Assert.All(statement.Speaker.Name.Split(" and "), name => Assert.Contains(name, introduction, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OfficeTitleWithAndChain_KeepsWholeNameAndWholeTitle()
    {
        var statement = Assert.Single(Extract(
            "Secretary of Security and Citizen Protection Rosa Elena Quintana said on Monday that the barracks would stay shut."));

        Assert.Equal("Rosa Elena Quintana", statement.Speaker.Name);
        Assert.Equal("Secretary of Security and Citizen Protection", statement.Speaker.Role);
    }

    [Fact]
    public void Extract_OfficeTitleWithTheInside_SplitsOfficeFromName()
    {
        var statement = Assert.Single(Extract("Secretary of the Navy John Doe said that the fleet was ready to sail."));

        Assert.Equal("John Doe", statement.Speaker.Name);
        Assert.Equal("Secretary of the Navy", statement.Speaker.Role);
    }

    [Fact]
    public void Extract_CountryLeaderDescriptor_IsThePersonOfThatCountry()
    {
        var statements = Extract(
            "U.S. President Donald Trump called Mexican President Claudia Sheinbaum on Friday.",
            "Sheinbaum said that the call had been friendly and short.",
            "In the call, the US leader revealed that he had offered to send troops to the border.");

        Assert.Equal("Donald Trump", Assert.Single(statements, s => s.Text.Contains("offered", StringComparison.Ordinal)).Speaker.Name);
    }

    [Theory]
    [InlineData("añadió la jefa de Estado")]
    [InlineData("añadió la jefa del Ejecutivo federal")]
    [InlineData("añadió la mandataria federal")]
    public void Extract_SpanishLeaderDescriptor_IsThePresidentNamedBefore(string attribution)
    {
        var statements = Extract(
            "El secretario de Marina, Raúl Ortega, habló primero. La presidenta Claudia Sheinbaum afirmó que la soberanía no se negocia.",
            $"\u201CSolo los pueblos deciden su camino\u201D, {attribution}.");

        Assert.Equal("Claudia Sheinbaum", Assert.Single(statements, s => s.Text.Contains("pueblos", StringComparison.Ordinal)).Speaker.Name);
    }

    [Fact]
    public void Extract_FormerOfficeDescriptor_IsTheLastSpeaker()
    {
        var statements = Extract(
            "Former Ambassador Nina Hale repeated her plan for the border.",
            "\u2018We should treat them like the terrorists they are,\u2019 Hale said in an interview.",
            "The former Ohio governor, who is running for the nomination, also stressed that the president must act at the source.");

        Assert.Equal("Nina Hale", Assert.Single(statements, s => s.Text.Contains("source", StringComparison.Ordinal)).Speaker.Name);
    }

    [Theory]
    [InlineData("El magnate dijo que los cárteles gobiernan todo el país.")]
    [InlineData("El republicano dijo que los cárteles gobiernan todo el país.")]
    public void Extract_DescriptorNoNamedPersonFits_IsNoStatement(string sentence)
    {
        var statements = Extract(
            "El secretario de Seguridad, Omar Ruiz Tello, dijo que no habrá tropas extranjeras.",
            "La presidenta Claudia Sheinbaum afirmó que la soberanía no se negocia.",
            sentence);

        Assert.DoesNotContain(statements, s => s.Text.Contains("gobiernan", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_DescriptorForTheMainFigure_IsThatPerson()
    {
        var statements = Extract(
            "El presidente Donald Trump habló el lunes. Trump dijo que los cárteles mandan en la frontera.",
            "La presidenta Claudia Sheinbaum respondió que eso es falso. Trump insistió en sus críticas.",
            "El magnate dijo que enviará tropas si es necesario.");

        Assert.Equal("Donald Trump", Assert.Single(statements, s => s.Text.Contains("tropas", StringComparison.Ordinal)).Speaker.Name);
    }

    [Fact]
    public void Extract_AttributionInsertedAfterAdverb_GoesOnFromTheSpeakerBefore()
    {
        var statements = Extract(
            "La presidenta Claudia Sheinbaum afirmó que el país no aceptará intervenciones.",
            "Tampoco, aseguró, \u201Cconsentirá operaciones extranjeras sin la autorización del Estado\u201D.");

        var statement = Assert.Single(statements, s => s.Text.Contains("consentirá", StringComparison.Ordinal));
        Assert.Equal("Claudia Sheinbaum", statement.Speaker.Name);
    }

    [Theory]
    [InlineData("La designación da elementos para una intervención en México, afirmó la presidenta Claudia Sheinbaum.")]
    [InlineData("No hubo participación de agentes de los Estados Unidos, aclaró la presidenta Claudia Sheinbaum.")]
    public void Extract_InvertedAttributionAfterPlaceName_NamesThePersonNotThePlace(string sentence)
    {
        var statement = Assert.Single(Extract(sentence));

        Assert.Equal("Claudia Sheinbaum", statement.Speaker.Name);
        Assert.Equal(SpeakerKind.Person, statement.Speaker.Kind);
    }

    [Fact]
    public void Extract_InvertedAttributionWithCircumstancesBeforeName_NamesThePerson()
    {
        var statements = Extract(
            "El presidente Andrés Manuel López Obrador dijo que los republicanos ofenden al país.",
            "\u201CDesignarlos no nos da ninguna facultad adicional\u201D, expresó en su rueda de prensa diaria Marta Olvera, portavoz del presidente.");

        var statement = Assert.Single(statements, s => s.Text.Contains("facultad", StringComparison.Ordinal));
        Assert.Equal("Marta Olvera", statement.Speaker.Name);
    }

    [Fact]
    public void Extract_HolderOfOffice_IsThePersonNamedWithThatOffice()
    {
        var statements = Extract(
            "El secretario de la Defensa Nacional, Ricardo Trevilla, presentó el informe.",
            "La presidenta Claudia Sheinbaum habló después.",
            "Más tarde, el titular de la Defensa aseguró que no hay soldados extranjeros en el país.");

        Assert.Equal("Ricardo Trevilla", Assert.Single(statements).Speaker.Name);
    }

    [Fact]
    public void Extract_SpanishRoleInEnglishOrder_IsThePersonNamedWithIt()
    {
        var statements = Extract(
            "U.S. Secretary of State Marco Rubio visited the capital on Monday.",
            "La presidenta Claudia Sheinbaum lo recibió en Palacio Nacional.",
            "Más tarde, el secretario de Estado aseguró que ninguna opción está descartada.");

        Assert.Equal("Marco Rubio", Assert.Single(statements).Speaker.Name);
    }

    [Fact]
    public void Extract_SubjectlessQuoteBeforeAnyStatement_IsTheParagraphSubjectNotTheLastName()
    {
        var statements = Extract(
            "La presidenta de México, Claudia Sheinbaum, habló este viernes. Según el diario, el presidente estadounidense, Donald Trump, firmó una orden.",
            "\u201CNo va a haber invasión de ningún tipo\u201D, remarcó en su conferencia matutina.");

        Assert.Equal("Claudia Sheinbaum", Assert.Single(statements).Speaker.Name);
    }

    [Fact]
    public void Extract_LongClauseAfterInvertedVerb_IsNoAnonymousSource()
    {
        var statements = Extract(
            "President Donald Trump on Tuesday, Nov. 26, told a journalist that he would act, in turn giving government officials more resources to counter the groups.");

        Assert.DoesNotContain(statements, s => s.Speaker.Kind == SpeakerKind.AnonymousSource);
    }
}
