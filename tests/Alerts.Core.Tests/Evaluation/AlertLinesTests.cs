using Alerts.Evaluation;

namespace Alerts.Tests.Evaluation;

public sealed class AlertLinesTests
{
    [Fact]
    public void Parse_Lines_TakeTextThenStatementThenQuoteAndJoinSpeakerObjects()
    {
        var alerts = AlertLines.Parse(
            "{\"speaker\": \"Okafor\", \"text\": \"One.\"}\r\n\n  \n" +
            "{\"speaker\": {\"name\": \"Grace Okafor\", \"role\": null, \"title\": \"Minister\"}, \"text\": \"\", \"statement\": \"Two.\"}\r" +
            "{\"quote\": \"Three.\", \"speaker\": null}\n",
            "test");

        Assert.Equal([new("Okafor", "One."), new("Grace Okafor Minister", "Two."), new("", "Three.")], alerts);
    }

    [Fact]
    public void Parse_BrokenLine_ThrowsNamingTheFileAndLine()
    {
        var e = Assert.Throws<ScoringInputException>(() => AlertLines.Parse("{\"speaker\": \"Okafor\", \"text\": \"One.\"}\n{ broken", "alerts.jsonl"));

        Assert.Contains("Alerts file 'alerts.jsonl' line 2 is malformed", e.Message, StringComparison.Ordinal);
    }
}
