import Foundation

/// Reviews per day as a calendar heatmap (weeks across, Monday to Sunday down), in SVG: the darker the square,
/// the more reviews that day. Each square has its date and count as a tooltip.
public struct Heatmap: Sendable {
    /// The first day shown (a local midnight) and the count for it and each following day.
    public var firstDay: Date
    public var counts: [Int]
    public var calendar: Calendar

    public init(firstDay: Date, counts: [Int], calendar: Calendar = .current) {
        self.firstDay = firstDay
        self.counts = counts
        self.calendar = calendar
    }

    static let shades = ["#ebedf0", "#c6dbf7", "#8fb5ee", "#4f86dc", "#2456a6"]
    static let cell = 13.0
    static let gap = 3.0

    public func svg() -> String {
        let f = Markup.number
        // Monday is row 0.
        let firstRow = (calendar.component(.weekday, from: firstDay) + 5) % 7
        let weeks = (firstRow + counts.count + 6) / 7
        let left = 30.0
        let top = 22.0
        let width = left + Double(weeks) * (Self.cell + Self.gap) + 10
        let height = top + 7 * (Self.cell + Self.gap) + 26
        let peak = max(1, counts.max() ?? 1)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="Reviews per day" font-family="system-ui, sans-serif">

            """
        for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
            out += "<text x=\"0\" y=\"\(f(top + Double(row) * (Self.cell + Self.gap) + 10))\" font-size=\"10\" fill=\"#7b8794\">\(name)</text>\n"
        }
        let months = DateFormatter()
        months.calendar = calendar
        months.timeZone = calendar.timeZone
        months.locale = Locale(identifier: "en_GB")
        months.dateFormat = "MMM"
        let iso = DateFormatter()
        iso.calendar = calendar
        iso.timeZone = calendar.timeZone
        iso.locale = Locale(identifier: "en_GB")
        iso.dateFormat = "EEE d MMM yyyy"
        var lastMonth = -1
        var lastLabelX = -100.0
        for (index, count) in counts.enumerated() {
            guard let day = calendar.date(byAdding: .day, value: index, to: firstDay) else { continue }
            let slot = firstRow + index
            let column = slot / 7
            let row = slot % 7
            let x = left + Double(column) * (Self.cell + Self.gap)
            let y = top + Double(row) * (Self.cell + Self.gap)
            let month = calendar.component(.month, from: day)
            // A month's name over the first week that starts in it, when there is room since the last name.
            if month != lastMonth, row == 0 {
                if x - lastLabelX >= 3 * (Self.cell + Self.gap) {
                    out += "<text x=\"\(f(x))\" y=\"12\" font-size=\"10\" fill=\"#7b8794\">\(months.string(from: day))</text>\n"
                    lastLabelX = x
                }
                lastMonth = month
            }
            let level = count == 0 ? 0 : min(4, 1 + Int(Double(count) / Double(peak) * 3.999))
            let noun = count == 1 ? "review" : "reviews"
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(Self.cell))\" height=\"\(f(Self.cell))\" rx=\"2\" fill=\"\(Self.shades[level])\"><title>\(count) \(noun) on \(iso.string(from: day))</title></rect>\n"
        }
        // The key.
        let keyY = top + 7 * (Self.cell + Self.gap) + 8
        out += "<text x=\"\(f(left))\" y=\"\(f(keyY + 10))\" font-size=\"10\" fill=\"#7b8794\">Less</text>"
        for (i, shade) in Self.shades.enumerated() {
            out += "<rect x=\"\(f(left + 28 + Double(i) * (Self.cell + 2)))\" y=\"\(f(keyY))\" width=\"\(f(Self.cell))\" height=\"\(f(Self.cell))\" rx=\"2\" fill=\"\(shade)\"/>"
        }
        out += "<text x=\"\(f(left + 32 + 5 * (Self.cell + 2)))\" y=\"\(f(keyY + 10))\" font-size=\"10\" fill=\"#7b8794\">More</text>\n"
        return out + "</svg>\n"
    }
}
