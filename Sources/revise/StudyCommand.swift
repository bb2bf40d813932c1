import ArgumentParser
import Foundation
import ReviseCore
import ReviseCourses
import ReviseStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal while studying: keys one at a time, no echo; put back as it was on the way out.
final class RawTerminal {
    private var saved = termios()
    private let active: Bool

    init() {
        active = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        guard active else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }

    func restore() {
        if active { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    }

    /// The next byte typed, or nil at the end of the input.
    func key() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// A line typed at the bottom of the screen, with backspace; nil on Escape or at the end of the input.
    func line(echoing prompt: String) -> String? {
        var text: [UInt8] = []
        Screen.write(prompt)
        while let k = key() {
            switch k {
            case 10, 13: return String(decoding: text, as: UTF8.self)
            case 27: return nil
            case 127, 8:
                if !text.isEmpty {
                    // Remove a whole UTF-8 character.
                    repeat { text.removeLast() } while !text.isEmpty && (text.last! & 0xC0) == 0x80
                    Screen.write("\u{8} \u{8}")
                }
            default:
                if k >= 32 || k >= 0x80 {
                    text.append(k)
                    Screen.write(String(decoding: [k], as: UTF8.self))
                }
            }
        }
        return nil
    }
}

enum Screen {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static let clear = "\u{1B}[2J\u{1B}[H"
    static func bold(_ s: String) -> String { "\u{1B}[1m\(s)\u{1B}[0m" }
    static func dim(_ s: String) -> String { "\u{1B}[2m\(s)\u{1B}[0m" }
    static func colour(_ s: String, _ code: Int) -> String { "\u{1B}[\(code)m\(s)\u{1B}[0m" }

    static func bar(done: Int, total: Int, width: Int = 30) -> String {
        let filled = total == 0 ? width : min(width, done * width / max(1, total))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "]"
    }
}

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study the cards that are due, in the terminal.",
        discussion: """
            Space or Enter shows the answer; 1 again, 2 hard, 3 good, 4 easy rate it; t types an answer first \
            (checked leniently, with a suggested rating); u takes back the last rating; s suspends the card; q quits. \
            Every rating is saved the moment it is given.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "New cards a day.") var new: Int = 20

    func run() throws {
        guard new >= 0 else { throw Failure(message: "--new \(new): the number of new cards a day cannot be negative", exitCode: 64) }
        let opened = try store.open()
        // A first run with no notes at all studies the built-in course.
        let startedCourse = try Courses.addWhenEmpty(opened)
        try opened.refreshCards(at: Date())
        let scheduler = try Scheduler()
        let now = Date()
        let due = try opened.studyQueue(at: now, newPerDay: new, dayStart: StudyDay.start(of: now))
        var cards: [String: StoredCard] = [:]
        var queue = StudyQueue(due)
        if due.isEmpty {
            let counts = try opened.cardCounts()
            if counts.new + counts.learning + counts.review == 0 {
                print("No cards yet: import your notes with `revise import PATH`.")
            } else {
                print("Nothing is due now. \(counts.review) cards in review, \(counts.new) new (the day's new cards are done).")
            }
            return
        }
        let terminal = RawTerminal()
        defer {
            terminal.restore()
            Screen.write("\n")
        }
        var message = startedCourse ? "No notes yet, so here is the built-in course \(Courses.all[0].title). Add your own with `revise import PATH`." : ""
        var lastRated: String?
        session: while let entry = queue.next(at: Date()) {
            // Each card is read when it is shown, and kept for the rest of the session.
            guard let stored = try cards[entry.id] ?? opened.card(id: entry.id) else {
                queue.remove(entry.id)
                continue
            }
            cards[entry.id] = stored
            let total = queue.done + queue.waiting.count
            let counts = queue.counts
            var header = Screen.clear
            header += Screen.bar(done: queue.done, total: total) + "  \(queue.done)/\(total)   "
            header += Screen.colour("\(counts.new) new", 34) + "  " + Screen.colour("\(counts.learning) learning", 31) + "  "
            header += Screen.colour("\(counts.review) review", 32) + "\n"
            if !message.isEmpty { header += Screen.dim(message) + "\n" }
            header += "\n"
            var front = header + Screen.dim("\(stored.card.kind.rawValue) · \(stored.card.topic.joined(separator: " › "))") + "\n\n"
            front += Screen.bold(stored.card.prompt) + "\n"
            if !stored.card.choices.isEmpty {
                front += "\n" + stored.card.choices.enumerated().map { "   \(Character(Unicode.Scalar(97 + $0.offset)!))) \($0.element)" }.joined(separator: "\n") + "\n"
            }
            let typable = AnswerCheck.canType(stored.card.answer)
            front += "\n" + Screen.dim("space show answer · \(typable ? "t type it · " : "")s suspend · u undo · q quit") + "\n"
            Screen.write(front)
            var typedVerdict: AnswerCheck.Verdict?
            var typedText: String?
            // The front: wait for a reveal, or a command.
            reveal: while true {
                guard let k = terminal.key() else { break session }
                switch k {
                case 32, 10, 13: break reveal
                case UInt8(ascii: "q"): break session
                case UInt8(ascii: "t") where typable:
                    guard let typed = terminal.line(echoing: "\nYour answer: ") else { continue }
                    typedText = typed
                    typedVerdict = AnswerCheck.check(typed, against: stored.card.answer)
                    break reveal
                case UInt8(ascii: "s"), UInt8(ascii: "u"):
                    message = try command(k, on: stored, store: opened, queue: &queue, cards: &cards)
                    continue session
                default: continue
                }
            }
            // The back: the answer, where it comes from, and the ratings.
            var back = "\n" + Screen.colour("→ " + stored.card.answer, 36) + "\n"
            if let note = stored.card.note { back += Screen.dim(note) + "\n" }
            if let typedText, let verdict = typedVerdict {
                let word = verdict == .right ? Screen.colour("right", 32) : verdict == .close ? Screen.colour("close", 33) : Screen.colour("not quite", 31)
                back += "You typed “\(typedText)”: \(word) — Enter takes \(verdict.suggestedRating.name)\n"
            }
            back += Screen.dim("From " + stored.card.citations.prefix(3).map(\.description).joined(separator: ", ")) + "\n\n"
            back += "1 again   2 hard   3 good   4 easy" + Screen.dim("   · s suspend · u undo · q quit") + "\n"
            Screen.write(back)
            while true {
                guard let k = terminal.key() else { break session }
                var rating: Rating?
                switch k {
                case UInt8(ascii: "1")...UInt8(ascii: "4"): rating = Rating(rawValue: Int(k) - 48)
                case 10, 13: rating = typedVerdict?.suggestedRating
                case UInt8(ascii: "q"): break session
                case UInt8(ascii: "s"), UInt8(ascii: "u"):
                    message = try command(k, on: stored, store: opened, queue: &queue, cards: &cards)
                    continue session
                default: break
                }
                guard let rating else { continue }
                let time = Date()
                let after = try opened.review(card: entry.id, rating: rating, at: time, scheduler: scheduler)
                cards[entry.id] = after
                queue.rated(entry.id, now: time, after: after.schedule)
                lastRated = entry.id
                // Said only once the rating is on disk.
                // "Saved" is written once, right after the commit; the next screen recalls it differently.
                Screen.write(Screen.dim("Saved: \(rating.name) — next \(Self.when(after.schedule.due, from: time))") + "\n")
                message = "Last card: \(rating.name), next \(Self.when(after.schedule.due, from: time))"
                continue session
            }
        }
        _ = lastRated
        let left = queue.waiting.count
        Screen.write(
            Screen.clear + "Studied \(queue.done) card\(queue.done == 1 ? "" : "s")."
                + (left > 0 ? " \(left) still to go; `revise study` carries on." : " Nothing more is due now.") + "\n")
    }

    /// `s` suspends the card shown; `u` takes back the last rating (of any card), which is shown next. Returns
    /// what to tell the student.
    func command(
        _ key: UInt8, on stored: StoredCard, store: ReviseStore, queue: inout StudyQueue, cards: inout [String: StoredCard]
    ) throws -> String {
        if key == UInt8(ascii: "s") {
            try store.setSuspended(true, card: stored.card.id)
            queue.remove(stored.card.id)
            return "Suspended: \(stored.card.prompt)"
        }
        guard let undone = try store.undoLastReview() else { return "Nothing to take back." }
        cards[undone.card.id] = undone
        queue.undone(.init(id: undone.card.id, schedule: undone.schedule))
        return "Took back the last rating."
    }

    /// "in 10 minutes", "in 3 days".
    static func when(_ due: Date, from now: Date) -> String {
        let seconds = due.timeIntervalSince(now)
        if seconds < 3600 { return "in \(max(1, Int((seconds / 60).rounded()))) min" }
        if seconds < 86400 { return "in \(Int((seconds / 3600).rounded())) h" }
        let days = Int((seconds / 86400).rounded())
        return "in \(days) day\(days == 1 ? "" : "s")"
    }
}
