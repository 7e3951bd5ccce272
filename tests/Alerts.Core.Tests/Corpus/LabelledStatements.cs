namespace Alerts.Tests.Corpus;

/// <param name="Fragment">A distinctive piece of the statement's text (quotes and apostrophes compared loosely).</param>
/// <param name="Optional">A statement a careful reader might or might not list: finding it is neither a miss nor a
/// false find.</param>
/// <param name="TopicUnsure">Careful readers could judge the topic either way: not counted in topic accuracy.</param>
internal sealed record LabelledStatement(string File, string Speaker, string Fragment, bool OnTopic, bool Optional = false, bool TopicUnsure = false);

/// <summary>Every attributed statement a careful reader would list in the shared corpus, judged by hand.</summary>
internal static class LabelledStatements
{
    private const string Wire = "000_87a5058ceff5cf99.txt";
    private const string Damaged = "001_b715ec96f83f7d48.txt";
    private const string Web = "002_098bfa4e5a57d234.txt";
    private const string Translated = "003_0bd6385a913c45ba.txt";

    public const string SamplePrefix = "samples/";
    private const string Navy = SamplePrefix + "en_navy.txt";
    private const string Quotes = SamplePrefix + "en_quotes.txt";
    private const string OffTopic = SamplePrefix + "en_offtopic.txt";
    private const string Sovereignty = SamplePrefix + "es_soberania.txt";
    private const string Border = SamplePrefix + "es_frontera.txt";
    private const string Strikes = SamplePrefix + "en_strikes.txt";
    private const string Colony = SamplePrefix + "es_colonia.txt";
    private const string AirForce = SamplePrefix + "en_airforce.txt";
    private const string Dialogue = SamplePrefix + "es_dialogo.txt";
    private const string Damaged2 = SamplePrefix + "es_danado.txt";

    public static IReadOnlyList<string> CorpusFiles { get; } = [Wire, Damaged, Web, Translated];

    public static IReadOnlyList<string> SampleFiles { get; } = [Navy, Quotes, OffTopic, Sovereignty, Border, Strikes, Colony, AirForce, Dialogue, Damaged2];

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
        new(Wire, "Donald Trump", "offered to send U.S. troops to Mexico", true),
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
        new(Damaged, "Marco Rubio", "weaponry that looks like what terrorists", true),
        new(Damaged, "Marco Rubio", "gives us legal authorities to target them", true),
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
        new(Translated, "Marco Rubio", "no longer a law enforcement issue; it", true),
        new(Translated, "Claudia Sheinbaum", "no U.S. military invasion of Mexico", true),
        new(Translated, "Claudia Sheinbaum", "will not send troops to Mexico", true),

        // Our own articles: other people, outlets and events.
        new(Navy, "Raymundo Morales", "his forces would not allow foreign troops", true),
        new(Navy, "Raymundo Morales", "Our sovereignty is not up for negotiation. We will defend every kilometer", true),
        new(Navy, "Pete Hegseth", "drone strikes against cartel laboratories remain an option", true),
        new(Navy, "Rodrigo Salazar", "set the whole region on fire", true),
        new(Navy, "A U.S. official", "planning for special forces raids", true),
        new(Navy, "A U.S. official", "This is not a decision that has been made. The president has not been briefed", true),
        new(Navy, "Pentagon", "does not comment on future military operations", true),
        new(Navy, "Washington Post", "special forces teams had been briefed", true),
        new(Navy, "Pete Hegseth", "whether Mexico's army could defeat the cartels alone", true),
        new(Navy, "Pete Hegseth", "the most dangerous armed groups in the hemisphere", true),
        new(Navy, "Pete Hegseth", "trade was not his department", false),

        // U.S. troops on their own side of the border, and compliments inside on-topic remarks, are borderline under
        // the devset's labelling rules (../shared/devset/README.md, "Kinds", optional): not counted either way.
        new(Quotes, "Greg Abbott", "deploy more National Guard troops to the border", true, TopicUnsure: true),
        new(Quotes, "Greg Abbott", "If Washington will not act, Texas will. We are sending soldiers", true, TopicUnsure: true),
        new(Quotes, "Ruben Gallego", "a reckless act of war", true),
        new(Quotes, "Ruben Gallego", "We need Mexico as a partner, not as a target", true),
        new(Quotes, "Vanda Felbab-Brown", "Military strikes on cartel leaders have been tried before", true),
        new(Quotes, "Vanda Felbab-Brown", "They fragment the groups", true),
        new(Quotes, "Juan Ramón de la Fuente", "answer any incursion through diplomatic channels", true),
        new(Quotes, "Esteban Moctezuma", "asked for a written guarantee", true),
        new(Quotes, "International Crisis Group", "armed clashes in Sinaloa doubled", false),

        new(OffTopic, "Jamieson Greer", "tariffs on Mexican steel", false),
        new(OffTopic, "Jamieson Greer", "a fair deal for American workers", false),
        new(OffTopic, "Marcelo Ebrard", "file a complaint under the trade agreement", false),
        new(OffTopic, "Pam Bondi", "extradition of three cartel leaders", false),
        new(OffTopic, "Marco Rubio", "Venezuela's election was stolen", false),
        new(OffTopic, "Marco Rubio", "prepared to use military force against cartels inside Mexico", true),

        // The headline states an attributed position of its own (the devset's rule: headlines count).
        new(Sovereignty, "Claudia Sheinbaum", "rechaza cualquier intervención militar de Estados Unidos", true),
        new(Sovereignty, "Claudia Sheinbaum", "no aceptará la presencia de tropas estadounidenses", true),
        new(Sovereignty, "Claudia Sheinbaum", "Con la soberanía no se negocia. Cooperamos, pero no nos subordinamos", true),
        new(Sovereignty, "Marco Rubio", "no descarta ninguna opción", true),
        new(Sovereignty, "Juan Ramón de la Fuente", "envió una nota diplomática", true),
        new(Sovereignty, "un funcionario estadounidense", "el Pentágono ha preparado planes", true),
        new(Sovereignty, "Raúl Benítez", "sería un error histórico", true),
        new(Sovereignty, "Claudia Sheinbaum", "el acuerdo comercial con Washington sigue vigente", false),
        new(Sovereignty, "Claudia Sheinbaum", "las fuerzas armadas mexicanas tienen la capacidad", true),

        new(Border, "Departamento de Defensa de Estados Unidos", "militares estadounidenses fueron desplegados", true),
        new(Border, "Sean Parnell", "Nuestra misión es apoyar a la Patrulla Fronteriza", true),
        new(Border, "Ricardo Trevilla Trejo", "el Ejército mantiene coordinación", true),
        new(Border, "Ricardo Trevilla Trejo", "No hay ni habrá operaciones conjuntas", true),
        new(Border, "Ricardo Trevilla Trejo", "cualquier ataque con drones sin autorización", true),
        new(Border, "Ernestina Godoy", "extraditó a 26 presuntos narcotraficantes", false),
        new(Border, "Rick Scott", "Venezuela debe celebrar elecciones libres", false),
        new(Border, "Karoline Leavitt", "Los cárteles son organizaciones terroristas y los trataremos", true),
        new(Border, "El Universal", "ha detectado vuelos de drones estadounidenses", true),

        new(Strikes, "Lindsey Graham", "ready to strike fentanyl labs in Mexico", true),
        new(Strikes, "Lindsey Graham", "We are not going to sit back while Americans die", true),
        new(Strikes, "Lindsey Graham", "the Navy could play a role", true),
        new(Strikes, "Donald Trump", "run by the cartels", true),
        new(Strikes, "Claudia Sheinbaum", "Mexico is a free, independent and sovereign country. We do not accept interference", true),
        new(Strikes, "Claudia Sheinbaum", "dismissed the comments", true, Optional: true),
        // General security cooperation without a military angle is borderline under the devset's rules (optional).
        new(Strikes, "Ronald Johnson", "cooperation had never been closer", false, TopicUnsure: true),
        new(Strikes, "a senior administration official", "There is no plan to send troops", true),
        new(Strikes, "Karoline Leavitt", "has been clear", true),
        new(Strikes, "Experts", "strikes could backfire", true),
        new(Strikes, "David Mora", "You kill one leader and three more appear", true),

        new(Colony, "Claudia Sheinbaum", "México no es colonia de nadie", true),
        new(Colony, "Claudia Sheinbaum", "no aceptamos la intervención", true),
        new(Colony, "Claudia Sheinbaum", "relación de cooperación con Washington", true, Optional: true),
        new(Colony, "Omar García Harfuch", "México puede actuar solo", true),
        new(Colony, "Omar García Harfuch", "No necesitamos tropas extranjeras. Tenemos la capacidad", true),
        new(Colony, "Tom Cotton", "deben estar listas", true),
        new(Colony, "fuentes del Pentágono", "drones armados", true),
        new(Colony, "Arturo Sarukhan", "envenena la relación bilateral", true, TopicUnsure: true),
        new(Colony, "cancillería mexicana", "envió una nota diplomática a la embajada", true, TopicUnsure: true),

        new(AirForce, "Donald Trump", "military options against Mexican cartels were", true),
        new(AirForce, "Donald Trump", "We're looking at everything. They're killing our people", true),
        new(AirForce, "A spokesperson for Mexico's Defense Ministry", "had not been notified of any U.S. operation", true),
        new(AirForce, "Donald Trump", "great respect", false, TopicUnsure: true),
        new(AirForce, "Officials at the Department of Homeland Security", "border crossings fell sharply", false),
        new(AirForce, "A spokesperson for Mexico's Defense Ministry", "no request for U.S. troops on Mexican soil", true),
        new(AirForce, "Tim Kaine", "the legal basis for strikes", true),
        new(AirForce, "Tim Kaine", "Congress has not authorized a war in Mexico", true),

        new(Dialogue, "Ejército mexicano", "descarta operaciones conjuntas con Estados Unidos", true), // the headline
        new(Dialogue, "secretario de la Defensa Nacional", "no participarán en operaciones militares", true),
        new(Dialogue, "secretario de la Defensa Nacional", "No habrá soldados estadounidenses en nuestro territorio. Eso está descartado", true),
        new(Dialogue, "Pentágono", "los vuelos de vigilancia sobre la frontera continuarán", true),
        new(Dialogue, "Lilly Téllez", "debe aceptar la ayuda de Washington contra los cárteles", true),
        new(Dialogue, "Lilly Téllez", "Los cárteles son el verdadero enemigo. No Estados Unidos", true),
        new(Dialogue, "Carlos Pérez Ricart", "es una forma de presión política", true),

        // Spanish and English, damaged the way a scraper damages text (UTF-8 read as Windows-1252).
        new(Damaged2, "Juan Ramón de la Fuente", "México no aceptará ninguna acción militar unilateral", true),
        new(Damaged2, "Marco Rubio", "comparten el objetivo de derrotar a los cárteles", true, TopicUnsure: true),
        new(Damaged2, "Secretaría de Marina", "sus buques patrullan el Golfo de México", true),
        new(Damaged2, "Ortiz", "the drones had been seen near Nogales", true),
        new(Damaged2, "Ortiz", "They fly every night", true),
        new(Damaged2, "Ricardo Trevilla", "troops were on alert", true),
        new(Damaged2, "Ricardo Trevilla", "no U.S. soldier would be allowed in", true),
    ];
}
