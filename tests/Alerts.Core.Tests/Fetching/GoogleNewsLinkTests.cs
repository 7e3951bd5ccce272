using Alerts.Fetching;

namespace Alerts.Tests.Fetching;

public sealed class GoogleNewsLinkTests
{
    [Fact]
    public void TryDecode_OlderIdCarryingTheUrl_ReturnsTheArticleUrl()
    {
        var article = new Uri("https://www.harbourgazette.example/world/ferry-strike-ends?id=4411");

        var decoded = GoogleNewsLink.TryDecode(TestFeeds.GoogleNewsLinkTo(article));

        Assert.Equal(article, decoded);
    }

    [Theory]
    [InlineData("https://news.google.com/rss/articles/AU_yqLOpaqueNewStyleId?oc=5")]
    [InlineData("https://news.google.com/rss/articles/!!!not-base64!!!")]
    [InlineData("https://news.google.com/topstories")]
    public void TryDecode_IdWithoutUrl_ReturnsNull(string link)
    {
        Assert.Null(GoogleNewsLink.TryDecode(new Uri(link)));
    }
}
