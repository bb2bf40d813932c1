import Benchmark
import Foundation
import ReviseCore
import ReviseStore

/// 50,000 cards reviewed 20 times each, a day to forty days apart, ratings mostly "good": the same shape as
/// bench/fsrs_speed.sh gives py-fsrs and fsrs-rs.
struct Histories {
    var reviews: [(card: Int, rating: Rating, at: Date)] = []
    var cards = 50_000

    init() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        reviews.reserveCapacity(cards * 20)
        for card in 0..<cards {
            var time = 1_704_067_200 + Double(next() % (86400 * 30))
            for _ in 0..<20 {
                let roll = next() % 10
                let rating: Rating = roll == 0 ? .again : roll == 1 ? .hard : roll < 8 ? .good : .easy
                reviews.append((card, rating, Date(timeIntervalSince1970: time)))
                time += Double(86400 * (1 + next() % 40) + next() % 3600)
            }
        }
    }
}

nonisolated(unsafe) let histories = Histories()

/// A store of 100,000 cards: 60,000 studied at some time over the last year (due from last month to next year), the
/// rest new.
nonisolated(unsafe) let bigStore: (ReviseStore, Date) = {
    let path = NSTemporaryDirectory() + "revise-bench-queue.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try! ReviseStore(path: path)
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let citation = Citation(source: "bench.txt", span: Span(1, 1))
    let cards = (0..<100_000).map { k in
        Card(id: "card\(k)", kind: .basic, prompt: "Question number \(k)?", answer: "Answer \(k)", topic: ["Topic \(k % 50)"], citations: [citation])
    }
    try! store.syncCards(cards, at: start)
    let scheduler = try! Scheduler(fuzz: false)
    for k in 0..<60_000 {
        let time = start.addingTimeInterval(Double(k % 365) * 86400)
        _ = try! store.review(card: "card\(k)", rating: [.again, .good, .good, .easy][k % 4], at: time, scheduler: scheduler)
    }
    return (store, start.addingTimeInterval(366 * 86400))
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(20))

    Benchmark("Replay 1,000,000 reviews through the FSRS-6 scheduler", configuration: .init(maxIterations: 10)) { benchmark in
        let scheduler = try! Scheduler(fuzz: false)
        for _ in benchmark.scaledIterations {
            var cards = [CardSchedule?](repeating: nil, count: histories.cards)
            for (card, rating, time) in histories.reviews {
                cards[card] = scheduler.review(cards[card] ?? CardSchedule(due: time), rating, at: time)
            }
            blackHole(cards)
        }
    }

    Benchmark("Build today's study queue over 100,000 cards", configuration: .init(maxIterations: 50)) { benchmark in
        let (store, now) = bigStore
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! store.studyQueue(at: now, newPerDay: 20, dayStart: now.addingTimeInterval(-3600)))
        }
    }
}
