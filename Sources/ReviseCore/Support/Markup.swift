/// Text made safe to put inside HTML, SVG or XML, in content or in a quoted attribute.
public enum Markup {
    public static func escape(_ text: some StringProtocol) -> String { escaped(text, quotes: true) }

    /// Text made safe for HTML content (not attributes): only `&`, `<` and `>` are escaped, so quotation marks
    /// stay as written (Anki's fields, text that is read back).
    public static func escapeContent(_ text: some StringProtocol) -> String { escaped(text, quotes: false) }

    private static func escaped(_ text: some StringProtocol, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number for an SVG coordinate: one decimal place, no trailing ".0" noise beyond it.
    public static func number(_ x: Double) -> String { String(Double(Int((x * 10).rounded())) / 10) }
}
