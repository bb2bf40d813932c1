import Foundation
import TestSupport
import Testing

/// `revise fsrs replay` as a user runs it: review histories on standard input, states on standard output.
@Suite(.serialized)
struct FSRSCommandTests {
    /// The reference histories of `Tests/Fixtures/fsrs/vectors.jsonl` that use the default settings, interleaved
    /// as one input, give py-fsrs's states line by line.
    @Test func replayAgreesWithTheReferenceOnTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let text = String(decoding: try Fixtures.fixture("fsrs/vectors.jsonl"), as: UTF8.self)
        var used = 0
        for line in text.split(separator: "\n") {
            let v = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let settings = try #require(v["settings"] as? [String: Any])
            guard settings["desired_retention"] as? Double == 0.9, settings["maximum_interval"] as? Int == 36500,
                settings["learning_steps"] as? [Int] == [60, 600], settings["relearning_steps"] as? [Int] == [600]
            else { continue }
            let params = try #require(settings["parameters"] as? [Double]).map { "\($0)" }.joined(separator: ",")
            let reviews = try #require(v["reviews"] as? [[String: Any]])
            let after = try #require(v["after"] as? [[String: Any]])
            let card = "history-\(v["id"]!)"
            var input = ""
            for r in reviews {
                input += #"{"card": "\#(card)", "rating": \#(r["rating"]!), "at": "\#(r["at"]!)"}"# + "\n"
            }
            let result = try cli.run(["fsrs", "replay", "--params", params], useDatabase: false, input: input)
            #expect(result.status == 0, "\(result.err)")
            let lines = result.out.split(separator: "\n")
            #expect(lines.count == after.count)
            for (got, want) in zip(lines, after) {
                let g = try #require(try JSONSerialization.jsonObject(with: Data(got.utf8)) as? [String: Any])
                #expect(g["state"] as? String == want["state"] as? String)
                #expect((g["step"] as? Int) == (want["step"] as? Int))
                let (gs, ws) = (g["stability"] as! Double, want["stability"] as! Double)
                #expect(abs(gs - ws) <= 1e-6 * ws, "\(card): stability \(gs) against \(ws)")
                #expect(g["due"] as? String == want["due"] as? String, "\(card)")
                #expect(Set(g.keys) == ["card", "state", "step", "stability", "difficulty", "due", "retrievability"])
            }
            used += 1
            if used == 12 { break }
        }
        #expect(used >= 5)
    }

    @Test func badInputNamesTheLineAndKeepsWhatWasPrinted() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let input = """
            {"card": "a", "rating": 3, "at": "2024-01-01T00:00:00Z"}
            {"card": "a", "rating": 3, "at": "tomorrow"}

            """
        let result = try cli.run(["fsrs", "replay"], useDatabase: false, input: input)
        #expect(result.status != 0)
        #expect(result.err.contains("line 2") && result.err.contains("'tomorrow' is not an ISO-8601 time"))
        #expect(result.out.split(separator: "\n").count == 1)
        let params = try cli.run(["fsrs", "replay", "--params", "0.1,0.2"], useDatabase: false, input: "")
        #expect(params.status == 64 && params.err.contains("21 parameters"))
        let retention = try cli.run(["fsrs", "replay", "--retention", "1.5"], useDatabase: false, input: "")
        #expect(retention.status == 64 && retention.err.contains("retention"))
    }
}
