using Alerts.Evaluation;

namespace Alerts.Tests.Evaluation;

public sealed class GoldSetTests
{
    [Fact]
    public void Parse_GroupsAndKeys_ReadsKindsMembersAndKeysInOrder()
    {
        var gold = GoldSet.Parse("""
            {"about": "a test", "articles": {},
             "keys": {"Harbour Board": ["harbour board", "junta portuaria"], "Okafor": ["okafor"], "Harbour Board": ["board"]},
             "groups": [{"id": "1a", "kind": "optional", "speaker": "Okafor", "members": [{"a": "1", "text": "One."}, {"a": "2", "text": "Uno."}]},
                        {"id": "1b", "kind": "required", "speaker": "Harbour Board", "members": [{"a": "1", "text": "Two."}]}]}
            """, "test");

        Assert.Equal(["1a", "1b"], gold.Groups.Select(g => g.Id));
        Assert.Equal([GoldKind.Optional, GoldKind.Required], gold.Groups.Select(g => g.Kind));
        Assert.Equal(["One.", "Uno."], gold.Groups[0].Members);
        // A repeated key keeps its first place and takes its last value, as in Python.
        Assert.Equal(["Harbour Board", "Okafor"], gold.Keys.Select(k => k.Key));
        Assert.Equal(["board"], gold.Keys[0].Value);
    }

    [Theory]
    [InlineData("{ not json", "is malformed")]
    [InlineData("[]", "the file is Array, expected Object")]
    [InlineData("""{"keys": {}}""", "no \"groups\"")]
    [InlineData("""{"groups": [{"id": "1a", "kind": "required", "speaker": "Okafor", "members": []}]}""", "group '1a' needs \"members\"")]
    [InlineData("""{"groups": [{"id": "1a", "kind": "sometimes", "speaker": "Okafor", "members": [{"text": "x"}]}]}""", "kind 'sometimes'")]
    [InlineData("""{"groups": [{"id": "1a", "kind": "required", "members": [{"text": "x"}]}]}""", "group '1a' needs \"speaker\"")]
    [InlineData("""{"groups": [{"id": "1a", "kind": "required", "speaker": "Okafor", "members": [{"a": "1"}]}]}""", "group '1a' member 0 needs \"text\"")]
    [InlineData("""{"groups": [{"id": "1a", "kind": "optional", "speaker": "Okafor", "members": [{"text": "x"}]}]}""", "no required groups")]
    [InlineData("""{"keys": {"Okafor": "okafor"}, "groups": []}""", "the keys of 'Okafor' must be an array of strings")]
    public void Parse_MalformedGold_ThrowsNamingTheFileAndTheProblem(string json, string problem)
    {
        var e = Assert.Throws<ScoringInputException>(() => GoldSet.Parse(json, "my-gold.json"));

        Assert.Contains("Gold file 'my-gold.json' is malformed", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => GoldSet.Load("/no/such/gold.json"));

        Assert.Contains("/no/such/gold.json", e.Message, StringComparison.Ordinal);
    }
}
