import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How well a card was remembered, as the student rates it.
public enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    case again = 1, hard, good, easy

    public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }
}

/// Where a card stands with the scheduler: new and learning (short steps), in review (days apart), or
/// relearning after a lapse.
public enum StudyPhase: String, Sendable, Codable, CaseIterable {
    case learning, review, relearning
}

/// A card's memory and schedule: what FSRS knows of it after its reviews so far.
public struct CardSchedule: Hashable, Sendable, Codable {
    public var phase: StudyPhase = .learning
    /// The learning or relearning step the card is on; nil in review.
    public var step: Int? = 0
    /// Days for the chance of recall to fall to 90%; nil before the first review.
    public var stability: Double?
    /// 1 (easy) to 10 (hard); nil before the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    /// A new card, due at once.
    public init(due: Date) { self.due = due }

    public init(phase: StudyPhase, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    public var isNew: Bool { lastReview == nil }
}

/// The FSRS-6 scheduler: the memory model (stability, difficulty, retrievability) and the rules that turn it into
/// due dates, with learning and relearning steps. It behaves like py-fsrs 6.3 for the same history and settings:
/// the same formulas in the same order of operations, `pow(e, x)` where it writes `math.e ** x`, intervals
/// rounded half to even, elapsed time counted in whole 24-hour periods, and no cap on stability.
///
/// Time and chance come in as arguments: `review` is a pure function of the card, the rating, the time and
/// (when fuzz is on) a number in [0, 1).
public struct Scheduler: Hashable, Sendable {
    public var parameters: FSRSParameters
    /// The chance of recall a review is planned for.
    public var desiredRetention: Double
    /// Seconds.
    public var learningSteps: [Double]
    public var relearningSteps: [Double]
    /// Days.
    public var maximumInterval: Int
    /// Spread review intervals a little so cards learnt together do not stay together.
    public var fuzz: Bool

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public init(
        parameters: FSRSParameters = .default, desiredRetention: Double = 0.9, learningSteps: [Double] = [60, 600],
        relearningSteps: [Double] = [600], maximumInterval: Int = 36500, fuzz: Bool = true
    ) throws {
        guard desiredRetention > 0, desiredRetention < 1 else {
            throw Invalid(description: "desired retention must be between 0 and 1 (not included), got \(desiredRetention)")
        }
        guard maximumInterval >= 1 else {
            throw Invalid(description: "the maximum interval must be at least 1 day, got \(maximumInterval)")
        }
        for step in learningSteps + relearningSteps where !(step > 0 && step.isFinite) {
            throw Invalid(description: "learning and relearning steps must be positive, got \(step) s")
        }
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.fuzz = fuzz
        decay = parameters.decay
        factor = parameters.factor
        // Terms that depend on the settings alone, computed once with the same expressions (so the same bits).
        let w = parameters.weights
        intervalFactor = pow(desiredRetention, 1 / parameters.decay) - 1
        easyDifficulty = w[4] - pow(M_E, w[5] * Double(4 - 1)) + 1
        recallBase = pow(M_E, w[8])
        forgetShortTerm = pow(M_E, w[17] * w[18])
        shortTermBase = (1...4).map { r in pow(M_E, w[17] * (Double(r - 3) + w[18])) }
    }

    private let decay: Double
    private let factor: Double
    private let intervalFactor: Double
    private let easyDifficulty: Double
    private let recallBase: Double
    private let forgetShortTerm: Double
    private let shortTermBase: [Double]

    // MARK: Reviewing

    /// The card after a review with `rating` at `time`. `chance` is drawn in [0, 1) for fuzz; it is read only when
    /// fuzz is on and the interval is long enough to spread.
    public func review(_ card: CardSchedule, _ rating: Rating, at time: Date, chance: Double = 0.5) -> CardSchedule {
        var card = card
        let days = card.lastReview.map { Self.wholeDays(from: $0, to: time) }
        let r = rating.rawValue
        var interval: Double  // seconds

        switch card.phase {
        case .learning, .relearning:
            let steps = card.phase == .learning ? learningSteps : relearningSteps
            if card.phase == .learning, card.stability == nil || card.difficulty == nil {
                card.stability = initialStability(r)
                card.difficulty = clampDifficulty(initialDifficulty(r))
            } else if let d = days, d < 1 {
                card.stability = shortTermStability(card.stability!, r)
                card.difficulty = nextDifficulty(card.difficulty!, r)
            } else {
                card.stability = nextStability(
                    difficulty: card.difficulty!, stability: card.stability!,
                    retrievability: retrievability(of: card, at: time), r)
                card.difficulty = nextDifficulty(card.difficulty!, r)
            }
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&card)
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0, steps.count == 1 {
                        interval = Self.microseconds(steps[0] * 1.5)
                    } else if step == 0 {
                        interval = Self.microseconds((steps[0] + steps[1]) / 2)
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        interval = graduate(&card)
                    } else {
                        card.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&card)
                }
            }
        case .review:
            if let d = days, d < 1 {
                card.stability = shortTermStability(card.stability!, r)
            } else {
                card.stability = nextStability(
                    difficulty: card.difficulty!, stability: card.stability!,
                    retrievability: retrievability(of: card, at: time), r)
            }
            card.difficulty = nextDifficulty(card.difficulty!, r)
            if rating == .again, !relearningSteps.isEmpty {
                card.phase = .relearning
                card.step = 0
                interval = relearningSteps[0]
            } else {
                interval = Double(nextInterval(card.stability!)) * 86400
            }
        }
        if fuzz, card.phase == .review { interval = fuzzed(interval, chance: chance) }
        card.due = time.addingTimeInterval(interval)
        card.lastReview = time
        return card
    }

    /// The card goes to review: its next interval in seconds.
    private func graduate(_ card: inout CardSchedule) -> Double {
        card.phase = .review
        card.step = nil
        return Double(nextInterval(card.stability!)) * 86400
    }

    /// The chance the card is recalled at `time`: 0 before its first review.
    public func retrievability(of card: CardSchedule, at time: Date) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        let elapsed = max(0, Self.wholeDays(from: last, to: time))
        return pow(1 + factor * Double(elapsed) / s, decay)
    }

    /// A card's whole history replayed from new.
    public func replay(_ reviews: [(Rating, Date)], from start: CardSchedule) -> CardSchedule {
        reviews.reduce(start) { review($0, $1.0, at: $1.1) }
    }

    // MARK: The model

    static func wholeDays(from a: Date, to b: Date) -> Int {
        Int((b.timeIntervalSince(a) / 86400).rounded(.down))
    }

    /// A duration as Python's timedelta keeps it: whole microseconds.
    static func microseconds(_ seconds: Double) -> Double { (seconds * 1e6).rounded(.toNearestOrEven) / 1e6 }

    private static let e = M_E
    private static let minimumStability = 0.001

    private func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }
    private func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    private func initialStability(_ r: Int) -> Double { clampStability(parameters[r - 1]) }

    private func initialDifficulty(_ r: Int) -> Double {
        parameters[4] - pow(Self.e, parameters[5] * Double(r - 1)) + 1
    }

    /// Days until the chance of recall falls to the desired retention: rounded half to even, 1 … maximum.
    func nextInterval(_ stability: Double) -> Int {
        let raw = (stability / factor) * intervalFactor
        let days = raw.rounded(.toNearestOrEven)
        guard days.isFinite else { return maximumInterval }
        return min(max(Int(days), 1), maximumInterval)
    }

    private func shortTermStability(_ s: Double, _ r: Int) -> Double {
        var increase = shortTermBase[r - 1] * pow(s, -parameters[19])
        if r >= 2 { increase = max(increase, 1.0) }
        return clampStability(s * increase)
    }

    private func nextDifficulty(_ d: Double, _ r: Int) -> Double {
        let easy = easyDifficulty
        let delta = -(parameters[6] * Double(r - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        return clampDifficulty(parameters[7] * easy + (1 - parameters[7]) * damped)
    }

    private func nextStability(difficulty d: Double, stability s: Double, retrievability rr: Double, _ r: Int) -> Double {
        let next: Double
        if r == 1 {
            let longTerm = parameters[11] * pow(d, -parameters[12]) * (pow(s + 1, parameters[13]) - 1)
                * pow(Self.e, (1 - rr) * parameters[14])
            let shortTerm = s / forgetShortTerm
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = r == 2 ? parameters[15] : 1
            let easyBonus = r == 4 ? parameters[16] : 1
            next = s * (1 + recallBase * (11 - d) * pow(s, -parameters[9])
                * (pow(Self.e, (1 - rr) * parameters[10]) - 1) * hardPenalty * easyBonus)
        }
        return clampStability(next)
    }

    // MARK: Fuzz

    /// An interval of 3 days or more moved by a few percent, the way py-fsrs and Anki spread them.
    private func fuzzed(_ seconds: Double, chance: Double) -> Double {
        let days = Int((seconds / 86400).rounded(.down))
        guard Double(days) >= 2.5 else { return seconds }
        var delta = 1.0
        for (start, end, f) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += f * max(min(Double(days), end) - start, 0)
        }
        var low = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var high = Int((Double(days) + delta).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, maximumInterval)
        low = min(low, high)
        let drawn = (chance * Double(high - low + 1) + Double(low)).rounded(.toNearestOrEven)
        return Double(min(Int(drawn), maximumInterval)) * 86400
    }
}
