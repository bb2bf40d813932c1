import Foundation
import TestSupport
import Testing

/// The built-in course: a new user's first `revise study` has something to study, and `revise course add` adds it.
@Suite(.serialized)
struct CourseCommandTests {
    @Test func theCourseIsAddedOnceAndGivesCardsOfEveryKind() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["course", "list"], useDatabase: false).out.contains("stalins-ussr"))
        let added = try cli.run(["course", "add", "stalins-ussr"])
        #expect(added.status == 0 && added.out.contains("Added the course"), "\(added.err)")
        #expect(try cli.run(["course", "add", "stalins-ussr"]).out.contains("unchanged"))
        let cards = try #require(try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]])
        #expect(cards.count >= 100)
        let types = Set(cards.compactMap { $0["type"] as? String })
        for type in ["reverse", "cloze", "date", "who", "exam"] { #expect(types.contains(type), "no \(type) cards") }
        #expect(cards.allSatisfy { ($0["citations"] as? [String])?.first?.hasPrefix("course:stalins-ussr:") == true })
        let questions = try cli.run(["questions"])
        #expect(questions.out.contains("How far do you agree"))
        let wrong = try cli.run(["course", "add", "biology"])
        #expect(wrong.status != 0 && wrong.err.contains("the courses are stalins-ussr"))
    }

    @Test func aFirstStudyWithNoNotesStudiesTheCourse() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let session = try StudyCommandTests.Session(cli: cli, arguments: ["--new", "5"])
        Thread.sleep(forTimeInterval: 1.5)
        session.press(" 3")
        session.press("q")
        #expect(session.finish())
        #expect(session.output.contains("built-in course"), "\(session.output.suffix(1500))")
        #expect(session.output.contains("Saved: good"))
        #expect(try cli.run(["sources"]).out.contains("stalins-ussr"))
    }
}
