import Foundation
import Testing

@testable import ReviseCore

/// The pieces of a study session: lenient answer checking, the order of the queue, and the charts.
struct StudyTests {
    @Test(arguments: [
        ("stalin", "Stalin", AnswerCheck.Verdict.right), ("Stalin", "Joseph Stalin", .right),
        ("Trosky", "Trotsky", .close), ("1928", "1928", .right), ("1929", "1928", .wrong),
        ("seven million", "7 million", .right), ("the Politburo", "Politburo", .right),
        ("Kollontai", "Zinoviev", .wrong), ("Dnieprostroi", "Dniéprostroï", .right), ("", "Stalin", .wrong),
        ("twenty five thousanders", "25 thousanders", .right),
    ])
    func typedAnswersAreCheckedLeniently(typed: String, answer: String, verdict: AnswerCheck.Verdict) {
        #expect(AnswerCheck.check(typed, against: answer) == verdict, "\(typed) against \(answer)")
    }

    @Test func aVerdictSuggestsARating() {
        #expect(AnswerCheck.Verdict.right.suggestedRating == .good)
        #expect(AnswerCheck.Verdict.close.suggestedRating == .hard)
        #expect(AnswerCheck.Verdict.wrong.suggestedRating == .again)
        #expect(AnswerCheck.canType("Stalin") && !AnswerCheck.canType("• one\n• two"))
    }

    @Test func theQueueShowsLearningFirstAndBringsStepsBack() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let scheduler = try Scheduler(fuzz: false)
        var learning = CardSchedule(due: now)
        learning = scheduler.review(learning, .again, at: now.addingTimeInterval(-120))
        var review = scheduler.review(CardSchedule(due: now), .easy, at: now.addingTimeInterval(-86400 * 30))
        review.due = now.addingTimeInterval(-10)
        var queue = StudyQueue([
            .init(id: "learning", schedule: learning), .init(id: "review", schedule: review),
            .init(id: "new", schedule: CardSchedule(due: now)),
        ])
        #expect(queue.next(at: now)?.id == "learning")
        // Rated "again" at its first step: back in a minute, after the others.
        let again = scheduler.review(learning, .again, at: now)
        queue.rated("learning", now: now, after: again)
        #expect(queue.next(at: now)?.id == "review")
        let passed = scheduler.review(review, .good, at: now)
        queue.rated("review", now: now, after: passed)
        #expect(queue.next(at: now)?.id == "new")
        queue.rated("new", now: now, after: scheduler.review(CardSchedule(due: now), .easy, at: now))
        // Only the learning card is left, due in a minute: shown early rather than ending the session.
        #expect(queue.next(at: now)?.id == "learning")
        #expect(queue.done == 3 && queue.counts.learning == 1)
        queue.undone(.init(id: "new", schedule: CardSchedule(due: now)))
        #expect(queue.next(at: now)?.id == "learning" || queue.next(at: now)?.id == "new")
        #expect(queue.done == 2)
    }

    @Test func aBarChartIsAnSVGWithItsBarsAndEscapedTitle() {
        let svg = BarChart(title: "Reviews <&> more", values: [0, 3, 10, 1], labels: [3: "today"]).svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 4)
        #expect(svg.contains("Reviews &lt;&amp;&gt; more") && svg.contains(">today<"))
    }
}
