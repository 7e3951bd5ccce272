using Alerts.Fetching;
using Alerts.Replay;

namespace Alerts.Tests.Replay;

public sealed class ArticleFileReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("reader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ReadAsync_TextWithHeadline_TakesFirstLineAsTitle()
    {
        var article = await ReadAsync("Navy Weighs Options Near Mexico\nThe navy said on Monday it had plans.\n");

        Assert.Equal("Navy Weighs Options Near Mexico", article.Title);
        Assert.Equal("The navy said on Monday it had plans.", article.Text);
    }

    [Fact]
    public async Task ReadAsync_TextOpeningWithAParagraph_KeepsFirstLineAsText()
    {
        var article = await ReadAsync("The navy said on Monday it had plans, officials said.\nA second paragraph follows.\n");

        Assert.Equal("", article.Title);
        Assert.StartsWith("The navy said on Monday it had plans", article.Text, StringComparison.Ordinal);
        Assert.Contains("A second paragraph follows.", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mexico Bristles at Reports of Possible Military Action", true)]
    [InlineData("Will the U.S. strike cartels in Mexico?", true)]
    [InlineData("President Ana Ruiz said on Friday that troops would stay.", false)]
    public void LooksLikeHeadline_Line_JudgesByLengthAndEnding(string line, bool expected)
    {
        Assert.Equal(expected, ArticleFileReader.LooksLikeHeadline(line));
    }

    private async Task<Alerts.Articles.Article> ReadAsync(string content)
    {
        var path = Path.Combine(folder, "a.txt");
        await File.WriteAllTextAsync(path, content);
        return await new ArticleFileReader(new HtmlArticleExtractor()).ReadAsync(path, DateTimeOffset.UnixEpoch, CancellationToken.None);
    }
}
