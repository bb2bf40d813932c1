/// A list of plain words that the fact patterns ask about every word of every sentence ("is it a role noun?",
/// "a verb?"). Written like a `Set<String>` and answering the same, but a word is found by its UTF-8 bytes,
/// packed into two integers and looked up in an open-addressed table with a multiplicative hash, instead of
/// `Set<String>`'s SipHash of the string (hashing for word lists was about 15% of an import).
struct WordList: ExpressibleByArrayLiteral, Sequence, Sendable {
    /// The words, as a set: for iterating, combining lists, and words too long for the table (over 16 bytes).
    let words: Set<String>
    private let low: [UInt64]
    private let high: [UInt64]
    /// The length of the word in each slot plus one; zero for an empty slot.
    private let lengths: [UInt8]
    private let mask: Int

    init(arrayLiteral elements: String...) { self.init(elements) }

    init(_ elements: some Sequence<String>) {
        words = Set(elements)
        var size = 16
        while size < words.count * 4 { size *= 2 }
        var low = [UInt64](repeating: 0, count: size)
        var high = [UInt64](repeating: 0, count: size)
        var lengths = [UInt8](repeating: 0, count: size)
        mask = size - 1
        for word in words {
            var copy = word
            guard let key = copy.withUTF8({ Self.key($0) }) else { continue }
            var slot = Self.slot(key, mask)
            while lengths[slot] != 0 { slot = (slot + 1) & mask }
            low[slot] = key.0
            high[slot] = key.1
            lengths[slot] = UInt8(word.utf8.count + 1)
        }
        self.low = low
        self.high = high
        self.lengths = lengths
    }

    /// The bytes of a word of at most 16 bytes, copied into two integers (zero after the end; with the length,
    /// they tell words apart); nil for longer words.
    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = bytes.count
        guard n <= 16 else { return nil }
        var key: (UInt64, UInt64) = (0, 0)
        if n > 0 {
            withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        }
        return key
    }

    @inline(__always)
    private static func slot(_ key: (UInt64, UInt64), _ mask: Int) -> Int {
        var h = key.0 &* 0x9E37_79B9_7F4A_7C15 ^ (key.1 &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 31
        return Int(truncatingIfNeeded: h) & mask
    }

    func contains(_ word: String) -> Bool {
        let found = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let key = Self.key(bytes) else { return words.contains(word) }
            var slot = Self.slot(key, mask)
            let length = UInt8(bytes.count + 1)
            while lengths[slot] != 0 {
                if low[slot] == key.0, high[slot] == key.1, lengths[slot] == length { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
        return found ?? words.contains(word)
    }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }

    var count: Int { words.count }

    func union(_ other: some Sequence<String>) -> WordList { WordList(words.union(other)) }

    func subtracting(_ other: some Sequence<String>) -> WordList { WordList(words.subtracting(other)) }
}
