using Alerts.Articles;

namespace Alerts.Tests.Articles;

public sealed class ContentHashTests
{
    private const string Story = """
        The harbour authority on Tuesday approved a plan to raise tolls for cargo ships by twelve percent from October, arguing that the extra money is needed to dredge the eastern channel before winter storms arrive.

        Shipping companies said the increase would be passed on to customers. “We can’t absorb another rise,” said a spokesperson for the regional freight association, which represents forty operators along the coast.

        The authority said the dredging work would take about nine months and that tolls would be reviewed again next spring. Local fishermen, who are exempt from the increase, welcomed the decision, saying the silted channel had made night crossings dangerous.

        Critics on the town council argued the authority had not published its accounts for two years and asked for an independent audit before any money was spent. The council will debate the matter at its meeting on the first Thursday of September.
        """;

    private const string OtherStory = """
        A new community library opened in the old railway station on Saturday after a three-year renovation funded largely by local donations and a lottery grant.

        Volunteers catalogued more than twenty thousand books, many of them given by residents, and the building now houses a reading room, a children's corner and a small museum about the branch line that closed in the sixties.

        The mayor cut the ribbon in front of a crowd of several hundred people, and a brass band played on the former platform. Organisers said they hoped to open a café in the old ticket office next year if they can find a tenant.

        The library will be open six days a week, staffed mainly by volunteers, and will host reading groups, language classes and an archive of local photographs that residents are invited to add to.
        """;

    [Fact]
    public void Of_SameTextWithDifferentQuotesCaseAndSpacing_SameHash()
    {
        Assert.Equal(
            ContentHash.Of("“We can’t wait,” she said.\n\nThe END."),
            ContentHash.Of("\"We can't   wait,\" SHE said. The end"));
    }

    [Fact]
    public void Of_DifferentWords_DifferentHash()
    {
        Assert.NotEqual(ContentHash.Of("Tolls rise by twelve percent."), ContentHash.Of("Tolls rise by ten percent."));
    }

    [Fact]
    public void Of_ReturnsLowercaseSha256Hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", ContentHash.Of(Story));
    }

    [Theory]
    [InlineData("This story first appeared in The Meridian Tribune and is republished with permission.\n\n{0}")]
    [InlineData("{0}\n\nReporting by Valley Courier staff; editing by the wire desk.")]
    [InlineData("By Rosa Delgado, Meridian Tribune\n\n{0}\n\nRead more: sign up for our morning newsletter.")]
    public void Fingerprint_SyndicatedCopyWithBoilerplateLines_IsNearDuplicate(string copyTemplate)
    {
        var copy = string.Format(System.Globalization.CultureInfo.InvariantCulture, copyTemplate, Story.Replace("“", "\"", StringComparison.Ordinal));

        var distance = ContentHash.Distance(ContentHash.Fingerprint(Story), ContentHash.Fingerprint(copy));

        Assert.True(ContentHash.AreNearDuplicates(ContentHash.Fingerprint(Story), ContentHash.Fingerprint(copy)), $"distance {distance}");
    }

    [Fact]
    public void Fingerprint_ShortStoryWithCreditLinesAtBothEnds_IgnoresThem()
    {
        // 200 words in four paragraphs; a 200-word SimHash moves 6–10 bits when 20 words of credits are added.
        var paragraphs = Enumerable.Range(0, 4).Select(p => string.Join(' ', Enumerable.Range(0, 50).Select(w => $"word{(p * 50 + w) * 7919 % 997}")));
        var story = string.Join("\n\n", paragraphs);
        var copy = "By Staff Writer, with agency reports.\n\n" + story + "\n\nThis story first appeared in the Harbour Gazette and is republished with permission.";

        Assert.Equal(ContentHash.Fingerprint(story), ContentHash.Fingerprint(copy));
        Assert.NotEqual(ContentHash.Of(story), ContentHash.Of(copy));
    }

    [Fact]
    public void Fingerprint_StoryOfShortParagraphs_KeepsMostOfIt()
    {
        var story = string.Join("\n\n", Enumerable.Range(0, 10).Select(p => $"Paragraph {p} says something different from paragraph {p + 1} about item {p * 3}."));

        Assert.NotEqual(ContentHash.Fingerprint(story), ContentHash.Fingerprint("Lead only.\n\n" + string.Join("\n\n", story.Split("\n\n").Take(3))));
        Assert.True(ContentHash.CoreWords(story).Count >= ContentHash.CoreWords(story.Replace("\n\n", " ", StringComparison.Ordinal)).Count * 0.6);
    }

    [Fact]
    public void Fingerprint_DifferentStories_AreFarApart()
    {
        var distance = ContentHash.Distance(ContentHash.Fingerprint(Story), ContentHash.Fingerprint(OtherStory));

        Assert.False(ContentHash.AreNearDuplicates(ContentHash.Fingerprint(Story), ContentHash.Fingerprint(OtherStory)));
        Assert.True(distance > 16, $"distance {distance}");
    }

    [Fact]
    public void Fingerprint_TextWithoutWords_IsZero()
    {
        Assert.Equal(0UL, ContentHash.Fingerprint(" -- ... "));
    }

    [Fact]
    public void Distance_CountsDifferingBits()
    {
        Assert.Equal(3, ContentHash.Distance(0b1011UL, 0b0110UL));
    }
}
