/// A bar chart as SVG, drawn in Swift: a title, bars with their values, a few labels along the bottom. Clean
/// enough to print or keep; used for the study stats.
public struct BarChart: Sendable {
    public var title: String
    public var values: [Int]
    /// A label for some bars (by index): "today", "+7", "1 May".
    public var labels: [Int: String]
    public var colour: String

    public init(title: String, values: [Int], labels: [Int: String] = [:], colour: String = "#3b6fd6") {
        self.title = title
        self.values = values
        self.labels = labels
        self.colour = colour
    }

    public func svg(width: Int = 640, height: Int = 240) -> String {
        let top = 44.0
        let bottom = 28.0
        let left = 36.0
        let right = 12.0
        let plotHeight = Double(height) - top - bottom
        let plotWidth = Double(width) - left - right
        let peak = max(1, values.max() ?? 1)
        let step = plotWidth / Double(max(1, values.count))
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(Self.escape(title))">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(left)" y="26" font-family="system-ui, sans-serif" font-size="16" font-weight="600" fill="#1f2933">\(Self.escape(title))</text>

            """
        // Grid lines at a round step.
        let gridStep = Self.niceStep(peak)
        var g = 0
        while g <= peak {
            let y = top + plotHeight - Double(g) / Double(peak) * plotHeight
            out += "<line x1=\"\(left)\" x2=\"\(Double(width) - right)\" y1=\"\(Self.f(y))\" y2=\"\(Self.f(y))\" stroke=\"#e4e7eb\"/>"
            out += "<text x=\"\(Self.f(left - 6))\" y=\"\(Self.f(y + 4))\" text-anchor=\"end\" font-family=\"system-ui, sans-serif\" font-size=\"10\" fill=\"#7b8794\">\(g)</text>\n"
            g += gridStep
        }
        for (k, value) in values.enumerated() {
            let h = Double(value) / Double(peak) * plotHeight
            let x = left + Double(k) * step + step * 0.15
            let y = top + plotHeight - h
            out += "<rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(Self.f(step * 0.7))\" height=\"\(Self.f(h))\" rx=\"2\" fill=\"\(colour)\"><title>\(value)</title></rect>\n"
            if let label = labels[k] {
                out += "<text x=\"\(Self.f(x + step * 0.35))\" y=\"\(height - 10)\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" font-size=\"10\" fill=\"#52606d\">\(Self.escape(label))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    static func niceStep(_ peak: Int) -> Int {
        for s in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where peak / s <= 5 { return s }
        return max(1, peak / 5)
    }

    static func f(_ x: Double) -> String { Markup.number(x) }

    public static func escape(_ text: String) -> String { Markup.escape(text) }
}
