namespace Alerts.Analysis;

public sealed partial class TopicProfile
{
    /// <summary>U.S. military force against cartels in Mexico, and Mexico's answers to it.</summary>
    public static TopicProfile UsMexicoMilitaryAction { get; } = new()
    {
        Name = "U.S.–Mexico military action",
        Actions =
        [
            "military|1", "militarily|1", "troops|1", "soldiers|0.9", "armed forces|1", "special forces|1", "special op*|1",
            "marines|0.8", "navy|0.8", "army|0.6", "armies|0.6", "airstrike*|1", "strikes|0.6", "strike on|0.6", "raid*|0.8",
            "drone*|0.8", "missile*|0.8", "bomb*|0.8", "invasion|1", "invade*|1", "intervention*|0.8", "intervene*|0.8",
            "interventionis*|0.8", "offensive|0.7", "war|0.6", "act of war|1", "pentagon|0.7", "department of defense|0.7",
            "defense department|0.7", "defense secretary|0.6", "secretary of defense|0.6", "war department|0.7",
            "use of force|1", "force|0.4", "forces|0.5", "operations|0.3", "sovereignty|0.8", "off the table|0.3",
            "terrorist organization*|0.5", "terrorist designation*|0.6", "terrorist group*|0.5", "terror group*|0.5",
            "designat*|0.3", "terrorists|0.4", "unilateral*|0.5", "national security|0.3", "target*|0.2", "weaponry|0.4",
            "take out|0.5", "eliminate|0.4", "eradicate|0.5", "go in|0.4", "clean it out|0.4", "defend ourselves|0.5",
            "subordination|0.6", "take action|0.4", "aumf|1", "combat*|0.5", "operation|0.3",
            "militar*|1", "tropas|1", "soldados|0.9", "ejército|0.8", "fuerzas armadas|1", "fuerzas especiales|1",
            "marina|0.6", "armada|0.6", "invasión|1", "invadir|1", "invada*|1", "intervención|0.8", "intervenciones|0.8",
            "intervenir|0.8", "interven*|0.8", "intervencionis*|0.8", "injerencis*|0.6", "soberanía|0.8",
            "ataque*|0.6", "atacar*|0.6", "bombarde*|0.8", "dron*|0.8", "uso de la fuerza|1", "pentágono|0.7",
            "organizaciones terroristas|0.5", "grupos terroristas|0.5", "terroristas|0.4", "guerra|0.6",
            "incursion*|0.8", "incursión|0.8", "operaciones|0.3", "fuerza militar|1", "acción militar|1",
            "acción unilateral|0.6", "secretario de defensa|0.6", "secretario de guerra|0.6", "departamento de guerra|0.7",
            "erradicar*|0.5", "defendernos|0.5", "tenemos que defender|0.5", "subordinación|0.6", "acciones|0.3", "combatir|0.5", "combate|0.5", "operativo|0.3",
            "despleg*|0.4", "deploy*|0.4", "national guard|0.4", "guardia nacional|0.3", "drug lab*|0.3",
            "strike|0.6", "attack|0.5", "attacks|0.5", "sovereign|0.6", "soberano|0.6", "soberana|0.6",
            "interference|0.5", "injerencia*|0.5", "protectorate|0.8", "protectorado|0.8", "act alone|0.5",
            "actuar solo|0.5", "actuar sola|0.5", "intervencion|0.8",
        ],
        Actors =
        [
            "cartel*|0.6", "cártel*|0.6", "drug gang*|0.5", "gangs|0.3", "drug lord*|0.4", "druglord*|0.4",
            "drug traffick*|0.3", "narco*|0.5", "cjng|0.5", "jalisco new generation|0.5",
            "criminal groups|0.3", "crimen organizado|0.4", "fentanyl|0.2", "fentanilo|0.2",
        ],
        Places =
        [
            "mexico|0.5", "méxico|0.5", "mexican*|0.4", "mexicano*|0.4", "mexicana*|0.4", "mexican soil|0.6",
            "mexican territory|0.6", "territorio mexicano|0.6", "suelo mexicano|0.6", "territorio nacional|0.5",
            "nuestro territorio|0.5", "our territory|0.5", "u.s.-mexico|0.5", "us-mexico|0.5", "south of the border|0.5",
            "southern border|0.4", "sinaloa|0.4", "jalisco|0.3", "michoacán|0.3", "michoacan|0.3", "tamaulipas|0.3",
            "chihuahua|0.3", "sonora|0.3", "baja california|0.3", "nuevo león|0.3", "guanajuato|0.3", "zacatecas|0.3",
            "culiacán|0.3", "culiacan|0.3", "tijuana|0.3", "ciudad juárez|0.3", "mexico city|0.3",
        ],
        // Who acts from outside, or words that only make sense of an outside actor (intervention, sovereignty).
        Agents =
        [
            "u.s.", "u.s", "united states", "america", "american*", "washington", "white house", "pentagon", "trump",
            "biden", "foreign", "interven*", "invasion", "invade*", "sovereignty", "subordination", "unilateral*",
            "estados unidos", "estadounidense*", "eeuu", "ee.uu.", "eu", "casa blanca", "pentágono", "extranjer*",
            "externa", "invasión", "invadir", "injerencia*", "injerencis*", "soberanía", "subordinación",
            "intervencion*", "intervención",
        ],
        // Where the action is somewhere else: other countries' waters and soil, and U.S. cities.
        Elsewhere =
        [
            "venezuela*", "venezolan*", "caracas", "maduro", "chavismo", "tren de aragua", "cartel de los soles",
            "ecuador*", "ecuatorian*", "colombia*", "petro", "caribbean", "caribe", "honduras", "guatemala", "haiti",
            "cuba", "panama", "panamá", "nicaragua", "iran", "gaza", "ukraine", "ucrania",
            "chicago", "portland", "los angeles", "los ángeles", "memphis", "new orleans", "u.s. cities",
            "american cities", "our cities", "ciudades estadounidenses", "ciudades de estados unidos",
        ],
        Exclusions =
        [
            "trade", "commerce", "agreement", "tariff*", "arancel*", "extradit*", "extradición", "extraditad*", "prosecut*", "prisoners",
            "election*", "elección", "reward", "recompensa", "immigra*", "migra*", "migrant*", "inmigra*", "deport*",
            "comercial", "comercio", "exports", "imports", "exportacion*", "importacion*", "exportaciones",
            "importaciones", "t-mec", "usmca", "steel", "acero", "percent", "por ciento", "gun*", "firearm*",
            "armas de fuego", "tráfico de armas", "overdose*", "sobredosis", "impeach*", "juicio político",
            "justice department", "department of justice", "departamento de justicia", "indict*", "soborno*", "bribe*",
            "bribery", "number of", "número de", "currency", "the peso", "tipo de cambio", "inflation", "inflación",
            "stock market*", "bolsa de valores",
        ],
    };
}
