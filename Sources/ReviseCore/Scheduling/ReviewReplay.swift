import Foundation

/// Review histories in, memory states out, one JSON line each: what `revise fsrs replay` reads and prints, so
/// anyone can hold Revise's scheduler against another FSRS implementation.
///
/// In: `{"card": "c1", "rating": 3, "at": "2024-05-01T09:30:00Z"}`, the reviews of each card in time order
/// (cards may be interleaved). Out, after each review: `{"card", "state", "step", "stability", "difficulty",
/// "due", "retrievability"}`, where `retrievability` is the chance of recall the model gave the card at the
/// moment of that review, before it (0 for a new card).
public struct ReviewReplay {
    public let scheduler: Scheduler
    private var cards: [String: CardSchedule] = [:]

    public init(scheduler: Scheduler) { self.scheduler = scheduler }

    public struct Review: Decodable, Sendable {
        public var card: String
        public var rating: Int
        public var at: String
    }

    public struct State: Codable, Sendable, Equatable {
        public var card: String
        public var state: String
        public var step: Int?
        public var stability: Double
        public var difficulty: Double
        public var due: String
        public var retrievability: Double

        enum CodingKeys: String, CodingKey {
            case card, state, step, stability, difficulty, due, retrievability
        }

        /// `step` is written as null in review rather than left out, so every line has the same keys.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(card, forKey: .card)
            try c.encode(state, forKey: .state)
            try c.encode(step, forKey: .step)
            try c.encode(stability, forKey: .stability)
            try c.encode(difficulty, forKey: .difficulty)
            try c.encode(due, forKey: .due)
            try c.encode(retrievability, forKey: .retrievability)
        }
    }

    /// What is wrong with an input line, and which line it is (counting from 1).
    public struct BadLine: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var problem: String
        public var description: String { "line \(line): \(problem)" }
    }

    /// The state after the review on `text`, the `number`th line of the input. Blank lines give nil.
    public mutating func read(_ text: String, line number: Int) throws(BadLine) -> State? {
        let trimmed = text.trimming([" ", "\t", "\r"])
        if trimmed.isEmpty { return nil }
        let review: Review
        do {
            review = try JSONDecoder().decode(Review.self, from: Data(trimmed.utf8))
        } catch {
            throw BadLine(line: number, problem: Self.explain(error))
        }
        guard let rating = Rating(rawValue: review.rating) else {
            throw BadLine(line: number, problem: "rating is \(review.rating); it must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
        }
        guard let time = Timestamp.parse(review.at) else {
            throw BadLine(line: number, problem: "'\(review.at)' is not an ISO-8601 time such as 2024-05-01T09:30:00Z")
        }
        let before = cards[review.card] ?? CardSchedule(due: time)
        if let last = before.lastReview, time < last {
            throw BadLine(
                line: number,
                problem: "card \(review.card) was reviewed at \(Timestamp.format(last)) already; its reviews must come in time order")
        }
        let recall = scheduler.retrievability(of: before, at: time)
        let after = scheduler.review(before, rating, at: time, chance: scheduler.fuzz ? Double.random(in: 0..<1) : 0.5)
        cards[review.card] = after
        return State(
            card: review.card, state: after.phase.rawValue, step: after.step, stability: after.stability ?? 0,
            difficulty: after.difficulty ?? 0, due: Timestamp.format(after.due), retrievability: recall)
    }

    /// One JSON line for a state, keys in a fixed order.
    public static func line(_ state: State) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(state)) ?? Data(), as: UTF8.self)
    }

    private static func explain(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            return "'\(key.stringValue)' is missing (each line is {\"card\": …, \"rating\": 1-4, \"at\": ISO-8601 time})"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let key = context.codingPath.last?.stringValue ?? "the line"
            return "'\(key)' has the wrong type (card: text, rating: a number 1-4, at: text)"
        default:
            return "not a JSON object of the form {\"card\": \"c1\", \"rating\": 3, \"at\": \"2024-05-01T09:30:00Z\"}"
        }
    }
}
