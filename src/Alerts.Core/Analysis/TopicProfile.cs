namespace Alerts.Analysis;

/// <summary>What a watched topic looks like in words. Each term is a word or phrase, optionally ending in "*" to match
/// any ending ("raid*"), optionally followed by "|weight" (0–1; the list's default otherwise). Matching ignores case.</summary>
/// <remarks>Actions are what must happen for a statement to count (military force, invasion); actors and places say
/// where and against whom; exclusions mark subjects that stay off-topic on their own (trade, extradition).</remarks>
public sealed class TopicProfile
{
    public string Name { get; set; } = "";
    public IReadOnlyList<string> Actions { get; set; } = [];
    public IReadOnlyList<string> Actors { get; set; } = [];
    public IReadOnlyList<string> Places { get; set; } = [];
    public IReadOnlyList<string> Exclusions { get; set; } = [];

    /// <summary>This profile with every list it leaves empty taken from <paramref name="defaults"/>: a setting such as
    /// Analysis__Topic__Exclusions__0 replaces the default exclusions and keeps the default actions, actors and places.</summary>
    public TopicProfile WithDefaults(TopicProfile defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new TopicProfile
        {
            Name = string.IsNullOrWhiteSpace(Name) ? defaults.Name : Name,
            Actions = Actions.Count > 0 ? Actions : defaults.Actions,
            Actors = Actors.Count > 0 ? Actors : defaults.Actors,
            Places = Places.Count > 0 ? Places : defaults.Places,
            Exclusions = Exclusions.Count > 0 ? Exclusions : defaults.Exclusions,
        };
    }

    /// <summary>U.S. military force against cartels in or near Mexico, and Mexico's answers to it.</summary>
    public static TopicProfile UsMexicoMilitaryAction { get; } = new()
    {
        Name = "U.S.–Mexico military action",
        Actions =
        [
            "military|1", "militarily|1", "troops|1", "soldiers|0.9", "armed forces|1", "special forces|1", "marines|0.8",
            "navy|0.8", "army|0.6", "armies|0.6", "airstrike*|1", "strikes|0.6", "strike on|0.6", "raid*|0.8", "drone*|0.8",
            "missile*|0.8", "bomb*|0.8", "invasion|1", "invade*|1", "intervention|0.8", "intervene|0.8", "offensive|0.7",
            "war|0.6", "act of war|1", "pentagon|0.7", "department of defense|0.7", "defense department|0.7",
            "use of force|1", "force|0.4", "operations|0.3", "sovereignty|0.8", "off the table|0.3",
            "terrorist organization*|0.5", "terrorist designation*|0.6", "terrorist group*|0.5", "designat*|0.3",
            "terrorists|0.4", "unilateral*|0.5", "national security|0.3", "target*|0.2", "weaponry|0.4",
            "militar*|1", "tropas|1", "soldados|0.9", "ejército|0.8", "fuerzas armadas|1", "fuerzas especiales|1",
            "marina|0.6", "armada|0.6", "invasión|1", "invadir|1", "intervención|0.8", "intervenir|0.8", "soberanía|0.8",
            "ataque*|0.6", "bombarde*|0.8", "dron*|0.8", "uso de la fuerza|1", "pentágono|0.7",
            "organizaciones terroristas|0.5", "terroristas|0.4", "guerra|0.6", "incursion*|0.8", "incursión|0.8",
            "incursiones|0.8", "operaciones|0.3", "fuerza militar|1", "acción militar|1", "acción unilateral|0.6",
            "despleg*|0.4", "deploy*|0.4", "national guard|0.4", "guardia nacional|0.3", "drug lab*|0.3",
            "strike|0.6", "attack|0.5", "attacks|0.5", "atacar|0.6", "sovereign|0.6", "soberano|0.6", "soberana|0.6",
            "interference|0.5", "injerencia|0.5", "protectorate|0.8", "protectorado|0.8", "act alone|0.5",
            "actuar solo|0.5", "actuar sola|0.5", "intervencion|0.8",
        ],
        Actors =
        [
            "cartel*|0.6", "cártel*|0.6", "drug gang*|0.5", "gangs|0.3", "drug lord*|0.4", "druglord*|0.4",
            "drug traffick*|0.3", "narco*|0.5", "sinaloa|0.4", "cjng|0.5", "jalisco new generation|0.5",
            "criminal groups|0.3", "crimen organizado|0.4", "fentanyl|0.2", "fentanilo|0.2",
        ],
        Places =
        [
            "mexico|0.5", "méxico|0.5", "mexican*|0.4", "mexicano*|0.4", "mexicana*|0.4", "mexican soil|0.6",
            "mexican territory|0.6", "on foreign soil|0.4", "territorio mexicano|0.6", "suelo mexicano|0.6",
            "u.s.-mexico|0.5", "border|0.3", "frontera|0.3", "latin america|0.2", "estados unidos|0.3",
            "at sea|0.3",
        ],
        Exclusions =
        [
            "trade", "tariff*", "arancel*", "extradit*", "extradición", "venezuela*", "maduro", "election*", "elección",
            "reward", "recompensa", "immigration", "migración", "comercial", "comercio", "exportacion*", "importacion*",
            "export*", "import*", "t-mec", "usmca", "steel", "acero",
        ],
    };
}
