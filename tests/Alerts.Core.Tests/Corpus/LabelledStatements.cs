namespace Alerts.Tests.Corpus;

/// <param name="Fragment">A distinctive piece of the statement's text (quotes and apostrophes compared loosely).</param>
/// <param name="Optional">A statement a careful reader might or might not list: finding it is neither a miss nor a
/// false find.</param>
internal sealed record LabelledStatement(string File, string Speaker, string Fragment, bool OnTopic, bool Optional = false);

/// <summary>Every attributed statement a careful reader would list in the shared corpus, judged by hand.</summary>
internal static class LabelledStatements
{
    private const string Wire = "000_87a5058ceff5cf99.txt";
    private const string Damaged = "001_b715ec96f83f7d48.txt";
    private const string Web = "002_098bfa4e5a57d234.txt";
    private const string Translated = "003_0bd6385a913c45ba.txt";

    public static IReadOnlyList<string> Files { get; } = [Wire, Damaged, Web, Translated];

    public static IReadOnlyList<LabelledStatement> All { get; } =
    [
        new(Wire, "U.S. officials", "can use the military to go after Latin American drug gangs", true),
        new(Wire, "Marco Rubio", "could now use the military to go after cartels", true),
        new(Wire, "Marco Rubio", "to target these groups if we have an opportunity", true),
        new(Wire, "Marco Rubio", "armed terrorist organizations, not simply drug dealing", true),
        new(Wire, "New York Times", "secretly signed a directive to begin using military force", true),
        new(Wire, "A U.S. official", "did not appear imminent", true),
        new(Wire, "A second U.S. official", "give the U.S. Navy the authority", true),
        new(Wire, "Claudia Sheinbaum", "would not be entering Mexican territory", true),
        new(Wire, "Claudia Sheinbaum", "nothing to do with the U.S. military operating on Mexican soil", true),
        new(Wire, "Brian Finucane", "hard to square with domestic or international law", true),
        new(Wire, "Brian Finucane", "almost certainly be unlawful", true),
        new(Wire, "Claudia Sheinbaum", "she had refused", true, Optional: true),
        new(Wire, "Donald Trump", "would take unilateral military action", true),
        new(Wire, "Claudia Sheinbaum", "a violation of Mexico's sovereignty", true),
        new(Wire, "Mark Esper", "shoot missiles into Mexico", true),
        new(Wire, "Mark Esper", "illegal and an act of war", true),
        new(Wire, "Claudia Sheinbaum", "Maduro was linked to the Sinaloa Cartel", false),

        new(Damaged, "Marco Rubio", "opens the door to actions that would not otherwise be legal", true),
        new(Damaged, "Claudia Sheinbaum", "Any cooperation with American troops on Mexican soil", true),
        new(Damaged, "ABC News", "no imminent use of military assets", true),
        new(Damaged, "Marco Rubio", "legal framework for such action already exists", true),
        new(Damaged, "Marco Rubio", "treat these guys as local street gangs", true),
        new(Damaged, "Marco Rubio", "target the cartels and their operations", true),
        new(Damaged, "Marco Rubio", "no longer a law enforcement issue", true),
        new(Damaged, "Claudia Sheinbaum", "we cooperate, we collaborate, but there will be no invasion", true),
        new(Damaged, "One security analyst", "could devastate relations", true),
        new(Damaged, "Cecilia Farfán-Méndez", "It's not a welcome development", true),
        new(Damaged, "Cecilia Farfán-Méndez", "misdiagnosis of these illicit markets", true),
        new(Damaged, "White House", "classified as terrorist groups", true),
        new(Damaged, "Anna Kelly", "top priority is protecting the homeland", true),

        new(Web, "New York Times", "signed a new directive to the Pentagon", true),
        new(Web, "New York Times", "Cartel de los Soles", false),
        new(Web, "Claudia Sheinbaum", "US military personnel on Mexican soil", true),
        new(Web, "New York Times", "direct military operations at sea", true),
        new(Web, "Anna Kelly", "top priority is protecting the homeland", true),
        new(Web, "Donald Trump", "That would be breaking news", true),
        new(Web, "Claudia Sheinbaum", "U.S. military personnel on Mexican soil", true),

        new(Translated, "New York Times", "begin using military force against cartels", true),
        new(Translated, "Wall Street Journal", "prepare and present him with operational options", true),
        new(Translated, "Anna Kelly", "absolute priority", true),
        new(Translated, "Donald Trump", "serious threat", true),
        new(Translated, "Marco Rubio", "target their operations using intelligence and military force", true),
        new(Translated, "Marco Rubio", "armed terrorist organizations, not just drug traffickers", true),
        new(Translated, "Claudia Sheinbaum", "no U.S. military invasion of Mexico", true),
        new(Translated, "Claudia Sheinbaum", "will not send troops to Mexico", true),
    ];
}
