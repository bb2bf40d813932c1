/// One atomic piece of knowledge from the notes, with where it was read.
public struct Fact: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Something that happened, with its date.
        case event
        /// A person holding a position: `subject` the person, `detail` the position.
        case role
        /// A term and its meaning: `subject` the term, `detail` the meaning.
        case definition
        /// A number about something: `detail` the number as written, `quantity` its value.
        case statistic
        /// Words someone said or wrote: `detail` the words, `subject` the speaker when known.
        case quote
        /// A cause and what it led to: `subject` the cause, `detail` the consequence, `items` the whole chain.
        case cause
        /// A heading and its points: `subject` the heading, `items` the points.
        case list
    }

    public var kind: Kind
    /// The statement as the notes made it, cleaned: what a reader sees.
    public var text: String
    /// Who or what the fact is about (see each kind).
    public var subject: String?
    /// The other half of the fact (see each kind).
    public var detail: String?
    public var when: When?
    public var quantity: Quantity?
    public var items: [String]
    /// The section path in the notes: the topic it belongs to.
    public var topic: [String]
    /// Names of the entities the fact mentions, as written in the notes.
    public var mentions: [String]
    public var citations: [Citation]

    public init(
        kind: Kind, text: String, subject: String? = nil, detail: String? = nil, when: When? = nil,
        quantity: Quantity? = nil, items: [String] = [], topic: [String] = [], mentions: [String] = [],
        citations: [Citation]
    ) {
        self.kind = kind
        self.text = text
        self.subject = subject
        self.detail = detail
        self.when = when
        self.quantity = quantity
        self.items = items
        self.topic = topic
        self.mentions = mentions
        self.citations = citations
    }
}

/// A number as notes give it: "10 million", "700,000", "80%", "from 67 to 48 million".
public struct Quantity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var value: Double
    /// For changes ("from 67 to 48 million"): the value it ended at.
    public var endValue: Double?
    /// For ranges ("10 to 15 million", "5-6%"): the top of the range; `value` is its bottom.
    public var high: Double?
    /// "%", "tonnes", "people"…: the word after the number, when there is one.
    public var unit: String?
    /// The words as written.
    public var text: String

    public init(value: Double, endValue: Double? = nil, high: Double? = nil, unit: String? = nil, text: String) {
        self.value = value
        self.endValue = endValue
        self.high = high
        self.unit = unit
        self.text = text
    }

    public var description: String { text }

    /// The size of a change rather than a level: "by 4 million" after "dropped", "by one third" after "rose".
    public var isChange: Bool { text.utf8.count > 3 && text.lowercased().hasPrefix("by ") }

    /// How much the thing measured went up or down: the value of "dropped by 4 million", the distance between
    /// the ends of "from 84 to 68 million"; nil for a level.
    public var changeSize: Double? {
        if isChange { return value }
        if let endValue { return abs(endValue - value) }
        return nil
    }
}
