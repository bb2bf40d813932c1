/// A person, organisation, place or term the notes speak of, with the other ways they write it.
public struct Entity: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case person, organisation, place, term
    }

    public var kind: Kind
    /// The name used most often in the notes.
    public var name: String
    /// Other spellings, misspellings, abbreviations and full names that mean the same.
    public var aliases: [String]
    /// For people: the positions they held, from the role facts. For terms: the clearest definition.
    public var summary: String?
    /// Where the notes mention it.
    public var citations: [Citation]

    public init(kind: Kind, name: String, aliases: [String] = [], summary: String? = nil, citations: [Citation] = []) {
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.citations = citations
    }
}
