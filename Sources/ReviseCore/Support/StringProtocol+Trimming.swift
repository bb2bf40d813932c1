#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ characters: Set<Character>) -> String {
        var s = self[...]
        while let first = s.first, characters.contains(first) { s = s.dropFirst() }
        while let last = s.last, characters.contains(last) { s = s.dropLast() }
        return String(s)
    }

    /// The text without the given characters (or spaces) at its end.
    func trimmingTrailing(_ characters: Set<Character>) -> String {
        var s = self[...]
        while let last = s.last, characters.contains(last) || last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte: much faster than Foundation's search,
    /// which notes of tens of megabytes would otherwise spend most of their import time in.
    func has(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            return withBytes { Self.search(n, in: $0) }
        }
    }

    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.firstOffset(of: needle, in: hay) != nil
    }

    /// The text's UTF-8 bytes, read in place when the text is stored as one run of bytes (a native string is);
    /// any other is copied into one first.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return copy.withUTF8(body)
    }

    /// The number of words (runs of characters between spaces).
    var wordCount: Int {
        withBytes { bytes in
            var count = 0
            var inWord = false
            for b in bytes {
                if b == 0x20 || b == 0x09 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
    }
}

/// Finding bytes in bytes: the one search the text code uses, instead of Foundation's (slow on Linux).
enum ByteSearch {
    /// The offset where `needle` first occurs in `hay` at or after `start`.
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, start <= hay.count - needle.count else { return nil }
        // In all but the shortest texts, candidates are found with the C library's (vectorised) memchr, by the
        // needle's first byte that is not a space (spaces are everywhere in prose).
        if hay.count - start >= 32, let base = hay.baseAddress {
            var pivot = 0
            while pivot < needle.count - 1, needle[pivot] == 0x20 { pivot += 1 }
            let byte = Int32(needle[pivot])
            var i = start + pivot
            let end = hay.count - (needle.count - pivot) + 1
            while i < end {
                guard let found = memchr(base + i, byte, end - i) else { return nil }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - pivot
                var k = 0
                while k < needle.count, hay[at + k] == needle[k] { k += 1 }
                if k == needle.count { return at }
                i = at + pivot + 1
            }
            return nil
        }
        let first = needle[0]
        var i = start
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func firstOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { n in hay.withUnsafeBufferPointer { h in firstOffset(of: n, in: h) } }
    }
}
