import ArgumentParser
import Foundation
import ReviseCore

struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs", abstract: "The scheduler, open to inspection.", subcommands: [FSRSReplayCommand.self])
}

/// The scheduler's settings, as every command that schedules takes them.
struct SchedulerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The 21 FSRS-6 parameters, comma-separated (default: FSRS-6's).", valueName: "P"))
    var params: String?

    @Option(help: ArgumentHelp("The chance of recall reviews are planned for, between 0 and 1.", valueName: "R"))
    var retention: Double = 0.9

    @Option(help: ArgumentHelp("Learning steps, comma-separated: 1m,10m (s, m, h, d; empty for none).", valueName: "steps"))
    var learningSteps: String = "1m,10m"

    @Option(help: ArgumentHelp("Relearning steps after a lapse, the same way.", valueName: "steps"))
    var relearningSteps: String = "10m"

    @Option(help: ArgumentHelp("The longest interval, in days.", valueName: "days"))
    var maximumInterval: Int = 36500

    @Flag(help: "Spread review intervals by a few percent at random.")
    var fuzz = false

    func scheduler() throws -> Scheduler {
        do {
            return try Scheduler(
                parameters: params.map { try FSRSParameters(parsing: $0) } ?? .default, desiredRetention: retention,
                learningSteps: try Self.durations(learningSteps, option: "--learning-steps"),
                relearningSteps: try Self.durations(relearningSteps, option: "--relearning-steps"),
                maximumInterval: maximumInterval, fuzz: fuzz)
        } catch let error as FSRSParameters.Invalid {
            throw Failure(message: "--params: \(error)", exitCode: 64)
        } catch let error as Scheduler.Invalid {
            throw Failure(message: "\(error)", exitCode: 64)
        }
    }

    /// "1m,10m" in seconds: [60, 600].
    static func durations(_ text: String, option: String) throws -> [Double] {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        return try text.split(separator: ",").map { piece in
            var p = piece.filter { $0 != " " }
            var unit = 1.0
            if let last = p.last, let u = units[last] {
                unit = u
                p.removeLast()
            }
            guard let n = Double(p), n > 0, n.isFinite else {
                throw Failure(message: "\(option): '\(piece)' is not a duration such as 90s, 10m, 1h or 1d", exitCode: 64)
            }
            return n * unit
        }
    }
}

struct FSRSReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay review histories through the scheduler.",
        discussion: """
            Reads JSON lines from standard input, {"card": "c1", "rating": 1-4, "at": "2024-05-01T09:30:00Z"}, each \
            card's reviews in time order, and prints after each review {"card", "state", "step", "stability", \
            "difficulty", "due", "retrievability"} (retrievability: the chance of recall the model gave the card at \
            that moment, before the review). Fuzz is off unless --fuzz is given, so the output can be compared \
            with another FSRS implementation.
            """)

    @OptionGroup var settings: SchedulerOptions

    @Flag(help: "At the end, say on standard error how long the scheduling itself took (the input replayed again in memory, without reading or writing).")
    var stats = false

    func run() throws {
        let started = ContinuousClock.now
        var replay = ReviewReplay(scheduler: try settings.scheduler(), keepsHistory: stats)
        var out = ""
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            do {
                if let state = try replay.read(line, line: number) {
                    out += ReviewReplay.line(state)
                    out += "\n"
                    if out.utf8.count > 1 << 16 {
                        FileHandle.standardOutput.write(Data(out.utf8))
                        out = ""
                    }
                }
            } catch {
                FileHandle.standardOutput.write(Data(out.utf8))
                throw Failure(message: "standard input, \(error)", exitCode: 65)
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        guard stats else { return }
        let whole = ContinuousClock.now - started
        // The best of three passes, as a benchmark would take it.
        var best = Duration.seconds(1_000_000)
        var cards = 0
        for _ in 0..<3 {
            let t = ContinuousClock.now
            cards = replay.rerun().count
            best = min(best, ContinuousClock.now - t)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        let reviews = replay.history.count
        let rate = seconds > 0 ? Int(Double(reviews) / seconds) : 0
        FileHandle.standardError.write(
            Data(
                """
                \(reviews) reviews of \(cards) cards; the whole replay took \(whole), the scheduling alone \
                \(String(format: "%.4f", seconds)) s (\(rate) reviews/s)

                """.utf8))
    }
}
