import Foundation
import TestSupport
import Testing

@testable import ReviseCore

/// The scheduler against py-fsrs 6.3: every history in `Tests/Fixtures/fsrs/vectors.jsonl` (written by
/// `bench/fsrs_vectors.py`) replayed, and the model's properties checked on random histories.
struct SchedulerTests {
    struct Vector: Decodable {
        struct Settings: Decodable {
            var parameters: [Double]
            var desired_retention: Double
            var learning_steps: [Double]
            var relearning_steps: [Double]
            var maximum_interval: Int
        }
        struct Review: Decodable {
            var rating: Int
            var at: String
        }
        struct After: Decodable {
            var state: String
            var step: Int?
            var stability: Double
            var difficulty: Double
            var due: String
            var due_epoch: Double
            var retrievability: Double
        }
        var id: Int
        var settings: Settings
        var reviews: [Review]
        var after: [After]
    }

    static func vectors() throws -> [Vector] {
        let text = String(decoding: try Fixtures.fixture("fsrs/vectors.jsonl"), as: UTF8.self)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Vector.self, from: Data($0.utf8)) }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12) }

    @Test func everyReferenceHistoryReplaysTheSame() throws {
        let vectors = try Self.vectors()
        #expect(vectors.count >= 300)
        var reviews = 0
        var exact = 0
        for v in vectors {
            let scheduler = try Scheduler(
                parameters: FSRSParameters(v.settings.parameters), desiredRetention: v.settings.desired_retention,
                learningSteps: v.settings.learning_steps, relearningSteps: v.settings.relearning_steps,
                maximumInterval: v.settings.maximum_interval, fuzz: false)
            var card = CardSchedule(due: try #require(Timestamp.parse(v.reviews[0].at)))
            for (k, (review, expected)) in zip(v.reviews, v.after).enumerated() {
                let time = try #require(Timestamp.parse(review.at))
                let recall = scheduler.retrievability(of: card, at: time)
                card = scheduler.review(card, try #require(Rating(rawValue: review.rating)), at: time)
                reviews += 1
                let where_ = "history \(v.id), review \(k + 1)"
                #expect(card.phase.rawValue == expected.state, "\(where_): state")
                #expect(card.step == expected.step, "\(where_): step")
                #expect(Self.close(card.stability!, expected.stability), "\(where_): stability \(card.stability!) ≠ \(expected.stability)")
                #expect(Self.close(card.difficulty!, expected.difficulty), "\(where_): difficulty \(card.difficulty!) ≠ \(expected.difficulty)")
                #expect(abs(card.due.timeIntervalSince1970 - expected.due_epoch) < 1, "\(where_): due \(card.due) ≠ \(expected.due)")
                #expect(Self.close(recall, expected.retrievability), "\(where_): retrievability")
                if card.stability == expected.stability, card.difficulty == expected.difficulty { exact += 1 }
            }
        }
        print("FSRS vectors: \(vectors.count) histories, \(reviews) reviews, \(exact) bit-identical in stability and difficulty")
    }

    /// A seeded generator, so a failing property names a history that can be run again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random review histories: `count` cards, each reviewed up to 20 times at random gaps with random ratings.
    static func histories(_ count: Int, seed: UInt64) -> [(Scheduler, CardSchedule, Date)] {
        var rng = SplitMix(state: seed)
        var result: [(Scheduler, CardSchedule, Date)] = []
        for _ in 0..<count {
            let retention = [0.8, 0.85, 0.9, 0.95].randomElement(using: &rng)!
            let scheduler = try! Scheduler(desiredRetention: retention, fuzz: false)
            var time = Date(timeIntervalSince1970: 1_700_000_000)
            var card = CardSchedule(due: time)
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                time += [Double.random(in: 1...3600, using: &rng), Double.random(in: 1...(86400 * 400), using: &rng)]
                    .randomElement(using: &rng)!
                card = scheduler.review(card, Rating.allCases.randomElement(using: &rng)!, at: time)
            }
            result.append((scheduler, card, time))
        }
        return result
    }

    @Test func ratingsOrderIntervals() {
        for (scheduler, card, time) in Self.histories(300, seed: 1) {
            let later = time + 86400 * Double(Int.random(in: 0...30))
            let dues = Rating.allCases.map { scheduler.review(card, $0, at: later).due }
            // Again ≤ hard ≤ good ≤ easy, and again < easy: a better answer never brings the card back sooner.
            #expect(dues[0] <= dues[1] && dues[1] <= dues[2] && dues[2] <= dues[3], "\(card) at \(later): \(dues)")
            #expect(dues[0] < dues[3], "\(card): again and easy give the same due time")
        }
    }

    @Test func stabilityIsPositiveAndDifficultyStaysInRange() {
        for (scheduler, card, time) in Self.histories(300, seed: 2) {
            for rating in Rating.allCases {
                let next = scheduler.review(card, rating, at: time + 60)
                #expect(next.stability! > 0)
                #expect(next.difficulty! >= 1 && next.difficulty! <= 10)
                #expect(next.due > time)
            }
        }
    }

    @Test func retrievabilityFallsWithTime() {
        for (scheduler, card, time) in Self.histories(200, seed: 3) where !card.isNew {
            var last = 1.0
            for day in stride(from: 0, through: 3650, by: 10) {
                let r = scheduler.retrievability(of: card, at: time + Double(day) * 86400)
                #expect(r <= last && r > 0 && r <= 1)
                last = r
            }
        }
    }

    @Test func fuzzStaysNearTheInterval() throws {
        let plain = try Scheduler(fuzz: false)
        let fuzzy = try Scheduler(fuzz: true)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var card = plain.review(CardSchedule(due: start), .easy, at: start)
        card = plain.review(card, .good, at: card.due)
        let exact = plain.review(card, .good, at: card.due).due.timeIntervalSince(card.due) / 86400
        for chance in stride(from: 0.0, to: 1.0, by: 0.05) {
            let days = fuzzy.review(card, .good, at: card.due, chance: chance).due.timeIntervalSince(card.due) / 86400
            #expect(days >= 2 && abs(days - exact) <= max(2, exact * 0.1), "\(days) days against \(exact)")
        }
    }

    @Test func badSettingsAreRefusedWithTheReason() {
        #expect(throws: FSRSParameters.Invalid.self) { try FSRSParameters([1, 2, 3]) }
        #expect(throws: FSRSParameters.Invalid.self) { try FSRSParameters(parsing: "0.2, x") }
        var weights = FSRSParameters.defaultWeights
        weights[4] = 50
        #expect(throws: FSRSParameters.Invalid(description: "parameter 5 is 50.0, outside 1.0…10.0")) {
            try FSRSParameters(weights)
        }
        #expect(throws: Scheduler.Invalid.self) { try Scheduler(desiredRetention: 1.2) }
        #expect(throws: Scheduler.Invalid.self) { try Scheduler(learningSteps: [-60]) }
    }

    @Test func timestampsReadAndWriteExactly() throws {
        let t = try #require(Timestamp.parse("2024-02-29T23:59:59Z"))
        #expect(t.timeIntervalSince1970 == 1_709_251_199)
        #expect(Timestamp.format(t) == "2024-02-29T23:59:59Z")
        #expect(Timestamp.parse("2024-03-01T01:00:00+01:00") == Timestamp.parse("2024-03-01T00:00:00Z"))
        #expect(Timestamp.format(Date(timeIntervalSince1970: 90.5)) == "1970-01-01T00:01:30.500000Z")
        for bad in ["2024-02-30T00:00:00Z", "yesterday", "2024-01-01", "2024-01-01T25:00:00Z", "2024-01-01T10:00:00"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func replayReadsLinesAndNamesTheBadOne() throws {
        var replay = ReviewReplay(scheduler: try Scheduler(fuzz: false))
        let first = try #require(try replay.read(#"{"card": "a", "rating": 3, "at": "2024-01-01T00:00:00Z"}"#, line: 1))
        #expect(first.state == "learning" && first.step == 1 && first.retrievability == 0)
        #expect(try replay.read("   ", line: 2) == nil)
        #expect(throws: ReviewReplay.BadLine.self) { try replay.read(#"{"card": "a", "rating": 5, "at": "2024-01-02T00:00:00Z"}"#, line: 3) }
        #expect(throws: ReviewReplay.BadLine.self) { try replay.read(#"{"card": "a", "rating": 3, "at": "2023-01-02T00:00:00Z"}"#, line: 4) }
        do {
            _ = try replay.read(#"{"card": "a", "at": "2024-01-02T00:00:00Z"}"#, line: 7)
            Issue.record("a line without a rating was read")
        } catch {
            #expect(error.line == 7 && error.problem.contains("'rating' is missing"))
        }
    }
}
