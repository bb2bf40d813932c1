/// Decodes HTML character references as Markdown exporters leave them (`&#x20;`, `&amp;`, `&nbsp;`).
public enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "pound": "\u{00A3}", "euro": "\u{20AC}", "copy": "\u{00A9}", "times": "\u{00D7}",
        "rarr": "\u{2192}", "larr": "\u{2190}", "deg": "\u{00B0}", "middot": "\u{00B7}", "bull": "\u{2022}",
    ]

    public static func decode(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        ScalarRewrite.apply(s) { i in
            guard s[i] == "&", let semicolon = s[(i + 1)..<min(s.count, i + 12)].firstIndex(of: ";") else {
                return nil
            }
            var nameView = String.UnicodeScalarView()
            nameView.append(contentsOf: s[(i + 1)..<semicolon])
            guard let scalar = reference(String(nameView)) else { return nil }
            // A decoded space (`&#x20;`) is how exporters keep a blank; it is whitespace like any other.
            return (scalar == "\u{00A0}" ? " " : scalar, semicolon + 1 - i)
        }
    }

    public static func decode(_ text: String) -> String { ScalarRewrite.apply(text, decode) }

    static func reference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        return named[name]
    }
}
