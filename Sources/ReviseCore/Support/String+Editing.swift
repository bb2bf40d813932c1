extension String {
    /// Where `needle` first occurs, compared byte for byte (no Foundation, no grapheme breaking).
    func byteRange(of needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
        var hay = self
        var needle = needle
        let from = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        let found: Int? = hay.withUTF8 { h in
            needle.withUTF8 { n in ByteSearch.firstOffset(of: n, in: h, from: from) }
        }
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Where `needle` last occurs, compared byte for byte.
    func lastByteRange(of needle: String) -> Range<String.Index>? {
        let hay = Array(utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, hay.count >= n.count else { return nil }
        var at = hay.count - n.count
        while at >= 0 {
            if hay[at] == n[0], hay[at..<(at + n.count)].elementsEqual(n) {
                let lower = utf8.index(utf8.startIndex, offsetBy: at)
                return lower..<utf8.index(lower, offsetBy: n.count)
            }
            at -= 1
        }
        return nil
    }

    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, let r = byteRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }

    /// The text split at every occurrence of `separator`.
    func pieces(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var start = startIndex
        while let r = byteRange(of: separator, from: start) {
            result.append(String(self[start..<r.lowerBound]))
            start = r.upperBound
        }
        result.append(String(self[start...]))
        return result
    }

    /// The two sides of the first of `separators` found (the earliest in the text).
    func splitOnce(separators: [String]) -> (String, String)? {
        var best: Range<String.Index>?
        for separator in separators {
            if let r = byteRange(of: separator), best == nil || r.lowerBound < best!.lowerBound { best = r }
        }
        guard let best else { return nil }
        let left = String(self[..<best.lowerBound]).trimmingPunctuation()
        let right = String(self[best.upperBound...]).trimmingPunctuation()
        guard !left.isEmpty, !right.isEmpty else { return nil }
        return (left, right)
    }

    /// The text without spaces and punctuation that dangle at its ends (",", ":", "-", "•"); closing brackets and
    /// quotes stay when the text opened them.
    func trimmingPunctuation() -> String {
        // Nearly always nothing to trim: decide from the first and last bytes.
        if let first = utf8.first, let last = utf8.last, first.isTrimmable == false, last.isTrimmable == false {
            return self
        }
        var text = self
        let trimmed: String = text.withUTF8 { bytes in
            var a = 0
            var b = bytes.count
            while a < b, let width = Self.danglingWidth(bytes, at: a) { a += width }
            while b > a, let width = Self.danglingWidthBefore(bytes, end: b) { b -= width }
            if a == 0, b == bytes.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        // A closing bracket or quote whose opener is not in the text.
        guard let (open, width) = trimmed.closerAtEnd, !trimmed.has(open) else { return trimmed }
        return String(decoding: trimmed.utf8.dropLast(width), as: UTF8.self).trimmingPunctuation()
    }

    /// The opener of the ")", "”" or "’" the text ends with, and the closer's width in bytes.
    private var closerAtEnd: (open: String, width: Int)? {
        let bytes = utf8
        guard let last = bytes.last else { return nil }
        if last == 0x29 { return ("(", 1) }
        guard last == 0x9D || last == 0x99, bytes.count >= 3 else { return nil }
        let end = bytes.index(bytes.endIndex, offsetBy: -3)
        guard bytes[end] == 0xE2, bytes[bytes.index(after: end)] == 0x80 else { return nil }
        return last == 0x9D ? ("“", 3) : ("‘", 3)
    }

    /// Spaces and punctuation that dangle at an end: ASCII " ,:;-.\t=>/!" and "–", "—", "•", no-break space.
    private static func danglingWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b = bytes[i]
        if b < 0x80 {
            switch b {
            case 0x20, 0x2C, 0x3A, 0x3B, 0x2D, 0x2E, 0x09, 0x3D, 0x3E, 0x2F: return 1
            default: return nil
            }
        }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 || bytes[i + 2] == 0xA2 {
            return 3
        }
        return nil
    }

    private static func danglingWidthBefore(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Int? {
        let b = bytes[end - 1]
        if b < 0x80 { return b == 0x21 ? 1 : danglingWidth(bytes, at: end - 1) }
        if end >= 2, bytes[end - 2] == 0xC2, b == 0xA0 { return 2 }
        if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, b == 0x93 || b == 0x94 || b == 0xA2 { return 3 }
        return nil
    }

    /// `isOneEditAway` for two ASCII texts; nil when either is not ASCII.
    private func isOneEditAwayASCII(from other: String) -> Bool? {
        var x = self
        var y = other
        return x.withUTF8 { a -> Bool? in
            y.withUTF8 { b -> Bool? in
                guard !a.contains(where: { $0 >= 0x80 }), !b.contains(where: { $0 >= 0x80 }) else { return nil }
                return Self.oneEdit(a, b)
            }
        }
    }

    /// One element inserted, deleted or changed turns `a` into `b` (not none).
    private static func oneEdit<C: RandomAccessCollection>(_ a: C, _ b: C) -> Bool where C.Element: Equatable, C.Index == Int {
        if a.elementsEqual(b) { return false }
        if abs(a.count - b.count) > 1 { return false }
        var i = a.startIndex
        var j = b.startIndex
        var edits = 0
        while i < a.endIndex, j < b.endIndex {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if a.count < b.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.endIndex - i) + (b.endIndex - j) <= 1
    }

    /// True when one letter inserted, deleted or changed turns one into the other.
    func isOneEditAway(from other: String) -> Bool {
        // One scalar more or less changes the UTF-8 length by at most four bytes: most pairs stop here, before
        // any copying.
        if abs(utf8.count - other.utf8.count) > 4 { return false }
        // ASCII words (nearly all) are compared as bytes, which are their scalars, without copying.
        if let answer = isOneEditAwayASCII(from: other) { return answer }
        return Self.oneEdit(Array(unicodeScalars), Array(other.unicodeScalars))
    }
}

extension Unicode.Scalar {
    /// A letter of any script; ASCII answered without the Unicode tables (most of any note is ASCII).
    @inline(__always) var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        return properties.isAlphabetic
    }

    @inline(__always) var isCapital: Bool {
        if value < 0x80 { return value &- 0x41 < 26 }
        return properties.isUppercase
    }
}

extension UInt8 {
    /// A byte that may begin or end something `trimmingPunctuation` removes (any non-ASCII byte may).
    fileprivate var isTrimmable: Bool {
        if self >= 0x80 { return true }
        switch self {
        case 0x20, 0x2C, 0x3A, 0x3B, 0x2D, 0x2E, 0x09, 0x3D, 0x3E, 0x2F, 0x21, 0x29: return true
        default: return false
        }
    }
}

/// A text as unicode scalars for reading, with the UTF-8 offset of each scalar, so slices of it are copied
/// from bytes instead of being rebuilt scalar by scalar.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    let bytes: [UInt8]
    /// `offsets[i]` is where scalar `i` starts in `bytes`; the last entry is `bytes.count`.
    let offsets: [Int]

    init(_ text: String) { self.init(text, bytes: Array(text.utf8)) }

    /// `bytes` must be the text's UTF-8.
    init(_ text: String, bytes: [UInt8]) {
        self.bytes = bytes
        // Most notes are ASCII: one scalar per byte, read without decoding (the arrays filled in plain loops).
        if Self.isASCII(bytes) {
            let n = bytes.count
            scalars = bytes.withUnsafeBufferPointer { b in
                Array(unsafeUninitializedCapacity: n) { buffer, count in
                    for k in 0..<n { buffer[k] = Unicode.Scalar(b[k]) }
                    count = n
                }
            }
            offsets = Array(unsafeUninitializedCapacity: n + 1) { buffer, count in
                for k in 0...n { buffer[k] = k }
                count = n + 1
            }
            return
        }
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for c in scalars {
            offsets.append(offset)
            offset += UTF8.width(c)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    /// No byte of `bytes` is above 0x7F.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var high: UInt8 = 0
            for byte in b { high |= byte }
            return high < 0x80
        }
    }

    /// Scalars `a..<b` as a string.
    func slice(_ a: Int, _ b: Int) -> String { String(decoding: bytes[offsets[a]..<offsets[b]], as: UTF8.self) }
}
