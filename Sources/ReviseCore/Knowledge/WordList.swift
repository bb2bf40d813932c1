/// A list of plain words that the fact patterns ask about every word of every sentence ("is it a role noun?",
/// "a verb?"). Written like a `Set<String>` and answering the same, but a word is found by its UTF-8 bytes,
/// packed into two integers and looked up in an open-addressed table with a multiplicative hash, instead of
/// `Set<String>`'s SipHash of the string (hashing for word lists was about 15% of an import).
struct WordList: ExpressibleByArrayLiteral, Sequence, Sendable {
    /// The words, as a set: for iterating, combining lists, and words too long for the table (over 16 bytes).
    let words: Set<String>
    /// The keys of the words that have one, open-addressed (`Key.slot(of:in:)`).
    private let table: [Key]

    init(arrayLiteral elements: String...) { self.init(elements) }

    init(_ elements: some Sequence<String>) {
        words = Set(elements)
        var size = 16
        while size < words.count * 4 { size *= 2 }
        var table = [Key](repeating: Key(), count: size)
        for word in words {
            let key = Key(word: word)
            guard key.length != 0 else { continue }
            table[Key.slot(of: key, in: table)] = key
        }
        self.table = table
    }

    /// A word's UTF-8 bytes packed into two integers (zero after the end), with its length + 1: with the length
    /// they tell words apart. A length of 0 marks an empty slot, or a word too long to have a key (over 16 bytes).
    /// Made once per word of a sentence (`Words.Word.key`), so asking many lists about one word does not read its
    /// bytes each time.
    struct Key: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: UInt8 = 0

        /// An empty slot.
        init() {}

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            guard n <= 16 else { return }
            // Byte k in bits 8k of the first integer, then of the second (shifts, not a copy through memory:
            // words are short, and this is done for every word of every sentence).
            for k in 0..<Swift.min(n, 8) { low |= UInt64(bytes[k]) << UInt64(8 * k) }
            if n > 8 { for k in 8..<n { high |= UInt64(bytes[k]) << UInt64(8 * (k - 8)) } }
            length = UInt8(n + 1)
        }

        init(word: String) {
            var word = word
            self = word.withUTF8 { Key($0) }
        }

        /// The slot holding `key` in an open-addressed table of keys (a power of two in size, never full), or the
        /// empty slot where it would go.
        @inline(__always)
        static func slot(of key: Key, in table: [Key]) -> Int {
            let mask = table.count - 1
            var h = key.low &* 0x9E37_79B9_7F4A_7C15 ^ (key.high &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 31
            var slot = Int(truncatingIfNeeded: h) & mask
            while table[slot].length != 0, table[slot] != key { slot = (slot + 1) & mask }
            return slot
        }
    }

    /// Whether the list has the word whose lower case is `word.lower`: as `contains(word.lower)`, by its key.
    @inline(__always)
    func contains(_ word: Words.Word) -> Bool { contains(word.key) ?? words.contains(word.lower) }

    func contains(_ word: String) -> Bool { contains(Key(word: word)) ?? words.contains(word) }

    /// Nil for a word with no key.
    @inline(__always)
    private func contains(_ key: Key) -> Bool? {
        guard key.length != 0 else { return nil }
        return table[Key.slot(of: key, in: table)].length != 0
    }

    func makeIterator() -> Set<String>.Iterator { words.makeIterator() }

    var count: Int { words.count }

    func union(_ other: some Sequence<String>) -> WordList { WordList(words.union(other)) }

    func subtracting(_ other: some Sequence<String>) -> WordList { WordList(words.subtracting(other)) }
}

/// How often each word was seen, counted by the word's key (`WordList.Key`) in an open-addressed table: every
/// lower-case word of every sentence is counted, and a `[String: Int]` hashed each one's string (SipHash).
struct WordCounts {
    private var keys = [WordList.Key](repeating: WordList.Key(), count: 1024)
    private var counts = [Int](repeating: 0, count: 1024)
    private var used = 0
    /// Words too long for a key.
    private var long: [String: Int] = [:]

    /// One more use of `word` (its lower case).
    mutating func add(_ word: Words.Word, count: Int = 1) {
        guard word.key.length != 0 else { return long[word.lower, default: 0] += count }
        add(word.key, count: count)
    }

    private mutating func add(_ key: WordList.Key, count: Int) {
        if used * 2 >= keys.count { grow() }
        let slot = WordList.Key.slot(of: key, in: keys)
        if keys[slot].length == 0 {
            keys[slot] = key
            used += 1
        }
        counts[slot] += count
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
        let key = WordList.Key(word: word)
        guard key.length != 0 else { return long[word] ?? 0 }
        let slot = WordList.Key.slot(of: key, in: keys)
        return keys[slot].length != 0 ? counts[slot] : 0
    }

    /// Adds the counts of `other`.
    mutating func add(_ other: WordCounts) {
        for (key, count) in zip(other.keys, other.counts) where key.length != 0 { add(key, count: count) }
        for (word, count) in other.long { long[word, default: 0] += count }
    }
}
