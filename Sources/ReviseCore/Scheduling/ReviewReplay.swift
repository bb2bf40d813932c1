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

    /// Every review read, in order, by card number (the order cards first appeared), when `keepsHistory` is on:
    /// enough to replay the whole input again without reading it.
    public private(set) var history: [(card: Int, rating: Rating, at: Date)] = []
    public private(set) var cardCount = 0
    private var numbers: [String: Int] = [:]
    private let keepsHistory: Bool

    public init(scheduler: Scheduler, keepsHistory: Bool = false) {
        self.scheduler = scheduler
        self.keepsHistory = keepsHistory
    }

    /// The whole recorded history through the scheduler again, from new cards: the scheduling work alone.
    public func rerun() -> [CardSchedule] {
        var cards = [CardSchedule?](repeating: nil, count: cardCount)
        for (card, rating, time) in history {
            cards[card] = scheduler.review(cards[card] ?? CardSchedule(due: time), rating, at: time)
        }
        return cards.compactMap { $0 }
    }

    public struct Review: Sendable {
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
        let review = try Self.review(trimmed, line: number)
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
        if keepsHistory {
            let n = numbers[review.card] ?? cardCount
            if n == cardCount {
                numbers[review.card] = n
                cardCount += 1
            }
            history.append((n, rating, time))
        }
        return State(
            card: review.card, state: after.phase.rawValue, step: after.step, stability: after.stability ?? 0,
            difficulty: after.difficulty ?? 0, due: Timestamp.format(after.due), retrievability: recall)
    }

    static let shape = "each line is {\"card\": \"c1\", \"rating\": 1-4, \"at\": \"2024-05-01T09:30:00Z\"}"

    /// The review on one line: its three keys, with the right types.
    static func review(_ text: String, line number: Int) throws(BadLine) -> Review {
        let fields: [(String, FlatJSON.Value)]
        do {
            fields = try FlatJSON.object(text)
        } catch {
            throw BadLine(line: number, problem: "not a JSON object (\(error.problem)); \(shape)")
        }
        var card: String?
        var rating: Int?
        var at: String?
        for (key, value) in fields {
            switch (key, value) {
            case ("card", .string(let s)): card = s
            case ("card", .number(let n)): card = FlatJSON.number(n)
            case ("rating", .number(let n)) where n == n.rounded() && abs(n) < 1e9: rating = Int(n)
            case ("at", .string(let s)): at = s
            case ("card", _), ("rating", _), ("at", _):
                throw BadLine(line: number, problem: "'\(key)' has the wrong type (card: text, rating: a whole number 1-4, at: text)")
            default: continue
            }
        }
        for (name, present) in [("card", card != nil), ("rating", rating != nil), ("at", at != nil)] where !present {
            throw BadLine(line: number, problem: "'\(name)' is missing; \(shape)")
        }
        return Review(card: card!, rating: rating!, at: at!)
    }

    /// One JSON line for a state, keys in a fixed order.
    public static func line(_ state: State) -> String {
        var out = "{\"card\":" + FlatJSON.quoted(state.card)
        out += ",\"difficulty\":" + FlatJSON.number(state.difficulty)
        out += ",\"due\":\"" + state.due + "\""
        out += ",\"retrievability\":" + FlatJSON.number(state.retrievability)
        out += ",\"stability\":" + FlatJSON.number(state.stability)
        out += ",\"state\":\"" + state.state + "\""
        out += ",\"step\":" + (state.step.map(String.init) ?? "null")
        return out + "}"
    }
}
