import Foundation
import TestSupport
import Testing

/// `revise exam`, run as a student would: a plan, an answer marked in text and JSON, answers kept over time,
/// questions of their own, and the mistakes a student makes.
@Suite(.serialized)
struct ExamCommandTests {
    static let answer = """
        Relations between the USA and the USSR broke down because the Marshall Plan divided Europe. The United \
        States feared that poverty in Western Europe would help communist parties win power, so it offered about \
        $13 billion of aid from 1948. This meant that Stalin saw dollar imperialism, and relations broke down.

        However, the Soviet Union also acted out of fear: the Berlin Blockade of 1948 to 1949 tried to stop a strong \
        West Germany being built. This suggests both sides were to blame for the breakdown in relations, because each \
        saw the other's actions as a threat.

        Overall, the Marshall Plan was the main reason relations broke down, because it split Europe into two \
        economic blocs by 1949.
        """

    @Test func planAnswerAndHistory() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let listing = try CLI.json(try cli.run(["questions", "--json"]).out)["questions"] as? [[String: Any]] ?? []
        let id = try #require(listing.first?["id"] as? String)
        let plan = try cli.run(["exam", "plan", id])
        #expect(plan.status == 0 && plan.out.contains("Line of argument:"), "\(plan.out)\(plan.err)")
        let planJSON = try CLI.json(try cli.run(["exam", "plan", id, "--json"]).out)
        #expect((planJSON["scheme"] as? [String: Any])?["levels"] is [[String: Any]])

        let file = cli.folder.appendingPathComponent("answer.txt")
        try Self.answer.write(to: file, atomically: true, encoding: .utf8)
        let text = try cli.run(["exam", "answer", id, "--file", file.path, "--minutes", "12"])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("Estimated mark:") && text.out.contains("Next steps:"), "\(text.out)")
        let json = try CLI.json(try cli.run(["exam", "answer", id, "--file", file.path, "--json"]).out)
        let mark = try #require(json["mark"] as? Double)
        #expect(mark > 0 && mark <= Double(json["outOf"] as? Int ?? 0))
        #expect((json["nextSteps"] as? [String])?.count == 3)
        #expect(json["level"] is Int && json["paragraphs"] is [[String: Any]] && json["missed"] is [[String: Any]])
        let fromStdin = try cli.run(["exam", "answer", id, "--file", "-", "--json"], input: "Aid. Europe. Fear. 1948.")
        #expect(fromStdin.status == 0)
        #expect(try CLI.json(fromStdin.out)["mark"] as? Double ?? 99 < mark)

        let history = try CLI.json(try cli.run(["exam", "history", id, "--json"]).out)["answers"] as? [[String: Any]] ?? []
        #expect(history.count == 3)
        #expect(history.first?["minutes"] as? Double == 12)
        let again = try cli.run(["exam", "answer", id, "--file", file.path])
        #expect(again.out.contains("Your answers to this question so far:"))
    }

    /// The README's example: the example notes and the example answer to their question.
    @Test func theReadmeExampleIsMarkedAsAGoodAnswer() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let examples = Fixtures.repositoryRoot.appendingPathComponent("Examples")
        #expect(try cli.run(["import", examples.path]).status == 0)
        let plan = try cli.run(["exam", "plan", "break down in 1945-47"])
        #expect(plan.status == 0 && plan.out.contains("Truman Doctrine"), "\(plan.out)")
        let answer = try cli.run(["exam", "answer", "break down in 1945-47", "--file", examples.appendingPathComponent("cold-war-answer.txt").path, "--json"])
        let feedback = try CLI.json(answer.out)
        let mark = try #require(feedback["mark"] as? Double)
        #expect(mark >= 5 && feedback["outOf"] as? Int == 8, "\(answer.out)")
        #expect(feedback["judgement"] as? Bool == true && (feedback["warnings"] as? [String])?.isEmpty == true)
    }

    @Test func questionsOfTheStudentsOwn() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let added = try cli.run(["exam", "add", "'The Cuban Missile Crisis was a victory for Khrushchev.' How far do you agree?", "--marks", "16", "--topic", "Cuba", "--factor", "Missiles removed from Turkey"])
        #expect(added.status == 0 && added.out.contains("how far do you agree, 16 marks"), "\(added.out)\(added.err)")
        let listing = try CLI.json(try cli.run(["questions", "--json"]).out)["questions"] as? [[String: Any]] ?? []
        let mine = try #require(listing.first { ($0["text"] as? String)?.contains("Cuban Missile Crisis was a victory") == true })
        #expect(mine["citation"] as? String == "my questions:1" && mine["marks"] as? Int == 16)
        #expect(mine["topic"] as? [String] == ["Cuba"] && mine["command"] as? String == "how far do you agree")
        let plan = try cli.run(["exam", "plan", "victory for Khrushchev"])
        #expect(plan.status == 0 && plan.out.contains("Missiles removed from Turkey"), "\(plan.out)")
        let twice = try cli.run(["exam", "add", "'The Cuban Missile Crisis was a victory for Khrushchev.' How far do you agree?"])
        #expect(twice.status != 0 && twice.err.contains("already in the bank"))
        let short = try cli.run(["exam", "add", "Why?"])
        #expect(short.status != 0 && short.err.contains("at least four words"))
        let badMarks = try cli.run(["exam", "add", "Why did the Cold War begin in Europe?", "--marks", "0"])
        #expect(badMarks.status != 0 && badMarks.err.contains("marks must be between 1 and 100"))
    }

    @Test func badAnswersAreRefusedByName() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let id = try #require((try CLI.json(try cli.run(["questions", "--json"]).out)["questions"] as? [[String: Any]])?.first?["id"] as? String)
        let binary = cli.folder.appendingPathComponent("answer.bin")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]).write(to: binary)
        let latin1 = cli.folder.appendingPathComponent("latin1.txt")
        try Data([0x54, 0x68, 0xE9, 0x20, 0x61, 0x6E, 0x73, 0x77, 0x65, 0x72, 0x20, 0xE9, 0x74, 0xE9]).write(to: latin1)
        let empty = cli.folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let huge = cli.folder.appendingPathComponent("huge.txt")
        try Data(String(repeating: "The plan failed. ", count: 20_000).utf8).write(to: huge)
        for (file, words) in [(binary, "binary"), (latin1, "not UTF-8"), (empty, "empty"), (huge, "too long")] {
            let result = try cli.run(["exam", "answer", id, "--file", file.path])
            #expect(result.status == 65, "\(file.lastPathComponent): \(result.status)")
            #expect(result.err.contains(file.lastPathComponent) && result.err.contains(words), "\(result.err)")
        }
        let missing = try cli.run(["exam", "answer", id, "--file", "nope.txt"])
        #expect(missing.status == 66 && missing.err.contains("nope.txt"))
        let unknown = try cli.run(["exam", "plan", "no such question at all"])
        #expect(unknown.status == 64 && unknown.err.contains("revise questions"))
        let minutes = try cli.run(["exam", "answer", id, "--file", empty.path, "--minutes", "-3"])
        #expect(minutes.status == 64 && minutes.err.contains("--minutes"))
        // Nothing was kept from the refused answers.
        let history = try CLI.json(try cli.run(["exam", "history", "--json"]).out)["answers"] as? [[String: Any]]
        #expect(history?.isEmpty == true)
    }
}
