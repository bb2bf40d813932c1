import Foundation

/// JSON written by hand, for the few shapes written so often that `JSONEncoder`'s reflection shows: the same bytes
/// `JSONEncoder` writes for the same values (numbers in their shortest form, strings escaped the same way, slashes
/// left alone, ISO 8601 dates in whole seconds), with the keys in whatever order the caller writes them.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    public mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            if value == .min {
                bytes.append(contentsOf: String(value).utf8.dropFirst())
                return
            }
        }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// As `JSONEncoder` writes a `Double`: its shortest form, without a trailing ".0".
    public mutating func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// As `JSONEncoder`'s `.iso8601` writes a date: `2026-11-24T00:13:05Z`, whole seconds, UTC.
    public mutating func date(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (year, month, day) = Timestamp.civil(fromDays: days)
        guard (0...9999).contains(year) else {
            string(date.formatted(.iso8601))
            return
        }
        bytes.append(UInt8(ascii: "\""))
        pad(year, 4)
        bytes.append(UInt8(ascii: "-"))
        pad(month, 2)
        bytes.append(UInt8(ascii: "-"))
        pad(day, 2)
        bytes.append(UInt8(ascii: "T"))
        pad(secondOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        pad(secondOfDay / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        pad(secondOfDay % 60, 2)
        raw("Z\"")
    }

    private mutating func pad(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(v / divisor))
            v %= divisor
            divisor /= 10
        }
    }

    /// A string in quotes, escaped as `JSONEncoder` escapes it (with slashes left alone).
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        if let value { write(&self, value) } else { raw("null") }
    }

    /// `CardSchedule` with its keys sorted and dates in ISO 8601 (an API's answer); nil fields omitted, as its
    /// synthesized `Encodable` does.
    public mutating func schedule(_ s: CardSchedule) {
        raw("{")
        if let difficulty = s.difficulty {
            raw("\"difficulty\":")
            double(difficulty)
            raw(",")
        }
        raw("\"due\":")
        date(s.due)
        if let last = s.lastReview {
            raw(",\"lastReview\":")
            date(last)
        }
        raw(",\"phase\":")
        string(s.phase.rawValue)
        if let stability = s.stability {
            raw(",\"stability\":")
            double(stability)
        }
        if let step = s.step {
            raw(",\"step\":")
            int(step)
        }
        raw("}")
    }

    /// `CardSchedule` as a plain `JSONEncoder()` writes it: keys in the order of its fields, dates as seconds since
    /// 2001 (what the store keeps for undo).
    public mutating func plainSchedule(_ s: CardSchedule) {
        raw("{\"phase\":")
        string(s.phase.rawValue)
        if let step = s.step {
            raw(",\"step\":")
            int(step)
        }
        if let stability = s.stability {
            raw(",\"stability\":")
            double(stability)
        }
        if let difficulty = s.difficulty {
            raw(",\"difficulty\":")
            double(difficulty)
        }
        raw(",\"due\":")
        double(s.due.timeIntervalSinceReferenceDate)
        if let last = s.lastReview {
            raw(",\"lastReview\":")
            double(last.timeIntervalSinceReferenceDate)
        }
        raw("}")
    }
}
