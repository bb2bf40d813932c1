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
    fileprivate static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = bytes.count
        guard n <= 16 else { return nil }
        // Byte k in bits 8k of the first integer, then of the second (shifts, not a copy through memory: words are
        // short, and this is done for every word of every sentence).
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<Swift.min(n, 8) { low |= UInt64(bytes[k]) << UInt64(8 * k) }
        if n > 8 { for k in 8..<n { high |= UInt64(bytes[k]) << UInt64(8 * (k - 8)) } }
        return (low, high)
    }

    @inline(__always)
    fileprivate static func slot(_ key: (UInt64, UInt64), _ mask: Int) -> Int {
        var h = key.0 &* 0x9E37_79B9_7F4A_7C15 ^ (key.1 &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 31
        return Int(truncatingIfNeeded: h) & mask
    }

    /// A word's bytes as the table keeps them (`key(_:)`), with its length + 1; a length of 0 for a word too long
    /// for the table. Made once per word of a sentence (`Words.Word.key`), so asking many lists about one word does
    /// not read its bytes each time.
    struct Key: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: UInt8 = 0

        /// An empty slot.
        init() {}

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let key = WordList.key(bytes) else { return }
            (low, high, length) = (key.0, key.1, UInt8(bytes.count + 1))
        }
    }

    /// Whether the list has the word whose lower case is `word.lower`: as `contains(word.lower)`, by its key.
    @inline(__always)
    func contains(_ word: Words.Word) -> Bool {
        let key = word.key
        guard key.length != 0 else { return words.contains(word.lower) }
        var slot = Self.slot((key.low, key.high), mask)
        while lengths[slot] != 0 {
            if low[slot] == key.low, high[slot] == key.high, lengths[slot] == key.length { return true }
            slot = (slot + 1) & mask
        }
        return false
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

/// How often each word was seen, counted by the word's key (`WordList.Key`) in an open-addressed table: every
/// lower-case word of every sentence is counted, and a `[String: Int]` hashed each one's string (SipHash).
struct WordCounts {
    private var keys: [WordList.Key]
    private var counts: [Int]
    private var used = 0
    /// Words too long for a key.
    private var long: [String: Int] = [:]

    init() {
        keys = Array(repeating: WordList.Key(), count: 1024)
        counts = Array(repeating: 0, count: 1024)
    }

    /// One more use of `word` (its lower case).
    mutating func add(_ word: Words.Word, count: Int = 1) {
        guard word.key.length != 0 else { return long[word.lower, default: 0] += count }
        add(word.key, count: count)
    }

    private mutating func add(_ key: WordList.Key, count: Int) {
        if used * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = WordList.slot((key.low, key.high), mask)
        while keys[slot].length != 0 {
            if keys[slot].low == key.low, keys[slot].high == key.high, keys[slot].length == key.length {
                counts[slot] += count
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        counts[slot] = count
        used += 1
    }

    private mutating func grow() {
        let old = zip(keys, counts).filter { $0.0.length != 0 }
        keys = Array(repeating: WordList.Key(), count: keys.count * 2)
        counts = Array(repeating: 0, count: keys.count)
        used = 0
        for (key, count) in old { add(key, count: count) }
    }

    /// How often `word` (in lower case) was seen.
    subscript(_ word: String) -> Int {
        var word = word
        let key = word.withUTF8 { WordList.Key($0) }
        guard key.length != 0 else { return long[word] ?? 0 }
        let mask = keys.count - 1
        var slot = WordList.slot((key.low, key.high), mask)
        while keys[slot].length != 0 {
            if keys[slot].low == key.low, keys[slot].high == key.high, keys[slot].length == key.length {
                return counts[slot]
            }
            slot = (slot + 1) & mask
        }
        return 0
    }

    /// Adds the counts of `other`.
    mutating func add(_ other: WordCounts) {
        for (key, count) in zip(other.keys, other.counts) where key.length != 0 { add(key, count: count) }
        for (word, count) in other.long { long[word, default: 0] += count }
    }
}
