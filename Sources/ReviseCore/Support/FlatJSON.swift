/// One JSON object of plain values, `{"card": "c1", "rating": 3, "at": "2024-05-01T09:30:00Z"}`, read and written
/// by hand: review logs run to millions of lines, and a general JSON coder spends most of its time on the
/// generality.
enum FlatJSON {
    enum Value: Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Malformed: Error, Equatable {
        var problem: String
    }

    /// The keys and values of the object on `text`, in order.
    static func object(_ text: String) throws(Malformed) -> [(String, Value)] {
        var text = text
        let result: Result<[(String, Value)], Malformed> = text.withUTF8 { bytes in
            do throws(Malformed) { return .success(try object(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func object(_ b: UnsafeBufferPointer<UInt8>) throws(Malformed) -> [(String, Value)] {
        var i = 0
        func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        }
        func expect(_ c: UInt8, _ what: String) throws(Malformed) {
            skipSpace()
            guard i < b.count, b[i] == c else { throw Malformed(problem: "expected \(what) at character \(i + 1)") }
            i += 1
        }
        func string() throws(Malformed) -> String {
            try expect(UInt8(ascii: "\""), "a quoted string")
            var bytes: [UInt8] = []
            while i < b.count {
                let c = b[i]
                i += 1
                if c == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
                if c < 0x20 { throw Malformed(problem: "a control character inside a string at character \(i)") }
                guard c == UInt8(ascii: "\\") else {
                    bytes.append(c)
                    continue
                }
                guard i < b.count else { break }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var code: UInt32 = 0
                    for _ in 0..<4 {
                        guard i < b.count, let h = hexValue(b[i]) else {
                            throw Malformed(problem: "a bad \\u escape at character \(i + 1)")
                        }
                        code = code * 16 + h
                        i += 1
                    }
                    // A surrogate pair: "\ud83d\ude00".
                    if code >= 0xD800, code < 0xDC00, i + 5 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        var low: UInt32 = 0
                        var ok = true
                        for k in 0..<4 { if let h = hexValue(b[i + 2 + k]) { low = low * 16 + h } else { ok = false } }
                        if ok, low >= 0xDC00, low < 0xE000 {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                    }
                    bytes.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8))
                default: throw Malformed(problem: "a bad escape '\\\(Character(Unicode.Scalar(e)))' at character \(i)")
                }
            }
            throw Malformed(problem: "a string that never ends")
        }
        func value() throws(Malformed) -> Value {
            skipSpace()
            guard i < b.count else { throw Malformed(problem: "a value is missing at the end") }
            switch b[i] {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                throw Malformed(problem: "a nested object or list at character \(i + 1); only plain values are expected")
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for (word, v) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] {
                    let w = Array(word.utf8)
                    if i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w {
                        i += w.count
                        return v
                    }
                }
                throw Malformed(problem: "an unknown word at character \(i + 1)")
            default:
                let start = i
                while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")
                    || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")
                {
                    i += 1
                }
                guard i > start, let n = Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                else { throw Malformed(problem: "not a value at character \(start + 1)") }
                return .number(n)
            }
        }
        var result: [(String, Value)] = []
        try expect(UInt8(ascii: "{"), "'{'")
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                let key = try string()
                try expect(UInt8(ascii: ":"), "':'")
                result.append((key, try value()))
                skipSpace()
                guard i < b.count else { throw Malformed(problem: "the object never ends ('}' missing)") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        skipSpace()
        guard i == b.count else { throw Malformed(problem: "more text after the object, at character \(i + 1)") }
        return result
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    /// `text` as a JSON string, quotes included.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A finite number as JSON writes it: "3", "2.3065", "1e-05".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
