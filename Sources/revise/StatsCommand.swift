import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Cards by state, reviews per day, true retention and the next 30 days.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Also draw the reviews and the forecast as an SVG bar chart in this file.", valueName: "file"))
    var svg: String?

    func run() throws {
        let now = Date()
        let stats = try store.openWithCards(at: now).studyStats(dayStart: StudyDay.start(of: now))
        if let svg {
            let reviews = BarChart(
                title: "Reviews, last 30 days", values: stats.reviewsPerDay,
                labels: [0: "−29 d", 14: "−15 d", 29: "today"])
            let forecast = BarChart(
                title: "Cards due, next 30 days", values: stats.forecast, labels: [0: "today", 7: "+7", 14: "+14", 29: "+29"],
                colour: "#2f9e6e")
            let a = reviews.svg()
            let b = forecast.svg()
            // Two charts, one above the other, in one document.
            let body = """
                <svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
                <g>\(Self.inner(a))</g>
                <g transform="translate(0,240)">\(Self.inner(b))</g>
                </svg>

                """
            do {
                try body.write(toFile: svg, atomically: true, encoding: .utf8)
            } catch {
                throw Failure(message: "--svg \(svg): cannot write it (\(error.localizedDescription))", exitCode: 73)
            }
        }
        if output.json { return try Output.printJSON(stats) }
        let c = stats.counts
        print("Cards: \(c.new) new, \(c.learning) learning, \(c.review) in review, \(c.suspended) suspended, \(c.retired) retired")
        print("Reviews in the last 30 days: \(stats.reviewsPerDay.reduce(0, +)) (today \(stats.reviewsPerDay.last ?? 0))")
        if let r = stats.trueRetention {
            print("True retention: \(Int((r * 100).rounded()))% of \(stats.reviewsCounted) reviews of cards in review were remembered")
        } else {
            print("True retention: not yet (no card in review has come due)")
        }
        print("Due in the next 7 days: " + stats.forecast.prefix(7).enumerated().map { $0.offset == 0 ? "today \($0.element)" : "+\($0.offset) \($0.element)" }.joined(separator: ", "))
        if let svg { print("Chart written to \(svg)") }
    }

    /// The drawing inside an SVG document, without its outer element.
    static func inner(_ svg: String) -> String {
        guard let start = svg.range(of: ">")?.upperBound, let end = svg.range(of: "</svg>", options: .backwards)?.lowerBound
        else { return svg }
        return String(svg[start..<end])
    }
}
