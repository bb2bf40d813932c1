import Foundation

/// The text of a note file, decoded from its bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or, when the
/// bytes are not valid UTF-8, Windows-1252 with a warning. Line endings become "\n".
public struct SourceText: Sendable {
    public let text: String
    public let warnings: [ImportWarning]

    public init(bytes: [UInt8], file: String) throws(ImportError) {
        var warnings: [ImportWarning] = []
        var body = bytes[...]
        var decoded: String?
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        } else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            decoded = Self.decodeUTF16(body.dropFirst(2), bigEndian: body.first == 0xFE)
            if decoded == nil { throw .unreadable(file: file, reason: "it starts like UTF-16 but is not valid UTF-16") }
        }
        if decoded == nil {
            if let nul = body.firstIndex(of: 0) {
                throw .binary(file: file, line: Self.lineNumber(of: nul, in: body))
            }
            if let utf8 = String(validating: body, as: UTF8.self) {
                decoded = utf8
            } else {
                let bad = Self.firstInvalidUTF8(body)
                warnings.append(
                    ImportWarning(
                        line: Self.lineNumber(of: bad, in: body),
                        "\(file) is not valid UTF-8 (first bad byte on this line); read it as Windows-1252"))
                decoded = Self.decodeWindows1252(body)
            }
        }
        var text = decoded!
        if warnings.isEmpty && decoded?.utf8.count == body.count ? body.contains(13) : text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw .empty(file: file) }
        self.text = text
        self.warnings = warnings
    }

    static func lineNumber(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var i = bytes.startIndex
        while i < index {
            if bytes[i] == 10 { line += 1 }
            i += 1
        }
        return line
    }

    /// The index of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.startIndex
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            scalars.append(Windows1252.scalar(for: b))
        }
        return String(scalars)
    }
}

/// The Windows-1252 code page: the bytes 0x80–0x9F are typographic characters, the rest are Latin-1.
enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// The byte a scalar came from when Windows-1252 (or Latin-1, for its five undefined bytes) decoded it.
    static let byteForScalar: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for b in 0x80...0xFF { map[scalar(for: UInt8(b)).value] = UInt8(b) }
        return map
    }()
}
