using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Novelty;

/// <summary>
/// Reduces English or Spanish text to language-neutral concepts without a model: accent folding, stop words,
/// light stemming, and a small bilingual lexicon for the watched domain that maps Spanish words and English synonyms
/// to one English concept. A general embedding model was tried and rejected: it scored a different claim on the
/// same topic above true rewordings and stumbled on accents.
/// </summary>
public static partial class ConceptLexicon
{
    // Concepts every statement on the watched beat shares: they say little about which claim it is.
    private static readonly FrozenSet<string> Topic = FrozenSet.Create(StringComparer.Ordinal,
        "united_states", "mexico", "military", "cartel", "terrorist", "trump", "drug");

    // Generic words: kept, but weigh less than the words that make a claim.
    private static readonly FrozenSet<string> Weak = FrozenSet.Create(StringComparer.Ordinal,
        "use", "make", "go", "take", "give", "get", "want", "need", "start", "continue", "now", "way", "thing", "time",
        "people", "country", "absolute", "government", "president", "organization", "issue", "new", "several", "highlight",
        "begin", "keep", "come", "know", "see", "think", "clear", "really", "again", "today", "week", "day", "possibility",
        "happen", "act", "case", "public", "always", "part",
        // The same in Spanish, where the lexicon has no entry to carry them to the English word.
        "siempre", "ahora", "hoy", "dia", "semana", "caso", "gente", "pais", "tiempo", "forma", "publico", "publica",
        "publicamente", "claro", "clara", "parte", "nuevo", "nueva", "varios", "querer", "necesitar", "seguir", "continuar",
        "saber", "ver", "pensar", "creer", "realmente", "cosa", "momento");

    private const double TopicWeight = 0.15;
    private const double WeakWeight = 0.3;

    // A word outside the lexicon is kept as its stem ("always" as "alway"), so the weak words are looked up that way too.
    private static readonly FrozenSet<string> WeakStems;

    public static double Weight(string concept)
        => Topic.Contains(concept) ? TopicWeight : Weak.Contains(concept) || WeakStems.Contains(concept) ? WeakWeight : 1;

    private static readonly FrozenSet<string> Negations = FrozenSet.Create(StringComparer.Ordinal,
        "not", "no", "never", "nothing", "none", "nor", "neither", "without", "cannot", "nobody", "nowhere",
        "nunca", "nada", "ni", "ninguno", "ninguna", "ningun", "jamas", "tampoco", "nadie");

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal, (
        // English
        "a an the and or of to in on at by for with from as is are was were be been being it its this that these those " +
        "they them their theirs there here we us our ours you your he him his she her hers i me my mine will would could " +
        "should can may might must shall do does did done doing have has had having just simply also then so such what " +
        "which who whom whose when where why how very even still already any all some each other another than too only " +
        "about into over under more most much many if because while although though whatever one ones s t ll re ve d m against " +
        "said says say saying told tells tell stated states stressed added noted according like said going let lets " +
        "out up down off own same both again further once ever whether either am being upon within per via mr ms mrs dr ca wo " +
        // Spanish
        "el la los las lo un una unos unas y e o u de del al a en por para con que es son fue fueron ser estar esta este " +
        "estos estas esto eso esa ese esos esas aquel le les se su sus nos nosotros nosotras ellos ellas el ella yo tu " +
        "mi mis como mas muy ya tambien hay ha han he hemos habra va van sera seran sobre entre hasta desde cuando donde " +
        "porque si contra nuestro nuestra nuestros nuestras todo todos toda todas otro otra otros otras cualquier dijo dice dicen afirmo senalo declaro aseguro " +
        "subrayo explico indico agrego sr sra asi solo aun esta estan estamos tiene tienen tenemos hacer hace haber " +
        // Interjections and fillers of spoken answers: "Yes, and I will…", "Digamos que…", "Bueno, …"
        "yes yeah well look okay oh sure bueno pues digamos claro vez manera vamos voy mucho menos less dicho dicha decir quiere " +
        // Conjunctions and auxiliaries that the clause split leaves inside a claim: "…But the operation", "ha sido", "lo hayan".
        "but yet pero sino sido haya hayan habia across primero segundo").Split(' '));

    // A refusal is said either way: "rejected", "no aceptamos", "will not allow", "no estamos de acuerdo".
    private const int RefusalReach = 4;
    private static readonly FrozenSet<string> Emphatic = FrozenSet.Create(StringComparer.Ordinal,
        "ningun", "ninguna", "ninguno", "nunca", "ni", "tampoco", "jamas", "never", "nor", "neither", "nada", "nothing");
    private static readonly FrozenSet<string> Assent = FrozenSet.Create(StringComparer.Ordinal, "accept", "allow", "agree");

    // Number words as digits, so that "six", "seis" and "6" are one number.
    private static readonly FrozenDictionary<string, string> NumberWords = (
        "two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 twenty=20 thirty=30 " +
        "fifty=50 hundred=100 thousand=1000 million=1000000 billion=1000000000 twice=2 dos=2 tres=3 cuatro=4 cinco=5 " +
        "seis=6 siete=7 ocho=8 nueve=9 diez=10 doce=12 veinte=20 treinta=30 cincuenta=50 cien=100 mil=1000 " +
        "millon=1000000 millones=1000000")
        .Split(' ').Select(pair => pair.Split('=')).ToFrozenDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    // concept: words and phrases (English synonyms, Spanish equivalents), accents folded.
    private const string Entries = """
        united_states: usa, united states, america, american, americans, washington, estados unidos, eeuu, estadounidense, estadounidenses, norteamericano, norteamericanos, norteamericana
        mexico: mexico, mexican, mexicans, mexicano, mexicana, mexicanos, mexicanas
        military: military, militar, militares, pentagon, pentagono, department of defense, departamento de defensa, defense department, army, ejercito, militarily, military force, fuerza militar
        troops+military: troops, troop, soldiers, soldier, forces, force, personnel, tropas, soldados, efectivos, elementos militares, boots on the ground, members of the, military personnel, military members, armed forces, fuerzas armadas, fuerzas militares, military forces, special forces, special operations, special ops, fuerzas especiales, operaciones especiales, marines, army, ejercito, us army
        strike: strike, strikes, attack, attacks, attacking, bomb, bombing, bombings, airstrike, airstrikes, ataque, ataques, atacar, bombardeo, bombardeos, bombardear
        invasion+military: invasion, invade, invades, invading, invaded, invadir, invasiones, invadan, invadira, invada, invadiran
        sovereignty: sovereignty, sovereign, soberania, soberano, soberana
        cartel: cartel, cartels, carteles, narco, narcos, crime groups, criminal groups, grupos criminales, crimen organizado, organized crime
        gang: gang, gangs, street gangs, pandilla, pandillas, bandas
        terrorist: terrorist, terrorists, terrorism, terror, terrorista, terroristas, terrorismo
        organization: organization, organizations, organisation, organisations, group, groups, organizacion, organizaciones, grupo, grupos
        designate: designate, designates, designated, designating, designation, designations, label, labels, labeled, labelled, labeling, labelling, classify, classified, classifying, designar, designacion, designo, designados, denominar, denominacion, denomino, clasificar, clasifico, catalogar, catalogo
        traffick: trafficker, traffickers, trafficking, drug dealing, drug dealers, drug dealer, dealers, narcotrafico, narcotraficantes, narcotraficante, traficantes, trafico de drogas
        drug: drug, drugs, droga, drogas, narcotics, narcoticos, fentanyl, fentanilo
        deploy: send, sends, sending, sent, mandar, mandara, deploy, deploys, deploying, deployed, deployment, enter, enters, entering, entered, station, stationed, enviar, enviara, enviaran, envio, desplegar, despliegue, entrar, entraran, ingresar, operate on, operating on
        territory: territory, territories, soil, land, territorio, territorios, suelo, tierra, national territory, territorio nacional, nuestro territorio, our territory, on land, en tierra, on the ground, ground, terrestre, terrestres, inside mexico, within mexico, dentro de mexico, en mexico, in mexico, into mexico, a mexico, to mexico
        homeland: homeland, patria
        protect: protect, protects, protecting, protection, protected, defend, defending, proteger, proteccion, protege, defender
        priority: priority, priorities, prioridad, prioridades
        cooperate: cooperate, cooperates, cooperating, cooperation, collaborate, collaborates, collaborating, collaboration, work together, cooperar, cooperacion, cooperamos, colaborar, colaboracion, colaboramos, coordinacion, coordination
        rule_out: off the table, ruled out, rule out, rules out, out of the question, descartado, descartada, descartar, descarto, fuera de la mesa, fuera de discusion
        absolute: absolutely, absolute, absolutamente, absoluta, absoluto, totally, completely, totalmente, completamente, top
        target: target, targets, targeting, targeted, go after, going after, pursue, perseguir, atacar objetivos, objetivo, objetivos
        law_enforcement: law enforcement, policing, police, policia, aplicacion de la ley
        national_security: national security, seguridad nacional
        issue: issue, issues, problem, problems, matter, asunto, problema, tema, cuestion
        treat: treat, treats, treating, treated, tratar, tratarlos, trato, tratamos
        armed: armed, armado, armados, armada, armadas
        government: government, administration, gobierno, administracion
        president: president, presidente, presidenta
        trump: trump
        intelligence: intelligence, inteligencia, espionage, surveillance, vigilancia, information, info, informacion
        agency: agency, agencies, agencia, agencias
        allow: allow, allows, allowed, permit, permits, enable, enables, permite, permitir, permiten, permitira, permitiremos, permitimos, permita, authorize, authorizes, authorizing, authorization, autoriza, autorizar, autorizacion
        operation: operation, operations, operate, operates, operating, operar, operacion, operaciones, operativo, operativos
        violation: violation, violations, violate, violates, breach, violacion, violar, viola, violan, violo
        illegal: illegal, unlawful, illegality, ilegal, ilegalidad, ilegales
        legal: legal, lawful, legally, legalmente, legales
        law: law, laws, ley, leyes
        war: war, wars, guerra, guerras, at war, en guerra, declare war, declarar la guerra
        threat: threat, threats, threaten, amenaza, amenazas, amenazar
        border: border, borders, frontera, fronteras, fronterizo
        agree: agree, agrees, agreed, de acuerdo, concordar, concuerda
        refuse: refuse, refused, refuses, refusal, reject, rejected, rejects, rejection, rechazar, rechazo, rechaza, rechazamos, rechazan, negarse, nego, se nego, oppose, opposed, opposes, opposition, oponerse, se opone, se opuso, condemn, condena, condeno, say no, said no, saying no, dijimos que no, decir que no, hemos dicho que no, diciendo que no
        accept: accept, accepts, accepted, aceptar, acepta, aceptamos, aceptaremos, aceptara, acepte, admit, admitir, admitira, admite, consent, consentir, consentira, consiente, tolerate, tolerar, tolerara, tolera
        navy: navy, naval, marina
        missile: missile, missiles, misil, misiles
        invasion_force: invading force
        interview: interview, entrevista
        kill: kill, kills, killed, killing, matar, asesinar
        arrest: arrest, arrests, arrested, detain, detained, detener, detenido, captura, capturar
        mass_destruction+weapon: weapon of mass destruction, weapons of mass destruction, wmd, arma de destruccion masiva, armas de destruccion masiva
        weapon: weapon, weapons, weaponry, arms, armas, arma, armamento
        criminal: criminal, criminals, criminales, delincuentes, delincuente
        step: step, steps, paso, pasos, medida, medidas, measure, measures
        bold: bold, audaz, valiente
        foreign: foreign, extranjero, extranjera, extranjeras, extranjeros
        relation: relation, relations, relationship, relacion, relaciones
        trade: trade, commerce, comercio, comercial, tariff, tariffs, arancel, aranceles
        negotiate: negotiate, negotiable, negotiated, negociable, negotiation, negotiations, negociar, negociacion, negociaciones
        respect: respect, respeto, respetar
        dialogue: dialogue, dialog, talks, dialogo
        intervene+military: military action, military actions, accion militar, acciones militares, military intervention, intervencion militar, intervenciones militares
        intervene: intervene, intervenes, intervening, intervened, intervention, interventions, interventionism, intervencion, intervenciones, intervenir, intervenga, intervengan, intervendra, intervendran, intervencionismo, intervencionista, interfere, interference, meddling, meddle, injerencia, injerencias, injerencismo, injerencista, intromision, intromisiones, incursion, incursions, incursiones
        unilateral: unilateral, unilaterally, unilateralmente, act alone, acting alone, on its own, on their own, actuar solo, actuar sola, por su cuenta, por si solo, por si sola
        strike+territory+military: ground operations, ground operation, land operations, ground attack, ground attacks, ground strikes, land action, land strikes, land attack, ground war, accion terrestre, acciones terrestres, operaciones terrestres, operacion terrestre, ataques terrestres, ataque terrestre, guerra terrestre
        drone: drone, drones, dron, drones, unmanned, no tripulado, no tripulados
        eliminate: eliminate, eliminating, eliminated, eradicate, eradicating, erradicar, erradicarlos, erradicarlas, erradicacion, wipe out, take out, clean out, clean it out, destroy, destroying, destruir, acabar con, exterminate, dismantle, dismantling, desmantelar, aniquilar, annihilate
        offer: offer, offers, offered, offering, ofrecer, ofrecio, ofrecido, ofrece, ofrecimiento, oferta, propose, proposed, proposal, proponer, propuso, propuesta, plantear, planteo, planteado
        help: help, helps, helping, helped, ayuda, ayudar, ayudarles, assist, assistance, asistencia, aid, apoyo, apoyar, support, supported
        participate: participate, participated, participation, took part, take part, taken part, involvement, involved, participar, participacion, participaron, participo, intervino
        share: share, shares, shared, sharing, compartir, comparte, compartimos, intercambio, exchange, exchanged, intercambiar
        responsible: responsible, responsibility, responsabilidad, responsable, in charge, a cargo
        federal: federal, federales, federal forces, fuerzas federales
        necessary: necessary, necesario, necesaria, needed, unnecessary, innecesario, innecesaria
        solve: solve, solves, solved, resolve, resolves, resolver, resolveria, resolverian, resuelve, fix, fixes, solucionar, soluciona, solution, solucion, ineffective, effective, eficaz, efectivo
        tool: tool, tools, herramienta, herramientas, elements, elementos, instruments, instrumentos, grounds, powers, facultades
        day_one: day one, first day, primer dia, desde el primer dia
        begin: begin, begins, beginning, start, starts, starting, started, comenzar, comienza, empezar, empieza, iniciar, inicia, inicio
        come: come, comes, coming, venir, viene, vendra, vendran, venga, vengan, vienen
        happen: happen, happens, happened, ocurrir, ocurra, ocurrira, occur, suceder, suceda, pasar, pase
        possibility: possibility, possibilities, prospect, prospects, posibilidad, posibilidades, option, options, opcion, opciones, scenario, escenario, idea
        subordinate: subordinate, subordination, subordinacion, subordinarse, subordinamos, subordinados, subordinarnos, submission, sumision, sometimiento
        offense: offense, offence, offensive, ofensa, ofensivo, insult, insulto
        order: order, orders, ordered, orden, ordenes, directive, directiva, instruction, instrucciones
        vote: vote, votes, voting, votar, voto, votos
        propaganda: propaganda, propagandist, propagandistic, propagandistico, propagandisticos, electoral, electioneering, electorales
        watch: watch, watching, watched, vigilar, vigilando, monitor, monitoring, monitorear, observing, observar
        free: free, freedom, libre, libres, libertad, independent, independiente, independencia
        equal: equal, equals, iguales, igual, equality, igualdad
        constitution: constitution, constitutional, constitucion, constitucional, article, articulo, amendment, reforma
        """;

    private static readonly FrozenDictionary<string, string[]> Words;
    private static readonly FrozenDictionary<string, string[]> Stems;
    private static readonly FrozenDictionary<string, string[]> Phrases;

    static ConceptLexicon()
    {
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Entries.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // "invasion+military": an invasion is military action whether or not the word is said.
            var concept = line[..colon].Split('+');
            foreach (var term in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (term.Contains(' ', StringComparison.Ordinal))
                {
                    phrases.TryAdd(term, concept);
                }
                else
                {
                    words.TryAdd(term, concept);
                    stems.TryAdd(Stem(term), concept);
                }
            }
        }

        Words = words.ToFrozenDictionary(StringComparer.Ordinal);
        Stems = stems.ToFrozenDictionary(StringComparer.Ordinal);
        Phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal);
        WeakStems = Weak.Select(Stem).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>One clause as a claim: its concepts (sorted, distinct), numbers and negation.</summary>
    public static Claim Reduce(string clause)
    {
        var tokens = Tokens(clause);
        var concepts = new SortedSet<string>(StringComparer.Ordinal);
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        // Negations still open, by position; one just before an assent word makes a refusal instead.
        var negations = new List<int>();
        var absorbedUntil = -1;
        var refused = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var phrase = PhraseAt(tokens, i, out var length);
            if (phrase is not null)
            {
                Add(phrase, i);
                i += length - 1;
                continue;
            }

            var token = tokens[i];
            if (Negations.Contains(token))
            {
                // After a refusal, "ningún", "nunca", "tampoco" only insist on it.
                if (i > absorbedUntil && !(refused && Emphatic.Contains(token)))
                {
                    negations.Add(i);
                }
            }
            else if (NumberWords.TryGetValue(token, out var number))
            {
                numbers.Add(number);
            }
            else if (char.IsAsciiDigit(token[0]))
            {
                numbers.Add(token.TrimStart('0') is { Length: > 0 } n ? n : "0");
            }
            else if (!StopWords.Contains(token) && token.Length > 1)
            {
                Add(Concept(token), i);
            }
        }

        void Add(string[] found, int at)
        {
            if (found.Any(Assent.Contains) && negations.Count > 0 && at - negations[^1] <= RefusalReach)
            {
                // "no vamos a permitir", "will not allow", "no aceptamos tampoco": one refusal, not a negated assent.
                negations.RemoveAll(n => at - n <= RefusalReach);
                absorbedUntil = at + 2;
                refused = true;
                concepts.UnionWith(found.Where(c => !Assent.Contains(c)).Append("refuse"));
                return;
            }

            concepts.UnionWith(found);
        }

        var negated = negations.Count > 0;
        return new Claim([.. concepts], [.. numbers], negated);
    }

    /// <summary>All concepts of a text (every clause): article-title contexts.</summary>
    public static IReadOnlyList<string> Concepts(string text)
        => [.. ClaimSplitter.Split(text).SelectMany(c => c.Concepts).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string[]? PhraseAt(List<string> tokens, int start, out int length)
    {
        for (length = Math.Min(4, tokens.Count - start); length >= 2; length--)
        {
            if (Phrases.TryGetValue(string.Join(' ', tokens.GetRange(start, length)), out var concept))
            {
                return concept;
            }
        }

        length = 0;
        return null;
    }

    private static string[] Concept(string token)
        => Words.TryGetValue(token, out var concept) ? concept
            : Stems.TryGetValue(Stem(token), out concept) ? concept
            : [Intern(Stem(token))];

    // An index holds each statement's concepts; one copy of each word instead of one per claim. Bounded, so that a
    // stream of odd words cannot grow it without limit.
    private const int MaxInterned = 500_000;
    private static readonly ConcurrentDictionary<string, string> Interned = new(StringComparer.Ordinal);

    internal static string Intern(string word)
        => Interned.TryGetValue(word, out var interned) ? interned
            : Interned.Count < MaxInterned ? Interned.GetOrAdd(word, word)
            : word;

    /// <summary>Accent-folded, lower-case words; "n't" becomes "not", "U.S." becomes "usa".</summary>
    public static List<string> Tokens(string text)
    {
        var prepared = UnitedStates().Replace(text, " usa ");
        var folded = Fold(prepared).Replace("n't", " not", StringComparison.Ordinal).Replace("won not", "will not", StringComparison.Ordinal);
        var tokens = new List<string>();
        foreach (Match match in Word().Matches(folded))
        {
            // "mexico's" is "mexico"; "we're" is "we".
            var apostrophe = match.Value.IndexOf('\'', StringComparison.Ordinal);
            tokens.Add(apostrophe > 0 ? match.Value[..apostrophe] : match.Value);
        }

        return tokens;
    }

    /// <summary>Lower case without accents; typographic apostrophes made plain.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // English and Spanish inflections, longest first; one suffix at most, and a stem of at least three letters.
    private static readonly string[] Suffixes =
    [
        "amientos", "imientos", "amiento", "imiento", "aciones", "iciones", "amente", "mente", "iendo", "ments", "ment",
        "aremos", "aran", "ara", "ions", "ion", "ings", "ing", "ando", "ados", "idos", "adas", "idas", "edly", "ies", "ied", "ado", "ido", "ada",
        "ida", "ers", "ed", "es", "ly", "ar", "er", "ir", "os", "as", "s", "y", "o", "a", "e",
    ];

    public static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                // "designate"/"designated" and "operate"/"operations" meet at one stem.
                return stem.Length > 4 && stem[^1] == 'e' ? stem[..^1] : stem;
            }
        }

        return word;
    }

    [GeneratedRegex(@"\bU\.\s?S\.(?:\s?A\.)?|\bUS\b|\bUSA\b|\bEE\.\s?UU\.|\bEEUU\b")]
    private static partial Regex UnitedStates();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();
}
