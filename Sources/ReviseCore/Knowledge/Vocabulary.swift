/// Plain English words the fact patterns lean on. None of them is knowledge of a subject: they are the words any
/// set of notes, on any topic, uses around names, roles, definitions and causes.
enum Vocabulary {
    /// Words that are capitalised at the start of a sentence or in a title but are never names.
    static let notNames: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "so", "as", "at", "by", "for", "from", "in", "into", "of", "on",
        "to", "with", "without", "after", "before", "during", "since", "until", "while", "when", "where", "why",
        "what", "who", "whom", "which", "how", "this", "that", "these", "those", "there", "here", "then", "than",
        "he", "she", "it", "they", "we", "you", "i", "his", "her", "its", "their", "our", "your", "my", "him",
        "them", "us", "me", "is", "was", "were", "are", "be", "been", "being", "had", "has", "have", "do", "did",
        "does", "not", "no", "yes", "all", "any", "some", "many", "most", "more", "much", "few", "each", "every",
        "both", "either", "neither", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "first", "second", "third", "firstly", "secondly", "thirdly", "finally", "lastly", "also", "however",
        "therefore", "thus", "hence", "although", "though", "because", "overall", "in", "out", "up", "down", "over",
        "under", "again", "further", "once", "only", "own", "same", "such", "too", "very", "can", "could", "will",
        "would", "shall", "should", "may", "might", "must", "about", "above", "below", "between", "through",
        "against", "among", "around", "off", "per", "via", "yet", "still", "just", "even", "ever", "never",
        "always", "often", "other", "another", "new", "old", "example", "e", "g", "eg", "ie", "etc", "vs", "v",
        "chapter", "section", "part", "page", "unit", "topic", "question", "answer", "notes", "note", "summary",
        "introduction", "conclusion", "background", "key", "points", "point", "positive", "negative",
        "advantages", "disadvantages", "strengths", "weaknesses", "causes", "consequences", "effects", "results",
        "reasons", "factors", "aims", "impact", "evidence", "agree", "disagree", "describe", "explain", "assess",
        "evaluate", "discuss", "compare", "outline", "analyse", "analyze", "examine", "significance", "importance",
        "success", "successes", "failure", "failures", "problems", "solutions", "mistakes", "luck", "ambition",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms",
        "dr", "sir", "st", "ok", "yes", "no", "true", "false", "like", "unlike", "despite", "instead", "whereas",
        "according", "including", "especially", "mainly", "partly", "largely", "later", "earlier", "soon",
        "eventually", "meanwhile", "afterwards", "today", "now", "next", "last", "early", "late", "mid", "s",
        "created", "similar", "see", "show", "hide", "comments", "resources", "resource", "information", "more",
        "less", "yet", "use", "used", "using", "made", "make", "led", "lead", "leads", "result", "as", "well",
    ]

    /// Verbs that, right after a name, say the name is a person's.
    static let personVerbs: Set<String> = [
        "said", "says", "believed", "believes", "argued", "argues", "wanted", "wants", "thought", "felt", "feared",
        "hoped", "decided", "realised", "realized", "ordered", "promoted", "appointed", "visited", "died", "joined",
        "became", "resigned", "fled", "married", "criticised", "criticized", "opposed", "supported", "allied",
        "referred", "called", "praised", "claimed", "admitted", "refused", "denounced", "accused", "attacked",
        "underestimated", "wrote", "declared", "announced", "insisted", "agreed", "disagreed", "suffered",
        "returned", "lived", "tried", "failed", "managed", "launched", "introduced", "removed", "expelled",
        "exiled", "executed", "murdered", "assassinated", "arrested", "ruled", "led", "headed", "founded",
        "presented", "pretended", "used", "saw", "knew", "met", "told", "gave", "took", "kept", "lost", "won",
        "recommended", "warned", "learned", "learnt", "liked", "disliked", "hated", "trusted", "distrusted",
        "sided", "switched", "stated", "delivered", "organised", "organized", "arranged", "helped", "made",
        "replaced", "succeeded", "defeated", "betrayed", "confessed", "was", "had", "is", "has",
    ]

    /// Verbs that say it more strongly than "was" or "had" can (a country "was", too).
    static let strongPersonVerbs: Set<String> = personVerbs.subtracting(["was", "had", "is", "has", "used", "made", "led", "lost", "won", "ruled", "saw"])

    /// Nouns that, after a possessive name, say the name is a person's: "Lenin's testament".
    static let humanNouns: Set<String> = [
        "death", "funeral", "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister",
        "supporters", "allies", "ally", "ideas", "idea", "testament", "rivals", "rival", "rise", "personality",
        "character", "followers", "opponents", "opponent", "career", "mistake", "mistakes", "views", "speech",
        "body", "office", "orders", "legacy", "reputation", "ambition", "ambitions", "life", "health", "illness",
        "stroke", "successor", "successors", "enemies", "enemy", "friend", "friends", "colleague", "colleagues",
        "birth", "childhood", "youth", "family", "thinking", "writings", "will", "leadership", "arrest", "trial",
        "exile", "expulsion", "murder", "assassination", "absence", "warning", "criticism", "views", "side",
        "right-hand", "closest", "inner", "supporter", "protege", "protégé", "favourite", "attitude", "belief",
        "beliefs", "decision", "fall", "downfall", "defeat", "suspicion", "paranoia", "personal", "popularity",
    ]

    /// Words before a name that make it a person's: "Comrade Stalin", "President Kennedy".
    static let titles: Set<String> = [
        "comrade", "president", "general", "marshal", "tsar", "czar", "king", "queen", "prince", "princess",
        "sir", "lord", "lady", "dr", "mr", "mrs", "ms", "professor", "prof", "emperor", "empress", "chancellor",
        "premier", "minister", "commissar", "admiral", "captain", "colonel", "saint", "pope", "bishop", "father",
        "senator", "governor", "leader",
    ]

    /// Last words of names of institutions: "Red Army", "Central Committee".
    static let institutionHeads: Set<String> = [
        "party", "army", "navy", "committee", "commission", "congress", "bureau", "union", "council",
        "inspectorate", "secretariat", "police", "government", "church", "court", "assembly", "department",
        "ministry", "organisation", "organization", "guard", "guards", "league", "federation", "association",
        "society", "company", "corporation", "bank", "institute", "university", "school", "academy", "parliament",
        "senate", "cabinet", "agency", "office", "front", "alliance", "movement", "commissariat", "soviet",
        "soviets", "duma", "politburo", "orgburo", "comintern", "cheka", "tribunal", "board", "administration",
        "directorate", "service", "forces", "group", "opposition",
    ]

    /// Words before a name that make it a place: "in Moscow", "to Siberia".
    static let placePrepositions: Set<String> = [
        "in", "to", "from", "at", "into", "across", "near", "via", "towards", "toward", "throughout", "outside",
        "inside", "within",
    ]

    /// Nouns that name a position a person holds: "General Secretary", "Commissar for War", "head of the army".
    static let roleNouns: Set<String> = [
        "secretary", "commissar", "head", "leader", "chairman", "chair", "member", "editor", "president",
        "premier", "chief", "minister", "commander", "director", "founder", "governor", "tsar", "czar", "king",
        "queen", "emperor", "chancellor", "ambassador", "general", "marshal", "prosecutor", "judge", "mayor",
        "deputy", "vice", "representative", "spokesman", "officer", "boss", "ruler", "dictator", "successor",
        "secretary-general", "general-secretary", "organiser", "organizer", "architect", "creator", "inventor",
        "discoverer", "author", "writer", "captain", "admiral", "colonel", "professor", "principal",
    ]

    /// Words after "was"/"became" that begin a role phrase: "was the head of", "became General Secretary".
    static let roleLeadIns: Set<String> = ["the", "a", "an", "made", "appointed", "named", "elected", "promoted"]

    /// Phrases that join a cause to its consequence, and which side comes first.
    static let causeMarkers: [(phrase: String, causeFirst: Bool)] = [
        (" led to ", true), (" lead to ", true), (" leads to ", true), (" leading to ", true),
        (" resulted in ", true), (" resulting in ", true), (" results in ", true), (" caused ", true),
        (" causing ", true), (" meant that ", true), (" which meant ", true), (" so that ", true),
        (", therefore ", true), ("; therefore ", true), (", so ", true), (" as a result ", true),
        (", as a result", true), (" as a result of ", false), (" because of ", false), (" because ", false),
        (" due to ", false), (" owing to ", false), (" thanks to ", false), (" contributed to ", true),
        (" helped to ", true), (" allowed him to ", true), (" allowed her to ", true), (" allowed them to ", true),
        (" enabled ", true), (" forced ", true),
    ]

    /// Words that open a quotation's speaker phrase: "Trotsky called him 'a grey blur'".
    static let speechVerbs: Set<String> = [
        "said", "says", "called", "referred", "described", "declared", "wrote", "claimed", "stated", "announced",
        "warned", "told", "argued", "insisted", "remarked", "commented", "praised", "admitted", "proclaimed",
        "labelled", "labeled", "dubbed", "nicknamed", "named", "asked", "replied", "famously",
    ]

    /// Command words of exam questions, and what they ask for.
    static let commands: [(phrase: String, command: ExamQuestion.Command)] = [
        ("how far do you agree", .howFarDoYouAgree), ("to what extent", .howFarDoYouAgree),
        ("how far", .howFarDoYouAgree), ("agree or disagree", .howFarDoYouAgree),
        ("how significant", .howSignificant), ("how important", .howSignificant),
        ("significance", .howSignificant), ("explain why", .explainWhy), ("why", .explainWhy),
        ("explain how", .explainWhy), ("explain", .explainWhy), ("account for", .explainWhy),
        ("describe", .describe), ("outline", .describe), ("what were", .describe), ("what was", .describe),
    ]
}
