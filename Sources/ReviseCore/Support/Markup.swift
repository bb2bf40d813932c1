/// Text made safe to put inside HTML, SVG or XML, in content or in a quoted attribute; HTML read back as text.
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

    /// HTML as a reader sees it: a field of an Anki note, a cell of a text file marked `#html:true`. Line
    /// breaks (`<br>`, the end of a `<div>`, `<p>` or `<li>`) become new lines, an image its name in brackets
    /// ("[image: map.png]"), other tags go, entities are decoded: what `escapeContent` wrote, with `<br>` for
    /// its new lines, reads back exactly.
    public static func plainText(fromHTML html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                out += rest[open...]
                rest = ""
                break
            }
            let tag = rest[rest.index(after: open)..<close].lowercased()
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
            switch name {
            case "br":
                out += "\n"
            case "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6":
                if tag.hasPrefix("/"), !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
            case "img":
                if let src = attribute("src", in: rest[open...close]) { out += "[image: \(src)]" }
            default:
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        var kept: [String] = []
        for line in HTMLEntities.decode(out).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.replacing("\u{A0}", with: " ").trimming([" ", "\t", "\r"])
            if trimmed.isEmpty, kept.last?.isEmpty ?? true { continue }
            kept.append(trimmed)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// The value of an attribute in one tag: `src` of `<img src="a.png">`.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let at = tag.range(of: name + "=") ?? tag.range(of: name.uppercased() + "=") else { return nil }
        var value = tag[at.upperBound...]
        if let quote = value.first, quote == "\"" || quote == "'" {
            value = value.dropFirst()
            return value.firstIndex(of: quote).map { String(value[..<$0]) }
        }
        return String(value.prefix { $0 != " " && $0 != ">" && $0 != "/" })
    }

    /// A number for an SVG coordinate: one decimal place, no trailing ".0" noise beyond it.
    public static func number(_ x: Double) -> String { String(Double(Int((x * 10).rounded())) / 10) }
}
