/// One node of an outline: a section, a bullet, a paragraph, an exam question or an authored card.
///
/// Outlines are stored flat, in document order, with a `depth`: a parent is the nearest earlier node of smaller
/// depth. A flat list keeps 10,000-deep notes safe from recursion and maps straight onto database rows.
public struct OutlineNode: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A heading, a card title or a chapter; `level` is 1 for the outermost.
        case section
        /// A bullet or a short line of a list.
        case item
        /// Prose: a paragraph of an essay or a long note.
        case paragraph
        /// An exam question, with its `marks` when the notes give them.
        case question
        /// A card the student wrote: `text` is the front, `answer` the back.
        case card
        /// A cloze sentence: `text` without the marks, `clozes` the hidden parts in order.
        case cloze
    }

    public var kind: Kind
    public var depth: Int
    /// The text as a reader would see it: markup stripped, entities decoded, whitespace collapsed.
    public var text: String
    /// The lines this node and everything under it occupy in the original file.
    public var span: Span
    /// For sections: 1 for the outermost heading, growing inwards.
    public var level: Int?
    /// A lead-in such as "Term:" or a bold "**General Secretary:**", without its punctuation.
    public var label: String?
    /// Phrases the notes emphasised (bold): a hint for what matters.
    public var emphasis: [String]
    /// For questions: the marks, as in "(6)", "（6）" or "[40]".
    public var marks: Int?
    /// For cards: the back. For clozes: the sentence as written, with its `{{c1::…}}` marks.
    public var answer: String?
    /// For cards written `Q:::A`: the card is meant to be asked both ways.
    public var bothWays: Bool
    /// For clozes: the hidden parts, in order.
    public var clozes: [String]
    /// For cards and clozes from another tool: the note's tags.
    public var tags: [String]
    /// For a note from another tool that knows the cards it stands for (one Revise exported): those cards,
    /// exactly as they were. Empty when the cards are to be read from `text` and `answer`.
    public var cards: [Card]

    public init(
        kind: Kind, depth: Int = 0, text: String, span: Span, level: Int? = nil, label: String? = nil,
        emphasis: [String] = [], marks: Int? = nil, answer: String? = nil, bothWays: Bool = false,
        clozes: [String] = [], tags: [String] = [], cards: [Card] = []
    ) {
        self.kind = kind
        self.depth = depth
        self.text = text
        self.span = span
        self.level = level
        self.label = label
        self.emphasis = emphasis
        self.marks = marks
        self.answer = answer
        self.bothWays = bothWays
        self.clozes = clozes
        self.tags = tags
        self.cards = cards
    }

    enum CodingKeys: String, CodingKey {
        case kind, depth, text, span, level, label, emphasis, marks, answer, bothWays, clozes, tags, cards
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        depth = try c.decode(Int.self, forKey: .depth)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(Span.self, forKey: .span)
        level = try c.decodeIfPresent(Int.self, forKey: .level)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        emphasis = try c.decodeIfPresent([String].self, forKey: .emphasis) ?? []
        marks = try c.decodeIfPresent(Int.self, forKey: .marks)
        answer = try c.decodeIfPresent(String.self, forKey: .answer)
        bothWays = try c.decodeIfPresent(Bool.self, forKey: .bothWays) ?? false
        clozes = try c.decodeIfPresent([String].self, forKey: .clozes) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        cards = try c.decodeIfPresent([Card].self, forKey: .cards) ?? []
    }

    /// Empty and default fields are left out, so the JSON a user reads stays short.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(depth, forKey: .depth)
        try c.encode(text, forKey: .text)
        try c.encode(span, forKey: .span)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(label, forKey: .label)
        if !emphasis.isEmpty { try c.encode(emphasis, forKey: .emphasis) }
        try c.encodeIfPresent(marks, forKey: .marks)
        try c.encodeIfPresent(answer, forKey: .answer)
        if bothWays { try c.encode(bothWays, forKey: .bothWays) }
        if !clozes.isEmpty { try c.encode(clozes, forKey: .clozes) }
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        if !cards.isEmpty { try c.encode(cards, forKey: .cards) }
    }
}
