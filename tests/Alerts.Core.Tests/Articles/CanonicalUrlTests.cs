using Alerts.Articles;

namespace Alerts.Tests.Articles;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Meridian-Tribune.EXAMPLE:443/World/Story?b=2&a=1#comments", "https://news.meridian-tribune.example/World/Story?a=1&b=2")]
    [InlineData("http://meridian-tribune.example:80/a", "http://meridian-tribune.example/a")]
    [InlineData("https://meridian-tribune.example:8443/a", "https://meridian-tribune.example:8443/a")]
    [InlineData("https://meridian-tribune.example/a?utm_source=rss&utm_medium=feed&id=7&fbclid=XYZ&gclid=1&ref=home", "https://meridian-tribune.example/a?id=7")]
    [InlineData("https://meridian-tribune.example/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&cmpid=5&ocid=6&smid=7&taid=8&ito=9&dclid=10&msclkid=11", "https://meridian-tribune.example/a")]
    [InlineData("https://meridian-tribune.example/a?UTM_Campaign=x&page=2&&", "https://meridian-tribune.example/a?page=2")]
    [InlineData("https://meridian-tribune.example", "https://meridian-tribune.example/")]
    public void Normalize_VariousSpellings_GivesOneForm(string url, string expected)
    {
        Assert.Equal(expected, CanonicalUrl.Normalize(new Uri(url)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://meridian-tribune.example/story/amp")]
    [InlineData("https://meridian-tribune.example/story?outputType=amp")]
    [InlineData("https://m.meridian-tribune.example/story")]
    public void Normalize_AmpAndMobileVariants_AreNotGuessed(string url)
    {
        Assert.Equal(url, CanonicalUrl.Normalize(new Uri(url)).AbsoluteUri);
    }

    [Fact]
    public void Normalize_IsIdempotent()
    {
        var once = CanonicalUrl.Normalize(new Uri("https://Meridian-Tribune.example/a?z=1&utm_source=x&a=%20b#top"));

        Assert.Equal(once, CanonicalUrl.Normalize(once));
    }

    [Fact]
    public void Normalize_RelativeUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => CanonicalUrl.Normalize(new Uri("/a", UriKind.Relative)));
    }

    [Fact]
    public void Choose_AmpPageDeclaringCanonicalOnSameSite_FoldsToDeclared()
    {
        var chosen = CanonicalUrl.Choose(
            new Uri("https://amp.meridian-tribune.example/story/amp?utm_source=x"),
            new Uri("https://www.meridian-tribune.example/story"));

        Assert.Equal("https://www.meridian-tribune.example/story", chosen.AbsoluteUri);
    }

    [Fact]
    public void Choose_CanonicalOnAnotherSite_KeepsFetchedUrl()
    {
        var chosen = CanonicalUrl.Choose(
            new Uri("https://valleycourier.example/wire/story?utm_medium=rss"),
            new Uri("https://meridian-tribune.example/original"));

        Assert.Equal("https://valleycourier.example/wire/story", chosen.AbsoluteUri);
    }

    [Fact]
    public void Choose_NoDeclaredCanonical_NormalizesFetchedUrl()
    {
        Assert.Equal("https://valleycourier.example/s", CanonicalUrl.Choose(new Uri("https://valleycourier.example/s#x"), null).AbsoluteUri);
    }

    [Fact]
    public void BlobName_SameCanonicalUrl_SameStorageSafeName()
    {
        var first = CanonicalUrl.BlobName(CanonicalUrl.Normalize(new Uri("https://meridian-tribune.example/a?utm_source=rss")));
        var second = CanonicalUrl.BlobName(CanonicalUrl.Normalize(new Uri("https://MERIDIAN-TRIBUNE.example/a#x")));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{32}\\.json$", first);
    }

    [Fact]
    public void BlobName_DifferentUrls_DifferentNames()
    {
        Assert.NotEqual(
            CanonicalUrl.BlobName(new Uri("https://meridian-tribune.example/a")),
            CanonicalUrl.BlobName(new Uri("https://meridian-tribune.example/b")));
    }
}
