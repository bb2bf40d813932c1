/// Dated events on a time axis, as SVG: one band per group (a topic), and inside a band as many lanes as it takes
/// for no two labels to overlap, so two hundred events in one decade still read. Ranges are bars, single dates
/// dots; each event is a link with its full text as a tooltip.
public struct TimelineChart: Sendable {
    public struct Event: Sendable, Hashable {
        public var when: When
        public var label: String
        public var group: String
        public var link: String

        public init(when: When, label: String, group: String, link: String) {
            self.when = when
            self.label = label
            self.group = group
            self.link = link
        }
    }

    public var events: [Event]
    /// The first and last year shown (whole years).
    public var from: Int
    public var to: Int
    public var width = 1000.0

    public init(events: [Event], from: Int, to: Int) {
        self.events = events
        self.from = min(from, to)
        self.to = max(from, to)
    }

    static let palette = ["#3b6fd6", "#2f9e6e", "#c2553d", "#8a5cc2", "#c28a1c", "#2a8fa3", "#b5487d", "#5f7d2f"]
    static let laneHeight = 22.0
    static let axisHeight = 34.0
    static let bandHeader = 22.0
    static let charWidth = 6.1
    static let maxLabel = 46

    /// Where a moment falls on the x axis: a year, plus its month and day when known.
    func x(year: Int, month: Int?, day: Int?, end: Bool) -> Double {
        var t = Double(year)
        if let month {
            t += Double(month - 1) / 12
            if let day { t += Double(day - 1) / 365 } else if end { t += 1.0 / 12 }
        } else if end {
            t += 1
        }
        let span = Double(to - from + 1)
        return 8 + (t - Double(from)) / span * (width - 16)
    }

    struct Placed {
        var event: Event
        var x0: Double
        var x1: Double
        var labelX: Double
        var labelEnd: Bool
        var label: String
        var lane: Int
    }

    public func svg() -> String {
        // Groups in the order of their first event.
        var order: [String] = []
        var byGroup: [String: [Event]] = [:]
        for event in events.sorted(by: { $0.when < $1.when }) {
            if byGroup[event.group] == nil { order.append(event.group) }
            byGroup[event.group, default: []].append(event)
        }
        var bands: [(group: String, placed: [Placed], lanes: Int)] = []
        for group in order {
            var laneEnds: [Double] = []
            var placed: [Placed] = []
            for event in byGroup[group] ?? [] {
                let w = event.when
                // Clipped to the plot: an event that began before the period starts at its left edge.
                let x0 = min(max(8, x(year: w.year, month: w.month, day: w.day, end: false)), width - 10)
                let x1 = min(width - 8, max(x0 + 2, x(year: w.lastYear, month: w.endMonth ?? (w.endYear == nil ? w.month : nil), day: w.endDay ?? (w.endYear == nil ? w.day : nil), end: true)))
                let label = event.label.count > Self.maxLabel ? String(event.label.prefix(Self.maxLabel - 1)) + "…" : event.label
                let labelWidth = Double(label.count) * Self.charWidth
                let isRange = w.isRange || w.month == nil
                let barEnd = isRange ? x1 : x0 + 4
                var labelX = barEnd + 6
                var labelEnd = false
                var start = x0 - 5
                var stop = labelX + labelWidth
                // A label that would run off the right goes left of its mark, when there is room there.
                if stop > width - 4, x0 - 8 - labelWidth >= 0 {
                    labelX = x0 - 8
                    labelEnd = true
                    start = labelX - labelWidth
                    stop = barEnd + 4
                }
                let lane = laneEnds.firstIndex { $0 + 8 <= start } ?? laneEnds.count
                if lane == laneEnds.count { laneEnds.append(stop) } else { laneEnds[lane] = stop }
                placed.append(Placed(event: event, x0: x0, x1: x1, labelX: labelX, labelEnd: labelEnd, label: label, lane: lane))
            }
            bands.append((group, placed, max(1, laneEnds.count)))
        }
        let height = Self.axisHeight + bands.reduce(0) { $0 + Self.bandHeader + Double($1.lanes) * Self.laneHeight + 8 } + 8
        let f = Markup.number
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="Timeline \(from)–\(to), \(events.count) events" font-family="system-ui, sans-serif">
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        // Year ticks: every year when they fit, else every 2, 5 or 10.
        let years = to - from + 1
        let every = [1, 2, 5, 10, 20, 50, 100].first { Double(years) / Double($0) <= width / 60 } ?? 100
        var year = from
        while year <= to + 1 {
            let xx = x(year: year, month: nil, day: nil, end: false)
            if year % every == 0 || every == 1 {
                out += "<line x1=\"\(f(xx))\" x2=\"\(f(xx))\" y1=\"\(f(Self.axisHeight - 6))\" y2=\"\(f(height - 4))\" stroke=\"#e4e7eb\"/>"
                if year <= to {
                    out += "<text x=\"\(f(xx + 3))\" y=\"20\" font-size=\"12\" fill=\"#52606d\">\(year)</text>\n"
                }
            }
            year += 1
        }
        var y = Self.axisHeight
        for (index, band) in bands.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            let bandHeight = Self.bandHeader + Double(band.lanes) * Self.laneHeight + 4
            if index % 2 == 0 {
                out += "<rect x=\"0\" y=\"\(f(y))\" width=\"\(Int(width))\" height=\"\(f(bandHeight))\" fill=\"#f5f7fa\"/>\n"
            }
            out += "<text x=\"8\" y=\"\(f(y + 15))\" font-size=\"12\" font-weight=\"600\" fill=\"\(colour)\">\(Markup.escape(band.group.isEmpty ? "Other" : band.group))</text>\n"
            for p in band.placed {
                let cy = y + Self.bandHeader + Double(p.lane) * Self.laneHeight + Self.laneHeight / 2
                out += "<a href=\"\(Markup.escape(p.event.link))\"><title>\(Markup.escape(p.event.when.description + " — " + p.event.label))</title>"
                if p.event.when.isRange || p.event.when.month == nil {
                    out += "<rect x=\"\(f(p.x0))\" y=\"\(f(cy - 4))\" width=\"\(f(p.x1 - p.x0))\" height=\"8\" rx=\"4\" fill=\"\(colour)\" fill-opacity=\"0.75\"/>"
                } else {
                    out += "<circle cx=\"\(f(p.x0 + 2))\" cy=\"\(f(cy))\" r=\"4.5\" fill=\"\(colour)\"/>"
                }
                out += "<text x=\"\(f(p.labelX))\" y=\"\(f(cy + 4))\" font-size=\"11\" fill=\"#1f2933\"\(p.labelEnd ? " text-anchor=\"end\"" : "")>\(Markup.escape(p.label))</text></a>\n"
            }
            y += bandHeight + 4
        }
        return out + "</svg>\n"
    }
}
