using Alerts.Evaluation;

namespace Alerts.Tests.Evaluation;

public sealed class ScoreTextTests
{
    [Theory]
    [InlineData("Las tropas de EE.UU. y de EEUU", "las tropas de usa y de usa")]
    [InlineData("U.S. forces, U. S. ships and the US Navy", "usa forces usa ships and the usa navy")]
    [InlineData("USB sticks and U.S.A. flags", "usb sticks and u s a flags")]
    [InlineData("Señaló la Ministra Núñez: «¡Jamás!»", "senalo la ministra nunez jamas")]
    [InlineData("Itâ€™s a mojibake, the lone â quote", "it tms a mojibake the lone quote")]
    [InlineData("ＦＵＬＬ width and the ﬁnal", "full width and the final")]
    public void Words_FoldAbbreviationsAccentsCaseAndCompatibilityForms(string text, string words)
    {
        Assert.Equal(words, ScoreText.Joined(text));
    }

    [Fact]
    public void ContentWords_DropStopWordsInBothLanguagesAndSingleCharacters()
    {
        Assert.Equal(["harbour", "stays", "open", "puerto", "sigue", "abierto"],
            ScoreText.ContentWords("The harbour stays open, he said; el puerto sigue abierto, dijo a X"));
    }
}
