/// Something to recall: a prompt, its answer, where it came from and what it is about.
public struct Card: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A question and its answer.
        case basic
        /// A term and its meaning, asked both ways (two cards).
        case reverse
        /// A sentence of the notes with a key date, number, name or term blanked.
        case cloze
        /// "In which year…?"
        case date
        /// "Who was…?", "Who said…?"
        case who
        /// A question with four choices, one of them right.
        case choice
        /// Put events of one topic in time order.
        case ordering
        /// An exam question from the notes: recall the factors and a judgement.
        case exam
    }

    /// Stable across re-imports: made from the card's kind and what it asks, not from where it stands.
    public var id: String
    public var kind: Kind
    public var prompt: String
    public var answer: String
    /// For choice cards: the four options, the right one among them.
    public var choices: [String]
    /// For ordering cards: the items in the right order (the prompt lists them shuffled).
    public var order: [String]
    /// Something the student should know with the answer: "sources disagree: 6 million (file:line), …".
    public var note: String?
    /// The section path the card's fact sits under.
    public var topic: [String]
    public var citations: [Citation]
    /// Tags a card brought from another tool (an Anki note's tags).
    public var tags: [String]

    public init(
        id: String, kind: Kind, prompt: String, answer: String, choices: [String] = [], order: [String] = [],
        note: String? = nil, topic: [String] = [], citations: [Citation], tags: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.answer = answer
        self.choices = choices
        self.order = order
        self.note = note
        self.topic = topic
        self.citations = citations
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, prompt, answer, choices, order, note, topic, citations, tags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        prompt = try c.decode(String.self, forKey: .prompt)
        answer = try c.decode(String.self, forKey: .answer)
        choices = try c.decodeIfPresent([String].self, forKey: .choices) ?? []
        order = try c.decodeIfPresent([String].self, forKey: .order) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
        topic = try c.decodeIfPresent([String].self, forKey: .topic) ?? []
        citations = try c.decodeIfPresent([Citation].self, forKey: .citations) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    /// A stable id: the kind and the normalised prompt and answer, hashed. Re-reading the same notes gives the same
    /// ids; editing one file changes only the cards whose words changed.
    public static func id(kind: Kind, prompt: String, answer: String) -> String {
        let key = kind.rawValue + "\u{1F}" + normalised(prompt) + "\u{1F}" + normalised(answer)
        return "c" + String(ContentHash.hex(Array(key.utf8)).prefix(12))
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
