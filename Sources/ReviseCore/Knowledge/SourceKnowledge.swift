/// What one source says: its facts, its exam questions, the cards the student wrote in it and the evidence for
/// each name it uses. Sources are read one at a time (and stored that way); `KnowledgeBase` merges them.
public struct SourceKnowledge: Hashable, Sendable, Codable {
    public var source: String
    public var facts: [Fact]
    public var questions: [ExamQuestion]
    /// Cards written in the notes (`Q::A`, `{{c1::…}}`) or brought from another tool, kept as written.
    public var cards: [Card]
    public var names: [NameEvidence]

    public init(
        source: String, facts: [Fact] = [], questions: [ExamQuestion] = [], cards: [Card] = [], names: [NameEvidence] = []
    ) {
        self.source = source
        self.facts = facts
        self.questions = questions
        self.cards = cards
        self.names = names
    }
}

/// How a capitalised name is used in one source: the clues that tell a person from a place, an institution or
/// a term, and a word that merely starts a sentence from a name.
public struct NameEvidence: Hashable, Sendable, Codable {
    /// As written, without a possessive "'s": "Trotsky", "Red Army", "NEP", "K&Z".
    public var name: String
    public var count: Int = 0
    /// Times it was capitalised where a capital means a name (not at the start of a sentence or of a title).
    public var midSentence: Int = 0
    /// Times the same word was written in lower case in the source ("party" for "Party").
    public var lowercase: Int = 0
    /// Followed by a verb people do, possessive before a word for a person's things, after a title.
    public var personCues: Int = 0
    /// The stronger of those: speech and thought verbs, "Lenin's testament", "Comrade Stalin".
    public var strongPersonCues: Int = 0
    /// After "in", "to", "from"….
    public var placeCues: Int = 0
    /// After "the": groups and things ("the Kulaks", "the Politburo"), rarely people.
    public var afterThe: Int = 0
    /// After "the" and ending its phrase ("joined the Mensheviks.", "the Cheka, later the NKVD"), not a word
    /// qualifying the noun after it ("the Turksib railway", "the Red army").
    public var aloneAfterThe: Int = 0
    /// Written in a line where most words are capitalised (a title): its capital says little.
    public var inTitles: Int = 0
    /// The subject of a role fact ("Trotsky was head of the Red Army").
    public var roleSubject: Int = 0
    /// Times it was defined ("Term: meaning"), written in bold, or put in quotation marks as a short phrase:
    /// signs of a term the notes teach, written in capitals or not.
    public var defined: Int = 0
    public var emphasised: Int = 0
    public var quoted: Int = 0
    /// Names written in one list with it ("Bukharin, Rykov and Tomsky"): people are listed with people.
    public var partners: [String] = []
    /// Where it is written: the first few places.
    public var citations: [Citation] = []

    public init(name: String) { self.name = name }

    mutating func add(_ other: NameEvidence) {
        count += other.count
        midSentence += other.midSentence
        lowercase += other.lowercase
        personCues += other.personCues
        strongPersonCues += other.strongPersonCues
        placeCues += other.placeCues
        afterThe += other.afterThe
        aloneAfterThe += other.aloneAfterThe
        inTitles += other.inTitles
        roleSubject += other.roleSubject
        defined += other.defined
        emphasised += other.emphasised
        quoted += other.quoted
        for p in other.partners where !partners.contains(p) && partners.count < NameEvidence.partnerLimit {
            partners.append(p)
        }
        if citations.count < NameEvidence.citationLimit {
            citations.append(contentsOf: other.citations.prefix(NameEvidence.citationLimit - citations.count))
        }
    }

    static let citationLimit = 40
    static let partnerLimit = 24
}
