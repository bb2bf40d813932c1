import ReviseCore

/// A piece of HTML. Text interpolated into it is escaped unless it is itself `HTML`, so a page cannot show a
/// student's `<script>` as anything but text.
public struct HTML: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = value }
    public init(raw: String) { text = raw }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ value: some StringProtocol) { text += Markup.escape(value) }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) { for v in values { text += v.text } }
        public mutating func appendInterpolation(_ value: HTML?) { if let value { text += value.text } }
    }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(raw: a.text + b.text) }
    public static func += (a: inout HTML, b: HTML) { a.text += b.text }

    /// HTML joined from parts.
    public static func join(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(raw: parts.map(\.text).joined(separator: separator.text))
    }

    /// A card's side: escaped, with each image a card from another tool shows ("[image: map.png]") as the image,
    /// served from the store's media.
    public static func cardText(_ text: String) -> HTML {
        guard text.contains("[image: ") else { return HTML("\(text)") }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[image: "), let close = rest[open.upperBound...].firstIndex(of: "]") {
            out += Markup.escape(rest[..<open.lowerBound])
            let name = String(rest[open.upperBound..<close])
            out += "<img class=\"card-image\" src=\"/media/\(Markup.escape(FormData.encode(name)))\" alt=\"\(Markup.escape(name))\">"
            rest = rest[rest.index(after: close)...]
        }
        return HTML(raw: out + Markup.escape(rest))
    }

    /// Text with the search matches (marked `[`…`]` by the store) in `<mark>`, everything else escaped.
    public static func highlighted(_ marked: String) -> HTML {
        var out = ""
        var inside = false
        var run = ""
        for c in marked {
            if c == "[", !inside {
                out += Markup.escape(run)
                run = ""
                inside = true
            } else if c == "]", inside {
                out += "<mark>" + Markup.escape(run) + "</mark>"
                run = ""
                inside = false
            } else {
                run.append(c)
            }
        }
        out += Markup.escape(inside ? "[" + run : run)
        return HTML(raw: out)
    }
}

/// Query strings and form bodies (`application/x-www-form-urlencoded`).
enum FormData {
    static func parse(_ body: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields[key, default: []].append(value)
        }
        return fields
    }

    static func decode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(s.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%"), utf8.count >= 2, let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A value for a URL's query or path.
    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
