using System.Buffers;
using System.Collections.Frozen;

namespace Alerts.Analysis;

internal enum Gender
{
    Unknown,
    Male,
    Female,
}

/// <summary>Word lists for attribution in English and Spanish news. Kept in one place so that tuning is one edit.</summary>
internal static class Lexicon
{
    // Entries are separated by whitespace; "_" joins the words of one entry ("White_House").
    /// <summary>Lines of "value: word word …", each word mapped to its line's value.</summary>
    private static FrozenDictionary<string, string> Pairs(string lines) =>
        lines.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2))
            .SelectMany(parts => parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => (Word: word, Value: parts[0])))
            .ToFrozenDictionary(p => p.Word, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Set(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace('_', ' '))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks that open a quotation: curly and straight double and single quotes, and guillemets.</summary>
    public static readonly SearchValues<char> OpeningQuoteMarks = SearchValues.Create("\u201C\"\u2018'\u00AB");

    /// <summary>Marks that close a quotation.</summary>
    public static readonly SearchValues<char> ClosingQuoteMarks = SearchValues.Create("\u201D\"\u2019'\u00BB");

    /// <summary>Verbs of declaring, which also name an act ("declared an emergency", "declaró a los cárteles como
    /// terroristas"): speech only with "that", a colon or a quote.</summary>
    public static readonly FrozenSet<string> DeclareVerbs = Set("declared declares declara declaró designated designates designó designa");

    /// <summary>Verbs that introduce what someone said.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Set("""
        said says say told tells wrote writes added adds stressed stresses explained explains stated states warned warns
        declared declares noted notes insisted insists argued argues claimed claims asserted asserts acknowledged
        admitted confirmed confirms denied denies announced announces emphasized emphasised emphasizes reiterated
        reiterates replied responded countered cautioned predicted questioned called calls urged urges vowed pledged
        promised suggested suggests maintained maintains remarked observed tweeted reported reports reassured assured
        conceded contended disclosed revealed indicated complained charged alleged testified recalled acknowledges written
        dijo dice afirmó afirma señaló señala aseguró asegura declaró declara explicó explica advirtió advierte indicó
        indica sostuvo sostiene agregó agrega añadió añade comentó expresó manifestó subrayó destacó insistió respondió
        precisó reiteró anunció informó reportó publicó escribió denunció acusó confirmó negó enfatizó puntualizó
        recalcó admitió reconoció aclaró opinó opina consideró considera estimó criticó cuestionó lamentó exigió
        apuntó remarcó sentenció planteó detalló mencionó refirió respondió posted
        rejected rejects dismissed dismisses ruled praised praises backed backs offered offers threatened threatens
        proposed proposes demanded demands signaled signalled hinted boasted mocked lamented condemned condemns
        criticized criticised slammed vows pledges recalls concedes stresses reiterates insisted
        recordó recuerda concedió contó cuenta replicó aseveró asevera rechazó rechaza descartó descarta reveló revela
        destaca subraya enfatiza recalca reitera insiste expresa manifiesta exhortó exhorta prometió promete amenazó
        amenaza ofreció ofrece propuso propone defendió defiende calificó califica externó expuso abundó acotó zanjó
        reviró ironizó resaltó resalta condenó condena pidió pide urgió cargó carga
        dijeron afirmaron señalaron aseguraron declararon indicaron explicaron advirtieron sostuvieron insistieron
        dicho asegurado afirmado señalado declarado advertido reiterado insistido explicado sostenido subrayado
        reconocido negado rechazado descartado expresado manifestado pedido exigido propuesto prometido ofrecido
        confirmado informado comentado anunciado destacado recalcado enfatizado denunciado criticado respondido
        aclarado precisado planteado expuesto mencionado
        dicen afirman señalan aseguran advierten insisten sostienen explican consideran denuncian acusan exigen piden
        rechazan descartan
        pidieron exigieron rechazaron descartaron reiteraron subrayaron recalcaron destacaron denunciaron acusaron
        criticaron propusieron ofrecieron prometieron amenazaron reconocieron negaron respondieron expresaron
        manifestaron
        """);

    /// <summary>Speech verbs whose object is the statement when no "that" follows: "rejected any intervention",
    /// "ruled out sending troops", "rechazó cualquier injerencia", "cargó contra los republicanos". The verb stays in
    /// the statement, since without it the object says the opposite.</summary>
    public static readonly FrozenSet<string> ObjectSpeechVerbs = Set("""
        rejected rejects dismissed dismisses ruled praised praises backed backs offered offers threatened threatens
        proposed proposes demanded demands condemned condemns criticized criticised slammed vowed vows pledged pledges
        denied denies
        rechazó rechaza descartó descarta exhortó exhorta prometió promete amenazó amenaza ofreció ofrece propuso
        propone defendió defiende condenó condena criticó cuestionó exigió pidió pide urgió cargó carga negó
        rechazado descartado negado pedido exigido propuesto prometido ofrecido
        piden exigen rechazan descartan pidieron exigieron rechazaron descartaron propusieron ofrecieron prometieron
        amenazaron negaron criticaron
        """);

    /// <summary>What one offers when one describes rather than states: "offered a detailed account of the raid",
    /// "ofreció detalles del operativo" is narration of a briefing, not a claim.</summary>
    public static readonly FrozenSet<string> AccountNouns = Set("""
        account accounts details detail explanation explanations briefing update updates overview timeline
        recuento relato detalles pormenores explicación explicaciones informe balance resumen cronología
        """);

    /// <summary>Verbs whose object may be such a description rather than a stance.</summary>
    public static readonly FrozenSet<string> OfferVerbs = Set("offered offers ofreció ofrece ofrecieron ofrecido");

    /// <summary>Words that open the occasion of a stance rather than its content: "rejected the plan after …",
    /// "pidió cooperación luego de que …", "rechazó la idea tras …".</summary>
    public static readonly FrozenSet<string> OccasionWords = Set("after following amid while luego después tras mientras");

    /// <summary>Unstressed pronouns between a Spanish subject and its verb: "López Obrador les aseguró que".</summary>
    public static readonly FrozenSet<string> Clitics = Set("le les me te nos se lo la");

    /// <summary>Infinitives of saying after "al" ("fue tajante al decir que"): the main clause's subject speaks.</summary>
    public static readonly FrozenSet<string> SpeechInfinitives = Set("""
        decir asegurar afirmar señalar declarar advertir explicar insistir subrayar recalcar reiterar sostener
        rechazar descartar responder precisar aclarar
        """);

    /// <summary>"Según su versión", "según la visión del magnate": a speaker's view, not a person.</summary>
    public static readonly FrozenSet<string> ViewNouns = Set("versión visión opinión palabras juicio criterio perspectiva view words account");

    /// <summary>Speech verbs that also take plain objects ("added the group to the list"): they need "that", a colon
    /// or an adjacent quote before they count.</summary>
    public static readonly FrozenSet<string> WeakVerbs = Set("added adds agregó añadió announced announces anunció states publicó confirmed confirms denied denies charged indicated sostuvo sostiene mantuvo");

    /// <summary>Participles that carry on a speaker's words after a comma: "…, saying the cartels run Mexico".</summary>
    public static readonly FrozenSet<string> Participles = Set("""
        saying adding noting warning arguing insisting stressing explaining asserting claiming declaring
        diciendo añadiendo agregando señalando advirtiendo asegurando explicando
        """);

    /// <summary>Participles that also take plain objects: they need "that"/"que" to count.</summary>
    public static readonly FrozenSet<string> WeakParticiples = Set("adding noting explaining claiming añadiendo agregando señalando explicando");

    /// <summary>Verbs whose first complement is a listener: "told reporters", "reassured the public".</summary>
    public static readonly FrozenSet<string> ListenerVerbs = Set("told tells reassured assured urged warned");

    public static readonly FrozenSet<string> ReportVerbs = Set("reported reports informó reportó publicó");

    public static readonly FrozenSet<string> Complementizers = Set("that que");

    public static readonly FrozenSet<string> Pronouns = Set("he she they él ella ellos ellas");

    public static readonly FrozenSet<string> Determiners = Set("a an the his her their its one another un una el la los las su sus otro otra");

    public static readonly FrozenSet<string> Honorifics = Set("""
        Mr. Mrs. Ms. Miss Dr. Sen. Rep. Gov. Gen. Adm. Lt. Col. Maj. Capt. Sgt. Prof. Pres. Sr. Sra. Srta. Lic. Ing.
        Mr Mrs Ms Dr Sen Rep Gov Gen Reps. Sens. Reps Sens
        """);

    public static readonly FrozenSet<string> FemaleHonorifics = Set("Mrs. Ms. Miss Sra. Srta. Mrs Ms");
    public static readonly FrozenSet<string> MaleHonorifics = Set("Mr. Sr. Mr");

    /// <summary>Words that make up titles and roles; capitalised or not ("Secretary of State", "deputy press secretary").</summary>
    public static readonly FrozenSet<string> RoleWords = Set("""
        president vice secretary minister state defense defence foreign attorney general senator representative
        congressman congresswoman governor mayor chief director ambassador spokesperson spokesman spokeswoman press
        deputy prime commander admiral chairman chairwoman chair leader speaker justice judge homeland security
        treasury interior border czar pope king queen prince lawmaker official officials adviser advisor aide analyst
        expert researcher professor economist diplomat envoy head founder co-founder cofounder member members
        executive officer sheriff prosecutor counsel lieutenant colonel major captain sergeant general-secretary
        secretary-general undersecretary under assistant senior former top acting interim national military
        intelligence policy strategy fellow associate partner manager coordinator correspondent reporter editor
        columnist commentator strategist consultant candidate lawyer source sources
        presidente presidenta mandatario mandataria secretario secretaria ministro ministra canciller gobernador
        gobernadora senador senadora diputado diputada almirante vocero vocera portavoz directora fiscal alcalde
        alcaldesa embajador embajadora jefe jefa funcionario funcionaria funcionarios analista experto experta
        investigador investigadora titular subsecretario subsecretaria líder dirigente magnate republicano republicana
        Republican Democrat demócrata ejecutivo federal
        estado defensa nacional exteriores relaciones gobernación hacienda economía marina seguridad pública ciudadana
        general almirante
        """);

    /// <summary>Heads of a phrase naming an unnamed source.</summary>
    public static readonly FrozenSet<string> AnonymousHeads = Set("""
        official officials source sources analyst analysts expert experts diplomat diplomats aide aides person people
        officer officers lawmaker lawmakers spokesperson spokesman spokeswoman adviser advisers advisor advisors
        insider insiders resident residents witness witnesses observer observers researcher researchers critics
        funcionario funcionarios funcionaria fuente fuentes analista analistas experto expertos vocero vocera portavoz
        especialista especialistas
        families relatives familiar familiares parientes legislators senators prosecutors activists
        legisladores senadores congresistas fiscales activistas vecinos residentes testigos críticos
        """);

    /// <summary>Plural heads that open a sentence capitalised ("Experts warned …") and are never a surname.</summary>
    public static readonly FrozenSet<string> GenericPlurals = Set("""
        Experts Officials Analysts Critics Residents Witnesses Observers Diplomats Aides Lawmakers Researchers Insiders
        Advisers Advisors Specialists Especialistas Analistas Funcionarios Expertos Críticos Legisladores
        """);

    /// <summary>Heads of a phrase naming an organisation.</summary>
    public static readonly FrozenSet<string> OrganizationHeads = Set("""
        Department Ministry Agency Office Command Council Committee Commission Group Initiative Institute Embassy Army
        Navy Marines Party Court Bureau Service Administration administration Government government Organization
        Organisation Association Union Foundation Center Centre Congress Senate House Parliament Cabinet cabinet
        Secretariat Secretaría Cancillería Gobierno gobierno Ejército Armada Fiscalía Procuraduría Guard Corps Forces
        Pentagon Pentágono Kremlin ministry embassy spokesperson's
        """);

    public static readonly FrozenSet<string> KnownOrganizations = Set("""
        White_House Pentagon State_Department Kremlin Casa_Blanca Pentágono Cancillería Department_of_Defense
        Defense_Department Justice_Department Department_of_Justice Homeland_Security Department_of_State
        United_Nations UN NATO FBI DEA CIA Sedena Semar Morena Hamas Hezbollah Trump_administration Biden_administration
        International_Crisis_Group Human_Rights_Watch Amnesty_International
        """);

    public static readonly FrozenSet<string> KnownMedia = Set("""
        Reuters Bloomberg Axios Politico AP AFP EFE CNN BBC NBC CBS ABC NPR Univision Telemundo Guardian Reforma Milenio
        Proceso Excélsior Excelsior Infobae Associated_Press Agence_France-Presse New_York_Times Washington_Post
        Wall_Street_Journal Los_Angeles_Times Financial_Times Fox_News ABC_News NBC_News CBS_News Al_Jazeera
        El_Universal La_Jornada El_País El_Financiero El_Economista Blaze_News Blaze_Media The_Hill Sky_News
        """);

    public static readonly FrozenSet<string> MediaSuffixes = Set("Times Post News Journal Herald Tribune Guardian Telegraph Gazette Chronicle Observer Sun Mirror Inquirer Examiner Independent Reporter Globe Star Daily Magazine Network Press Media Radio TV Broadcasting");

    public static readonly FrozenSet<string> Places = Set("""
        Mexico México United_States U.S. US USA America Washington Venezuela Caracas Latin_America Haiti Colombia
        Sinaloa Tijuana Mexico_City Ciudad_de_México Texas California Arizona New_Mexico Cuba Ecuador Honduras Guatemala
        Panama Panamá Canada Canadá El_Salvador Nicaragua Costa_Rica Brazil Brasil Peru Perú Chile Argentina Bolivia
        Chihuahua Sonora Tamaulipas Jalisco Michoacán Guerrero Juárez Culiacán Monterrey Guadalajara Nuevo_León
        Baja_California Coahuila Durango Zacatecas Veracruz Oaxaca Chiapas Yucatán Quintana_Roo Gulf_of_Mexico Caribbean
        Pacific Atlantic Estados_Unidos Beijing China Russia Moscow Ukraine Kyiv Israel Gaza Iran Europe
        """);

    /// <summary>Adjectives of nationality, which prefix titles ("Mexican President").</summary>
    public static readonly FrozenSet<string> Nationalities = Set("""
        American Mexican Venezuelan Colombian Canadian Cuban Haitian Guatemalan Honduran Salvadoran Brazilian
        Chinese Russian Ukrainian Israeli Iranian British French German Spanish European
        estadounidense mexicano mexicana venezolano venezolana colombiano colombiana canadiense cubano cubana ecuatoriano ecuatoriana
        """);

    public static readonly FrozenSet<string> FemaleNames = Set("""
        Claudia Anna Ana Cecilia Pam Pamela Maria María Mary Karoline Kristi Tulsi Susie Nancy Hillary Kamala Elizabeth
        Sarah Sara Laura Linda Patricia Jennifer Jessica Karen Lisa Michelle Emily Emma Olivia Sophia Isabel Isabella
        Lucía Lucia Marta Martha Rosa Carmen Alicia Alejandra Gabriela Verónica Veronica Adriana Mariana Daniela Andrea
        Paula Elena Julia Teresa Guadalupe Rocío Beatriz Silvia Leticia Margarita Xóchitl Xochitl Luisa Fernanda
        Victoria Catherine Katherine Kate Rachel Rebecca Amy Angela Helen Ruth Sharon Deborah Diana Alexandria Ilhan
        Marjorie Lauren Megan Hannah Grace Samantha Natalia Valeria Ximena Rosario Josefina Irene Eva Inés Ines Alma
        Norma Lorena Olga Raquel Ingrid Ursula Giorgia Kaja Tammy Kelly Sheila Janet Joan Nikki Liz Marcela Mónica Monica
        """);

    public static readonly FrozenSet<string> MaleNames = Set("""
        Donald Marco Brian Mark Joe Joseph Pete Peter JD James John Robert Michael William David Richard Thomas
        Charles Christopher Daniel Matthew Anthony Paul Steven Andrew Kenneth Kevin Jason Ronald Timothy Jeffrey Ryan
        Gary Eric Stephen Jonathan Larry Justin Scott Frank Benjamin Gregory Samuel Raymond Patrick Alexander Jack
        Dennis Jerry Tyler Aaron Henry Adam Douglas Nathan Zachary Kyle Walter Harold Carl Arthur Gerald Roger Keith
        Jeremy Terry Lawrence Sean Christian Austin Jesse Dylan Bryan Alan Ralph Roy Eugene Russell Bobby Mason Philip
        Louis Vladimir Volodymyr Xi Emmanuel Olaf Keir Justin Andrés Andres Manuel Nicolás Nicolas Juan José Jose Luis
        Carlos Jorge Jesús Jesus Miguel Alejandro Francisco Ricardo Fernando Javier Eduardo Roberto Sergio Alberto
        Rafael Arturo Enrique Héctor Hector Raúl Raul Omar Marcelo Gustavo Felipe Ernesto Alfonso Ramón Ramon Pedro
        Pablo Mario Diego Gerardo Rubén Ruben Adán Adan Ovidio Ismael Joaquín Joaquin Tom Ron Ted Lindsey
        Mike Chuck Mitch Kash Stephen Marcos Alfredo Genaro Óscar Oscar Hugo Iván Ivan Gabriel Samuel Esteban
        """);

    /// <summary>Words that open a sentence or clause but are never part of a speaker's name.</summary>
    public static readonly FrozenSet<string> NotNames = Set("""
        The A An In On At But And Or While When After Before During Since If As So Yet For Not No It Its This That
        These Those There Their They He She We I You Our His Her Any Some Many Most All Each Every One Two Three
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
        September October November December El La Los Las Un Una En Con Por Para Según De Del Y O Pero Aunque Reacting
        Like Also However Meanwhile Still Even Asked Speaking According
        Tampoco También Además Asimismo Incluso Finalmente Luego Entonces Sin Ante Sobre Tras Hoy Ayer Así Aun Aún
        Durante Mientras Ahora Amid Amidst Among Amongst Despite Following Throughout Regarding Newly Recently
        Pese Frente Entre
        """);

    /// <summary>Adverbs that open a sentence before its subject: "Asimismo, Sheinbaum insistió …".</summary>
    public static readonly FrozenSet<string> SentenceAdverbs = Set("""
        Asimismo Además También Tampoco Incluso Finalmente Luego Entonces Meanwhile However Also Still Later Earlier
        Separately Previously Afterwards Later Today Yesterday Hoy Ayer Posteriormente Anteriormente Durante During
        After Before Since Tras Según Desde
        """);

    /// <summary>Conjunctions that join a second verb to the subject of the first: "insistió …, y subrayó …".</summary>
    public static readonly FrozenSet<string> Conjunctions = Set("and but y pero e");

    /// <summary>Conjunctions that qualify what was just said: "…, she said, but, she added, …".</summary>
    public static readonly FrozenSet<string> Contrastive = Set("but yet though although however pero aunque sino sin_embargo no_obstante");

    public static readonly FrozenSet<string> Particles = Set("de del la las los van von der da di bin al le du y");

    /// <summary>Role words that only modify a head ("deputy press secretary"): a phrase ending in one is no role.</summary>
    public static readonly FrozenSet<string> RoleModifiers = Set("""
        press deputy vice state defense defence foreign attorney homeland security treasury interior border prime under
        assistant senior former top acting interim national military intelligence policy executive co-founder federal
        """);

    /// <summary>Words that describe a person the article has named rather than name an office: "the Mexican leader",
    /// "the Republican", "la mandataria", "el magnate", "la jefa del Ejecutivo". They stand for that person, never alone.</summary>
    public static readonly FrozenSet<string> DescriptorWords = Set("""
        leader líder mandatario mandataria magnate tycoon billionaire millonario empresario Republican republicano
        republicana Democrat demócrata ejecutivo Ejecutivo exmandatario exmandataria dirigente
        """);

    /// <summary>Descriptors that say the person leads a country or government: they fit only a person whose known role
    /// is such a leader's (or who has no known role).</summary>
    public static readonly FrozenSet<string> LeaderDescriptors = Set("""
        leader líder mandatario mandataria ejecutivo Ejecutivo exmandatario exmandataria head_of_state jefe_de_Estado
        jefa_de_Estado jefe_de_Gobierno jefa_de_Gobierno
        """);

    /// <summary>Roles of a country's or government's leader.</summary>
    public static readonly FrozenSet<string> LeaderRoles = Set("president presidente presidenta mandatario mandataria prime leader líder premier");

    /// <summary>Descriptors of several words: "head of state", "jefa de Estado".</summary>
    public static readonly FrozenSet<string> DescriptorPhrases = Set("""
        head_of_state jefe_de_Estado jefa_de_Estado jefe_de_Gobierno jefa_de_Gobierno
        """);

    /// <summary>Heads that say only "holder of": "el titular de la Defensa" is whoever holds the defence office.</summary>
    public static readonly FrozenSet<string> HolderHeads = Set("titular head chief jefe jefa encargado encargada responsable");

    /// <summary>Who speaks for an institution: the White House's summary and its press secretary's quote are one voice.</summary>
    public static readonly FrozenSet<string> SpokespersonWords = Set("spokesperson spokesman spokeswoman vocero vocera portavoz");

    /// <summary>Past roles ("the former governor"): they do not conflict with the office a person holds now.</summary>
    public static readonly FrozenSet<string> PastMarkers = Set("former ex onetime expresidente expresidenta exgobernador exgobernadora exsecretario exsecretaria");

    /// <summary>Role words across English and Spanish, by one spelling: "secretario de Estado" is "secretary of state".</summary>
    public static readonly FrozenDictionary<string, string> RoleEquivalents = Pairs("""
        secretary: secretario secretaria
        president: presidente presidenta mandatario mandataria
        minister: ministro ministra
        state: estado
        defense: defensa defence
        war: guerra
        ambassador: embajador embajadora
        spokesperson: vocero vocera portavoz spokesman spokeswoman
        governor: gobernador gobernadora
        senator: senador senadora
        representative: diputado diputada
        security: seguridad
        navy: marina
        attorney: fiscal
        foreign: canciller exteriores relaciones
        admiral: almirante
        mayor: alcalde alcaldesa
        chief: jefe jefa
        leader: líder
        """);

    /// <summary>Words that tie a role or a person to a country: "the US leader", "la presidenta de México".</summary>
    public static readonly FrozenDictionary<string, string> CountryWords = Pairs("""
        MX: Mexican mexicano mexicana México Mexico Mexico’s Mexico's
        US: U.S. US USA EEUU EE.UU. American estadounidense Unidos norteamericano norteamericana
        US: Republican republicano republicana Democrat demócrata
        VE: Venezuelan venezolano venezolana Venezuela
        CA: Canadian canadiense Canada Canadá
        """);

    public static bool IsDescriptor(string role)
        => role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => DescriptorWords.Contains(w.TrimEnd('.', ',')))
            || DescriptorPhrases.Any(p => role.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The country a phrase ties someone to ("MX", "US"), or null.</summary>
    public static string? CountryOf(string? phrase)
        => phrase?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd(',', '.') is var t && t.Length > 0 ? t : w)
            .Select(w => CountryWords.GetValueOrDefault(w) ?? CountryWords.GetValueOrDefault(w + "."))
            .FirstOrDefault(c => c is not null);

    public static readonly FrozenSet<string> ListenerNouns = Set("""
        reporters journalists lawmakers supporters senators legislators students people audiences listeners viewers
        him her them me us periodistas medios citizens Americans residents travelers travellers ciudadanos
        """);

    /// <summary>Generic nouns in front of a media outlet's name: "the newspaper El Universal", "el diario Reforma".</summary>
    public static readonly FrozenSet<string> MediaNouns = Set("""
        newspaper paper network broadcaster outlet agency magazine channel diario periódico cadena agencia revista
        televisora medio portal
        """);

    /// <summary>Spanish organisation names start with their head: "Departamento de Defensa", "Secretaría de Marina".</summary>
    public static readonly FrozenSet<string> LeadingOrganizationHeads = Set("""
        Departamento Secretaría Ministerio Gobierno Ejército Fiscalía Consejo Comando Embajada Cámara Senado Congreso
        Procuraduría Guardia Cancillería Oficina Comisión Agencia Instituto
        """);

    public static readonly FrozenSet<string> TimeWords = Set("""
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
        September October November December week month year weekend morning afternoon evening night today yesterday
        lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
        septiembre octubre noviembre diciembre semana mañana tarde noche hoy ayer madrugada mes año
        Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ene abr ago dic
        """);

    public static readonly FrozenSet<string> Prepositions = Set("on in at during to after before via through with from while en durante ante tras desde");

    /// <summary>Words that open a circumstance before a sentence's subject, beyond <see cref="Prepositions"/>: "Amid
    /// the tensions, the ambassador …", "Pese a ello, la mandataria …".</summary>
    public static readonly FrozenSet<string> OpeningPrepositions = Set("amid amidst among amongst despite following throughout regarding pese frente entre");

    public static readonly FrozenSet<string> Auxiliaries = Set("has have had also previously publicly repeatedly later then again recently earlier already once twice ha han había habían también has've would will reportedly");

    /// <summary>Words of the circumstances between a speech verb and its "that": "said in a statement to CNN that",
    /// "afirmó este lunes que", "señaló también que".</summary>
    public static readonly FrozenSet<string> AdjunctWords = Set("""
        a an the this last este esta el la su his her statement interview conference speech post letter message
        briefing hearing comunicado entrevista conferencia discurso mensaje carta rueda prensa matutina mañanera
        también además luego later earlier los las periodistas medios reporters
        """);

    /// <summary>Words that carry no claim of their own, English and Spanish (lower case): counting the rest tells a
    /// sentence with something to say from "Yeah, I will be."</summary>
    public static readonly FrozenSet<string> FunctionWords = Set("""
        a an the and or but of to in on at for with by from as is are was were be been being it its it's this that these
        those they them their there here he she his her we us our you your i me my not no so if then than which who whom
        what when where why how would could should will shall may might can do does did has have had just into over
        about after before also very yes yeah well there's that's i'm we're they're you're don't won't can't
        el la los las lo un una unos unas de del al que y o en por con para se su sus es son fue ha han era como más mas
        pero este esta estos estas ese esa eso esto le les nos ni ya muy sin sobre entre no sí si yo tú él ella nosotros
        ellos ellas mi me te lo hay está están ser estar hemos han
        """);

    public static readonly FrozenSet<string> Ordinals = Set("second third fourth fifth other another several two three otro otra segundo segunda");

    /// <summary>Present-tense verbs by which a headline reports a position ("Sheinbaum rejects …", "AMLO pide …"),
    /// beyond <see cref="SpeechVerbs"/>. Actions ("sends", "kills", "despliega") are left out on purpose: a headline
    /// of action is narration, not a statement.</summary>
    public static readonly FrozenSet<string> HeadlineVerbs = Set("""
        say tells warns rejects rebukes slams blasts dismisses vows pledges promises urges call calls demands insists
        threatens claims asserts admits acknowledges accuses blames criticizes criticises defends backs praises proposes
        offers hints signals rules doubles stands reiterates stresses confirms announces questions responds answers
        reaffirms downplays rebuffs refuses
        dice afirma asegura señala advierte rechaza niega descarta pide exige llama urge insiste reitera acusa critica
        defiende destaca reconoce prevé propone ofrece amenaza promete responde arremete mantiene sostiene plantea
        alerta confirma anuncia aclara admite subraya elogia cuestiona denuncia reafirma
        """);

    /// <summary>Verbs that deny what follows them: a headline claim keeps them, or "niega que X" would read "X".</summary>
    public static readonly FrozenSet<string> DenialVerbs = Set("denies denied deny niega negó rejects rejected rechaza rechazó descarta descartó dismisses rules rebuffs refuses");

    /// <summary>Words that open a circumstance after a headline's speaker ("… prevé Sheinbaum sobre encuentro con
    /// Rubio"), not a second claim.</summary>
    public static readonly FrozenSet<string> HeadlineContext = Set("sobre about over con ante antes para por for by amid of de tras");

    /// <summary>The words naming each country (name, demonyms, abbreviations), one country a line: "Mexico president"
    /// and "Mexican President" name the same office.</summary>
    public static readonly IReadOnlyList<FrozenSet<string>> Countries = """
        Mexico México Mexican Mexico’s Mexico's mexicano mexicana mexicanos mexicanas
        U.S. US USA EU EEUU EE.UU. American estadounidense estadounidenses United_States Estados_Unidos America
        Venezuela Venezuelan venezolano venezolana
        Colombia Colombian colombiano colombiana
        Canada Canadá Canadian canadiense
        Ecuador Ecuadorian ecuatoriano ecuatoriana
        """.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Set).ToList();

    public static bool IsRoleWord(string word)
    {
        var w = word.TrimEnd('.', ',');
        // "exembajador", "ex-president": a former holder of a role.
        return RoleWords.Contains(w) || (w.Length > 4 && w.StartsWith("ex", StringComparison.OrdinalIgnoreCase)
            && RoleWords.Contains(w[(w[2] == '-' ? 3 : 2)..]));
    }

    public static Gender GenderOfFirstName(string name) =>
        FemaleNames.Contains(name) ? Gender.Female : MaleNames.Contains(name) ? Gender.Male : Gender.Unknown;
}
