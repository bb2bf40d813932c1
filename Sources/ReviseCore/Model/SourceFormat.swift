/// The shape of a note file, detected from its text (or, for cards from another tool, from its name).
public enum SourceFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// Markdown or GitBook pages: front matter, `#` headings, nested lists.
    case markdown
    /// Exported revision-card sets: cards closed by "N of M" lines, site boilerplate around them.
    case cardSet = "card-set"
    /// Essay plans and essays with exam questions, often hard-wrapped from a PDF.
    case essay
    /// Plain-text outlines: "Heading:" lines, bullets, "Term: meaning" lines, paragraphs.
    case outline
    /// Flashcard lists: "Question? Answer", "Term / meaning", `Q::A`, `{{c1::…}}`, alternating lines.
    case flashcards
    /// An Anki package (`.apkg`): notes, decks, tags and review history.
    case ankiPackage = "anki-package"
    /// Flashcards in a CSV or TSV file, as Anki and Quizlet export them.
    case cardTable = "card-table"

    public var displayName: String {
        switch self {
        case .markdown: "Markdown"
        case .cardSet: "revision-card set"
        case .essay: "essay plans"
        case .outline: "plain-text outline"
        case .flashcards: "flashcard list"
        case .ankiPackage: "Anki package"
        case .cardTable: "card table"
        }
    }
}
