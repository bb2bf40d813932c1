/// Plain English words the fact patterns lean on. None of them is knowledge of a subject: they are the words any
/// set of notes, on any topic, uses around names, roles, definitions and causes.
enum Vocabulary {
    /// Words that are capitalised at the start of a sentence or in a title but are never names.
    static let notNames: WordList = [
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
        "against", "among", "amongst", "around", "off", "per", "via", "yet", "still", "just", "even", "ever", "never",
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
        "besides", "furthermore", "moreover", "nevertheless", "nonetheless", "anyone", "someone", "everyone",
        "nobody", "everybody", "somebody", "consequently", "additionally", "similarly", "likewise",
        "subsequently", "ultimately", "initially", "otherwise", "indeed", "certainly", "clearly", "perhaps",
        "unfortunately", "fortunately", "importantly", "significantly", "notably", "arguably", "altogether",
        "regardless", "nb", "ps", "anybody", "eventually", "whether", "whilst", "upon", "onto", "unless", "hence",
    ]

    /// The words a capitalised run may start with that are not part of the name: "The Politburo", "In Moscow".
    /// Other common words stay ("New Economic Policy", "Five Year Plan", "Great Terror").
    static let leadingFunctionWords: WordList = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "in",
        "on", "at", "by", "for", "from", "of", "to", "and", "but", "or", "so", "as", "with", "after", "before",
        "during", "when", "while", "however", "although", "because", "if", "then", "also", "both", "all", "some",
        "many", "most", "each", "every", "under", "over", "between", "since", "until", "he", "she", "it", "they",
        "we", "i", "you", "there", "here", "was", "were", "is", "are", "had", "has", "not", "no", "e", "g", "eg",
        "ie", "nb", "example", "firstly", "secondly", "finally", "overall", "thus", "therefore", "hence",
    ]

    /// Verbs that, right after a name, say the name is a person's.
    static let personVerbs: WordList = [
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
        "replaced", "succeeded", "defeated", "betrayed", "confessed", "stood", "spoke", "published",
        "worked", "committed", "survived", "escaped", "resisted", "protested", "demanded", "persuaded", "shot",
        "killed", "fainted", "resented", "hid", "ran", "went", "came", "wished", "intended", "planned",
    ]

    /// Verbs that say it more strongly than "was" or "had" can (a country "was", too).
    static let strongPersonVerbs: WordList = personVerbs.subtracting(["used", "made", "led", "lost", "won", "ruled", "saw"])

    /// What happens to people, after "was" or "were": "Radek was found guilty", "Bauman was sacked".
    static let personPassives: WordList = [
        "tried", "shot", "executed", "arrested", "expelled", "appointed", "murdered", "killed", "sacked", "removed",
        "found", "born", "exiled", "elected", "promoted", "demoted", "accused", "imprisoned", "assassinated",
        "replaced", "dismissed", "purged", "humiliated", "sentenced", "blamed", "chosen", "deported", "released",
        "rehabilitated", "poisoned", "injured", "wounded", "defeated", "sidelined", "isolated", "forced", "ousted",
        "outmanoeuvred", "outmaneuvered", "nominated", "buried", "honoured", "honored", "praised", "criticised",
        "criticized", "blamed", "betrayed", "tortured", "interrogated",
    ]

    /// Words for people: "Bauman, a ruthless man", "Mayakovsky, a poet", "his wife, Krupskaya".
    static let personNouns: WordList = roleNouns.union([
        "man", "woman", "person", "poet", "writer", "dramatist", "novelist", "artist", "painter", "composer",
        "scientist", "historian", "economist", "philosopher", "bodyguard", "associate", "official", "supporter",
        "opponent", "rival", "wife", "husband", "son", "daughter", "brother", "sister", "friend", "colleague",
        "miner", "worker", "peasant", "soldier", "revolutionary", "politician", "diplomat", "statesman",
        "theorist", "engineer", "designer", "actor", "singer", "journalist", "ally", "protege", "protégé",
        "successor", "predecessor", "deputy", "assassin", "mother", "father", "boy", "girl", "hero", "figure",
        "murderer", "killer", "prosecutor", "victim", "defendant", "leader", "commander", "head", "chief",
    ])

    /// A word for people, singular or plural: "people", "men", "writers".
    static func isPersonNoun(_ word: String) -> Bool {
        if ["people", "men", "women", "persons", "figures", "leaders", "members"].contains(word) { return true }
        if personNouns.contains(word) { return true }
        return word.hasSuffix("s") && personNouns.contains(String(word.dropLast()))
    }

    /// A plural word for people: "people", "men", "writers", "leaders".
    static func isPeopleNoun(_ word: String) -> Bool {
        peopleNouns.contains(word) || (word.utf8.last == UInt8(ascii: "s") && personNouns.contains(String(word.dropLast())))
    }

    static let peopleNouns: WordList = ["people", "men", "women", "persons", "figures"]

    /// Occupations: what a person is, said beside their name ("Mayakovsky, a poet", "the composer Shostakovich").
    static let occupations: WordList = [
        "poet", "writer", "dramatist", "novelist", "artist", "painter", "composer", "scientist", "historian",
        "economist", "philosopher", "bodyguard", "official", "miner", "worker", "soldier", "politician", "diplomat",
        "statesman", "theorist", "engineer", "designer", "actor", "singer", "journalist", "assassin", "murderer",
        "prosecutor", "judge", "teacher", "doctor", "lawyer", "priest", "organiser", "organizer", "architect",
    ]

    /// Family words before a name: "his wife, Krupskaya", "his son Vasily".
    static let kin: WordList = ["wife", "husband", "son", "daughter", "brother", "sister", "mother", "father"]

    /// Nouns that, after a possessive name, say the name is a person's: "Lenin's testament".
    static let humanNouns: WordList = [
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

    /// Events of a person's life, before "of" and a name: "the death of Lenin", "the wife of Kalinin".
    static let personalEvents: WordList = [
        "death", "funeral", "murder", "execution", "arrest", "trial", "assassination", "exile", "expulsion",
        "downfall", "rise", "birth", "resignation", "dismissal", "removal", "bodyguard", "successor", "rival",
        "ally", "supporters", "allies", "opponents", "rivals", "enemies", "friend", "friends", "secretary",
    ]

    /// A title, allowing one wrong letter in a longer one ("prosecuter").
    static func isTitle(_ word: String) -> Bool {
        if titles.contains(word) { return true }
        // One letter wrong in a long title ("Commisar"). A word one edit from another shares its first or its last
        // letter and differs in length by at most one: checked first, as most words are neither.
        let length = word.utf8.count
        guard length >= 7 else { return false }
        let first = word.utf8.first, last = word.utf8.last
        return longTitles.contains {
            abs($0.utf8.count - length) <= 1 && ($0.utf8.first == first || $0.utf8.last == last)
                && word.isOneEditAway(from: $0)
        }
    }

    static let longTitles = titles.filter { $0.utf8.count >= 7 }

    /// Words before a name that make it a person's: "Comrade Stalin", "President Kennedy".
    static let titles: WordList = [
        "comrade", "president", "general", "marshal", "tsar", "czar", "king", "queen", "prince", "princess",
        "sir", "lord", "lady", "dr", "mr", "mrs", "ms", "professor", "prof", "emperor", "empress", "chancellor",
        "premier", "minister", "commissar", "admiral", "captain", "colonel", "saint", "pope", "bishop", "father",
        "senator", "governor", "leader", "prosecutor", "judge", "chairman", "secretary", "marshall",
    ]

    /// Last words of names of institutions: "Red Army", "Central Committee".
    static let institutionHeads: WordList = [
        "party", "army", "navy", "committee", "commission", "congress", "bureau", "union", "council",
        "inspectorate", "secretariat", "police", "government", "church", "court", "assembly", "department",
        "ministry", "organisation", "organization", "guard", "guards", "league", "federation", "association",
        "society", "company", "corporation", "bank", "institute", "university", "school", "academy", "parliament",
        "senate", "cabinet", "agency", "office", "front", "alliance", "movement", "commissariat", "soviet",
        "soviets", "tribunal", "board", "administration",
        "directorate", "service", "forces", "group", "opposition", "conference", "trial", "trials", "plan",
    ]

    /// Last words of the names of places: "Volga-Don Canal", "Red Square", "Black Sea".
    static let placeHeads: WordList = [
        "sea", "ocean", "river", "lake", "canal", "dam", "basin", "valley", "mountains", "mountain", "hills", "island",
        "islands", "coast", "bay", "gulf", "peninsula", "desert", "plain", "plains", "square", "street", "avenue",
        "road", "bridge", "border", "region", "province", "county", "district", "city", "town", "village", "port",
        "republic",
    ]

    /// A word for a place, singular or plural: "region", "provinces", "cities".
    static func isPlaceHead(_ word: String) -> Bool {
        if placeHeads.contains(word) { return true }
        // Plurals: "cities", "regions" (the last bytes looked at, not the characters).
        guard word.utf8.last == UInt8(ascii: "s") else { return false }
        if word.utf8.count >= 3, word.utf8.suffix(3).elementsEqual("ies".utf8) {
            return placeHeads.contains(String(word.dropLast(3)) + "y")
        }
        return placeHeads.contains(String(word.dropLast()))
    }

    /// Words of direction that start the names of places: "the Far East", "Western Europe", "the West".
    static let compassWords: WordList = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "far", "upper",
        "lower", "middle", "near",
    ]

    /// Words before a name that make it a place: "in Moscow", "to Siberia".
    static let placePrepositions: WordList = [
        "in", "to", "from", "at", "into", "across", "near", "via", "towards", "toward", "throughout", "outside",
        "inside", "within",
    ]

    /// Nouns that name a position a person holds: "General Secretary", "Commissar for War", "head of the army".
    static let roleNouns: WordList = [
        "secretary", "commissar", "head", "leader", "chairman", "chair", "member", "editor", "president",
        "premier", "chief", "minister", "commander", "director", "founder", "governor", "tsar", "czar", "king",
        "queen", "emperor", "chancellor", "ambassador", "general", "marshal", "prosecutor", "judge", "mayor",
        "deputy", "vice", "representative", "spokesman", "officer", "boss", "ruler", "dictator", "successor",
        "secretary-general", "general-secretary", "organiser", "organizer", "architect", "creator", "inventor",
        "discoverer", "author", "writer", "captain", "admiral", "colonel", "professor", "principal", "treasurer",
        "manager", "mayor", "councillor", "chancellor", "headmaster", "headmistress", "steward", "clerk",
    ]

    /// The first two letters of the longer role nouns: a misspelt role ("Commisar") keeps them.
    /// The role nouns of eight letters or more, which a word one letter wrong may still be ("Commisar").
    static let longRoleNouns = roleNouns.filter { $0.count >= 8 }

    static let roleNounStarts: WordList = WordList(roleNouns.filter { $0.count >= 6 }.map { String($0.prefix(2)) })

    /// Words after "was"/"became" that begin a role phrase: "was the head of", "became General Secretary".
    static let roleLeadIns: WordList = ["the", "a", "an", "made", "appointed", "named", "elected", "promoted"]

    /// Phrases that join a cause to its consequence, and which side comes first.
    static let causeMarkers: [(phrase: String, causeFirst: Bool)] = [
        (" led to ", true), (" lead to ", true), (" leads to ", true), (" leading to ", true),
        (" resulted in ", true), (" resulting in ", true), (" results in ", true), (" caused ", true),
        (", causing ", true), (" meant that ", true), (" which meant ", true), (" so that ", true),
        (", therefore ", true), ("; therefore ", true), (", so ", true), (" as a result ", true),
        (", as a result", true), (" as a result of ", false), (" because of ", false), (" because ", false),
        (" due to ", false), (" owing to ", false), (" thanks to ", false), (" contributed to ", true),
        (" helped to ", true), (" allowed him to ", true), (" allowed her to ", true), (" allowed them to ", true),
        (" enabled ", true),
    ]

    /// `causeMarkers` with each phrase's bytes, made once.
    static let causeMarkerBytes: [(phrase: [UInt8], causeFirst: Bool)] = causeMarkers.map {
        (Array($0.phrase.utf8), $0.causeFirst)
    }

    /// The words the cause markers are made of; a sentence without any has no cause to read.
    static let causeWords: WordList = [
        "led", "lead", "leads", "leading", "resulted", "resulting", "results", "result", "caused", "causing",
        "meant", "so", "therefore", "because", "due", "owing", "thanks", "contributed", "helped", "allowed",
        "enabled", "forced",
    ]

    static func mayJoinCauses(_ words: Words) -> Bool {
        if words.hasArrow { return true }
        // Each word read in place by index (a copy of a word retains its three strings).
        for k in 0..<words.count where causeWords.contains(words[k]) { return true }
        return false
    }

    /// Words that open a quotation's speaker phrase: "Trotsky called him 'a grey blur'".
    /// Words after which a phrase in quotation marks is a name for something: "the 'Great Turn'", "called
    /// 'dizzy with success'", "known as 'enemy of the people'", "a policy of 'Russification'".
    static let namingCues: WordList = [
        "the", "a", "an", "called", "named", "termed", "dubbed", "as", "term", "of", "so-called", "label", "slogan",
        "in", "declared", "labelled", "branded", "known",
    ]

    /// Words for what a named thing is: "the 'Permanent Revolution' policy".
    static let kindNouns: WordList = [
        "policy", "idea", "theory", "plan", "programme", "program", "system", "law", "movement", "campaign", "slogan",
        "doctrine", "approach", "model", "strategy", "principle", "method", "scheme", "decree", "act", "treaty", "pact",
        "view",
    ]

    /// Words for made things that can stand before their names: "the newspaper Pravda", "the film Chapaev".
    static let thingNouns = WordList(kindNouns.words.union([
        "newspaper", "paper", "journal", "magazine", "book", "novel", "film", "play", "poem", "opera", "ballet",
        "symphony", "song", "article", "pamphlet", "manifesto", "ship", "painting", "statue", "organisation",
        "organization", "party", "agency", "body", "committee", "organ",
    ]))

    /// Words after a name that say the name and the word together name one thing: "the Nazi-Soviet pact", "the
    /// Stakhanovite movement", "the Lenin cult", "the Urals-Siberian method".
    static let namedThingHeads: WordList = [
        "pact", "treaty", "movement", "campaign", "plan", "plans", "programme", "program", "model", "method", "decree",
        "doctrine", "cult", "enrolment", "enrollment", "levy", "trial", "trials", "constitution", "code", "purge",
        "purges", "crisis", "affair", "incident", "reforms", "offensive", "agreement", "accords",
    ]

    static let speechVerbs: WordList = [
        "said", "says", "called", "referred", "described", "declared", "wrote", "claimed", "stated", "announced",
        "warned", "told", "argued", "insisted", "remarked", "commented", "praised", "admitted", "proclaimed",
        "labelled", "labeled", "dubbed", "nicknamed", "named", "asked", "replied", "famously", "promised", "vowed",
        "boasted", "joked", "shouted",
    ]
}

// Small lists the patterns ask of single words, looked up by each word's key (`WordList.contains(_:)`).
extension Vocabulary {
    /// Articles: "the", "a", "an".
    static let articles: WordList = ["the", "a", "an"]
    /// "and", "or".
    static let conjunctions: WordList = ["and", "or"]
    /// "made General Secretary as …", "promoted to …".
    static let appointmentLinks: WordList = ["as", "to"]
    /// "he", "she": the person a heading is about.
    static let subjectPronouns: WordList = ["he", "she"]
    /// Words for a person later in a sentence: "he", "his", "her".
    static let personalPronouns: WordList = ["he", "his", "she", "him", "her"]
    /// What a year something lasted until follows: "until 1935", "by 1932".
    static let untilWords: WordList = ["until", "untill", "till", "by", "since"]
    /// Words before a year a sentence measures against: "higher than in 1928".
    static let comparisonWords: WordList = ["than", "compared", "amount"]
    /// "that of", "the level of": a year measured against follows.
    static let levelWords: WordList = ["that", "level", "levels"]
    /// Small words inside a name: "Commissar for Nationalities", "Head of State".
    static let nameLinks: WordList = ["of", "for"]
    /// Words that lead into examples of a kind of person: "writers such as Gorky", "two such people were Tatlin".
    static let exampleLeadIns: WordList = ["were", "was", "included", "include", "includes", "as", "like"]
    /// "was", "were".
    static let pastBe: WordList = ["was", "were"]
    /// Adverbs between "was" and its participle: "was later arrested".
    static let sequenceAdverbs: WordList = ["also", "then", "later", "eventually", "finally"]
    /// Adverbs before an appointment: "was also then made General Secretary".
    static let appointmentAdverbs: WordList = ["also", "now", "still", "briefly", "then", "later", "soon", "quickly", "eventually", "officially", "swiftly"]
    /// Verbs of an appointment.
    static let appointmentVerbs: WordList = ["made", "appointed", "named", "elected", "promoted"]
    /// Words for a post: "his position as General Secretary".
    static let postNouns: WordList = ["position", "post", "role", "job"]
    /// "position as", "position of".
    static let postLinks: WordList = ["as", "of"]
    /// "vote Trotsky out of the position of …", "removed from the post of …".
    static let oustingWords: WordList = ["out", "from"]
    /// "his", "her".
    static let possessivePronouns: WordList = ["his", "her"]
    /// Words between a name and its role: "Kalinin, the former …".
    static let articlesOrFormer: WordList = ["a", "an", "the", "former"]
    /// Words that count a name in a series: "under the first FYP".
    static let sequenceOrdinals: WordList = ["first", "second", "third", "last", "next"]
    /// "was", "is".
    static let wasIs: WordList = ["was", "is"]
    /// Words before an occupation that names no one: "by the composer", "as a poet".
    static let roleLeadWords: WordList = ["the", "a", "an", "by", "as"]
}
