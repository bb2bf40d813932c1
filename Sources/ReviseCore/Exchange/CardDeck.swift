import Foundation

/// Cards made in another tool (an Anki package, a CSV or TSV file from Anki or Quizlet), as read, before they
/// become a source: each note's sides as the tool kept them, its deck, its tags and its review history.
public struct CardDeck: Hashable, Sendable {
    public var title: String
    public var notes: [Note]
    /// Files the cards show (images, sounds), by the name the cards use.
    public var media: [String: [UInt8]]
    /// The sides are HTML (Anki's fields, a text file with `#html:true`), not plain text.
    public var isHTML: Bool
    /// What kind of file the cards came in: an Anki package or a CSV/TSV table.
    public var format: SourceFormat

    public init(
        title: String, notes: [Note] = [], media: [String: [UInt8]] = [:], isHTML: Bool = false,
        format: SourceFormat = .ankiPackage
    ) {
        self.title = title
        self.notes = notes
        self.media = media
        self.isHTML = isHTML
        self.format = format
    }

    public struct Note: Hashable, Sendable {
        public enum Shape: String, Hashable, Sendable {
            /// Front, then back.
            case basic
            /// Asked both ways: front → back and back → front.
            case bothWays
            /// `front` holds `{{c1::…}}` marks; `back` is the extra text shown with the answer.
            case cloze
        }

        public var shape: Shape
        /// As the tool kept it: for Anki, the field's HTML; for a CSV file, the cell.
        public var front: String
        public var back: String
        /// The deck it sits in, outermost first: ["French", "Verbs"]. Empty for the deck's top level.
        public var deck: [String]
        public var tags: [String]
        /// Where it is: the first line of its row in a CSV file, its place (from 1) in an Anki package.
        public var line: Int
        public var reviews: [Review]
        /// The note's cards as JSON, when Revise exported it (the hidden "Revise" field of its note types): they
        /// come back exactly, kinds, ids and sources and all.
        public var revise: String?

        public init(
            shape: Shape, front: String, back: String, deck: [String] = [], tags: [String] = [], line: Int,
            reviews: [Review] = [], revise: String? = nil
        ) {
            self.shape = shape
            self.front = front
            self.back = back
            self.deck = deck
            self.tags = tags
            self.line = line
            self.reviews = reviews
            self.revise = revise
        }
    }

    /// One rating of one of a note's cards.
    public struct Review: Hashable, Sendable {
        /// Which card of the note: 0 for front → back (or the first cloze), 1 for back → front (or the second
        /// cloze number), and so on.
        public var card: Int
        public var rating: Rating
        public var at: Date

        public init(card: Int, rating: Rating, at: Date) {
            self.card = card
            self.rating = rating
            self.at = at
        }
    }
}
