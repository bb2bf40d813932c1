import Foundation
import Testing

@testable import ReviseCore

/// The SVG charts the web app draws: well-formed, escaped, and a timeline whose labels never overlap.
struct ChartTests {
    func when(_ year: Int, _ end: Int? = nil, month: Int? = nil) -> When {
        When(year: year, month: month, endYear: end, text: end.map { "\(year)–\($0)" } ?? "\(year)")
    }

    @Test func twoHundredEventsInOneDecadeGetLanesAndNoLabelOverlapsAnother() throws {
        var events: [TimelineChart.Event] = []
        for i in 0..<200 {
            let year = 1924 + i % 10
            events.append(
                TimelineChart.Event(
                    when: i % 3 == 0 ? when(year, year + 2) : when(year, month: 1 + i % 12),
                    label: "Event number \(i) with a <label> & some words", group: ["Politics", "Economy", "Society"][i % 3],
                    link: "#e\(i)"))
        }
        let chart = TimelineChart(events: events, from: 1924, to: 1935)
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.components(separatedBy: "<a href=").count - 1 == 200)
        #expect(!svg.contains("<label>"))
        #expect(svg.contains("&lt;label&gt; &amp; some"))
        // Label boxes in one lane of one band never overlap: read back each text's y and x extent.
        var boxes: [(y: Double, x0: Double, x1: Double)] = []
        let pattern = /<text x="([0-9.]+)" y="([0-9.]+)" font-size="11" fill="#1f2933"( text-anchor="end")?>([^<]*)<\/text>/
        for match in svg.matches(of: pattern) {
            let x = Double(match.output.1)!
            let y = Double(match.output.2)!
            let text = String(match.output.4).replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            let width = Double(text.count) * 6.1
            boxes.append(match.output.3 == nil ? (y, x, x + width) : (y, x - width, x))
        }
        #expect(boxes.count == 200)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.y == b.y {
                #expect(a.x1 <= b.x0 || b.x1 <= a.x0, "labels overlap at y \(a.y)")
            }
        }
        let height = Double(try #require(svg.firstMatch(of: /height="([0-9]+)"/)).output.1)!
        #expect(height < 200 * 22)
    }

    @Test func eventsOutsideThePeriodAreClippedToIt() {
        let svg = TimelineChart(
            events: [TimelineChart.Event(when: when(1900, 1950), label: "Long", group: "", link: "#a")], from: 1920, to: 1930
        ).svg()
        let rect = svg.firstMatch(of: /<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="8"/)
        #expect(rect != nil)
        if let rect {
            #expect(Double(rect.output.1)! >= 8)
            #expect(Double(rect.output.1)! + Double(rect.output.2)! <= 992)
        }
    }

    @Test func theHeatmapHasOneSquareADayWithItsCount() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = calendar.date(from: DateComponents(year: 2026, month: 5, day: 25))!
        let svg = Heatmap(firstDay: first, counts: (0..<182).map { $0 % 7 }, calendar: calendar).svg()
        #expect(svg.components(separatedBy: "<title>").count - 1 == 182)
        #expect(svg.contains("<title>0 reviews on Mon 25 May 2026</title>"))
        #expect(svg.contains("<title>1 review on Tue 26 May 2026</title>"))
    }

    @Test func markupEscapesWhatHTMLWouldRead() {
        #expect(Markup.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }
}
