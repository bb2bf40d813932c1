/// The byte format the store packs whole values in (outlines, what a source says): LEB128 varints, UTF-8
/// strings with their byte count, doubles as their bits. Written and read by hand: a million nodes or facts
/// cost a fraction of what JSON would.
struct ArchiveWriter {
    var bytes: [UInt8] = []
    /// Once set (`sharingStrings()`), the short strings that repeat (topics, names, a citation's source) are
    /// written once and then by number: the index of each one written so far.
    private var shared: [String: Int]?
    /// The last few lists of strings written, and the last citation's source, with their numbers.
    private var recentLists: [(values: [String], numbers: [Int])] = Array(repeating: ([], []), count: 4)
    private var nextRecent = 0
    private var lastSource: (text: String, number: Int)?

    init(tag: [UInt8], capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        bytes += tag
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int(_ value: Int) {
        var value = UInt64(bitPattern: Int64(value))
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// An optional number: 0 for none, else the value + 1 (values are never negative here).
    mutating func optionalInt(_ value: Int?) { int(value.map { $0 + 1 } ?? 0) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// From here on, `sharedString`, `optionalString`, `strings` and citations write each string once.
    mutating func sharingStrings() { shared = [:] }

    /// A string that may repeat: 0 and the string the first time, then the number of the first time + 1.
    /// Written plainly when strings are not shared.
    mutating func sharedString(_ text: String) {
        guard shared != nil else { return string(text) }
        _ = writeShared(text)
    }

    /// Writes a shared string and returns its number.
    private mutating func writeShared(_ text: String) -> Int {
        if let number = shared![text] {
            int(number + 1)
            return number
        }
        let number = shared!.count
        shared![text] = number
        int(0)
        string(text)
        return number
    }

    mutating func optionalString(_ text: String?) {
        if let text {
            byte(1)
            sharedString(text)
        } else {
            byte(0)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        guard shared != nil, !values.isEmpty else {
            for value in values { sharedString(value) }
            return
        }
        // A list written a moment ago (a topic, fact after fact under one heading): its numbers again, unhashed.
        if let recent = recentLists.first(where: { $0.values == values }) {
            for number in recent.numbers { int(number + 1) }
            return
        }
        var numbers: [Int] = []
        numbers.reserveCapacity(values.count)
        for value in values { numbers.append(writeShared(value)) }
        recentLists[nextRecent] = (values, numbers)
        nextRecent = (nextRecent + 1) % recentLists.count
    }

    /// A citation's source, the same file over and over: its number kept, unhashed.
    mutating func citationSource(_ source: String) {
        guard shared != nil else { return string(source) }
        if let last = lastSource, last.text == source { return int(last.number + 1) }
        lastSource = (source, writeShared(source))
    }
}

import ReviseCore

private let cardKinds = Card.Kind.allCases

extension ArchiveWriter {
    mutating func citations(_ citations: [Citation]) {
        int(citations.count)
        for c in citations {
            citationSource(c.source)
            int(c.span.first)
            int(c.span.last - c.span.first)
        }
    }

    /// A card, whole: what a source's knowledge keeps of the cards written in it, and an outline of the cards
    /// a note from another tool stands for.
    mutating func card(_ card: Card) {
        string(card.id)
        int(cardKinds.firstIndex(of: card.kind)!)
        string(card.prompt)
        string(card.answer)
        strings(card.choices)
        strings(card.order)
        optionalString(card.note)
        strings(card.topic)
        strings(card.tags)
        citations(card.citations)
    }
}

extension ArchiveReader {
    mutating func citations() throws(ArchiveDamaged) -> [Citation] {
        let count = try count()
        var result: [Citation] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let source = try sharedString()
            let first = try int()
            result.append(Citation(source: source, span: Span(first, first + (try int()))))
        }
        return result
    }

    mutating func card() throws(ArchiveDamaged) -> Card {
        let id = try string()
        let kind = try choice(cardKinds)
        let prompt = try string()
        let answer = try string()
        let choices = try strings()
        let order = try strings()
        let note = try optionalString()
        let topic = try strings()
        let tags = try strings()
        return Card(
            id: id, kind: kind, prompt: prompt, answer: answer, choices: choices, order: order, note: note, topic: topic,
            citations: try citations(), tags: tags)
    }
}

/// The archive could not be read: the database was changed by something other than Revise.
struct ArchiveDamaged: Error, CustomStringConvertible {
    var offset: Int
    var description: String { "the stored data is damaged at byte \(offset)" }
}

struct ArchiveReader {
    let bytes: [UInt8]
    var offset = 0
    /// The strings read so far, once strings are shared (as `ArchiveWriter.sharingStrings()`).
    private var shared: [String]?

    init(_ bytes: [UInt8], tag: [UInt8]) throws(ArchiveDamaged) {
        guard bytes.starts(with: tag) else { throw ArchiveDamaged(offset: 0) }
        self.bytes = bytes
        offset = tag.count
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(ArchiveDamaged) -> UInt8 {
        guard offset < bytes.count else { throw ArchiveDamaged(offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(ArchiveDamaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw ArchiveDamaged(offset: offset - 1) }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        let result = Int(Int64(bitPattern: value))
        guard result >= 0 else { throw ArchiveDamaged(offset: offset) }
        return result
    }

    mutating func optionalInt() throws(ArchiveDamaged) -> Int? {
        let value = try int()
        return value == 0 ? nil : value - 1
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    mutating func count() throws(ArchiveDamaged) -> Int {
        let value = try int()
        guard value <= bytes.count - offset else { throw ArchiveDamaged(offset: offset) }
        return value
    }

    mutating func double() throws(ArchiveDamaged) -> Double {
        guard bytes.count - offset >= 8 else { throw ArchiveDamaged(offset: offset) }
        var bits: UInt64 = 0
        for k in 0..<8 { bits |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws(ArchiveDamaged) -> String {
        let count = try count()
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }
    }

    mutating func sharingStrings() { shared = [] }

    mutating func sharedString() throws(ArchiveDamaged) -> String {
        guard shared != nil else { return try string() }
        let number = try int()
        if number == 0 {
            let text = try string()
            shared!.append(text)
            return text
        }
        guard number <= shared!.count else { throw ArchiveDamaged(offset: offset - 1) }
        return shared![number - 1]
    }

    mutating func optionalString() throws(ArchiveDamaged) -> String? {
        switch try byte() {
        case 0: return nil
        case 1: return try sharedString()
        default: throw ArchiveDamaged(offset: offset - 1)
        }
    }

    mutating func strings() throws(ArchiveDamaged) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try sharedString()) }
        return values
    }

    /// One of a fixed set of cases, stored as its index.
    mutating func choice<T>(_ cases: [T]) throws(ArchiveDamaged) -> T {
        let index = try int()
        guard index < cases.count else { throw ArchiveDamaged(offset: offset - 1) }
        return cases[index]
    }
}
