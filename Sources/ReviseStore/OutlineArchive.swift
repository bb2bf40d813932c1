import ReviseCore

/// An outline's nodes packed into one compact byte string, the way the store keeps them.
///
/// Notes of tens of megabytes have a million nodes; one database row per node made the row inserts nearly half
/// of an import. An outline is always read whole (to show it, or to extract knowledge from it), so it is kept
/// whole: one value per source. What must be queried row by row (facts, cards, passages to search) gets its
/// own tables.
///
/// Layout: the 4-byte tag `RVO1`, the node count, then per node: kind (1 byte), flags (1 byte), depth, first
/// line, last line − first line, the text, then the fields the flags announce. Integers are LEB128 varints;
/// strings are a varint byte count followed by UTF-8.
enum OutlineArchive {
    static let tag: [UInt8] = Array("RVO1".utf8)

    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let level = Flags(rawValue: 1 << 0)
        static let label = Flags(rawValue: 1 << 1)
        static let marks = Flags(rawValue: 1 << 2)
        static let answer = Flags(rawValue: 1 << 3)
        static let bothWays = Flags(rawValue: 1 << 4)
        static let emphasis = Flags(rawValue: 1 << 5)
        static let clozes = Flags(rawValue: 1 << 6)
    }

    private static let kinds = OutlineNode.Kind.allCases

    static func encode(_ nodes: [OutlineNode]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(nodes.count * 48)
        out += tag
        putInt(nodes.count, &out)
        for node in nodes {
            var flags: Flags = []
            if node.level != nil { flags.insert(.level) }
            if node.label != nil { flags.insert(.label) }
            if node.marks != nil { flags.insert(.marks) }
            if node.answer != nil { flags.insert(.answer) }
            if node.bothWays { flags.insert(.bothWays) }
            if !node.emphasis.isEmpty { flags.insert(.emphasis) }
            if !node.clozes.isEmpty { flags.insert(.clozes) }
            out.append(UInt8(kinds.firstIndex(of: node.kind)!))
            out.append(flags.rawValue)
            putInt(node.depth, &out)
            putInt(node.span.first, &out)
            putInt(node.span.last - node.span.first, &out)
            putString(node.text, &out)
            if let level = node.level { putInt(level, &out) }
            if let label = node.label { putString(label, &out) }
            if let marks = node.marks { putInt(marks, &out) }
            if let answer = node.answer { putString(answer, &out) }
            if !node.emphasis.isEmpty { putList(node.emphasis, &out) }
            if !node.clozes.isEmpty { putList(node.clozes, &out) }
        }
        return out
    }

    /// The archive could not be read: the database was changed by something other than Revise.
    struct Damaged: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "the stored outline is damaged at byte \(offset)" }
    }

    static func decode(_ bytes: [UInt8]) throws(Damaged) -> [OutlineNode] {
        var reader = Reader(bytes: bytes)
        guard bytes.starts(with: tag) else { throw Damaged(offset: 0) }
        reader.offset = tag.count
        let count = try reader.int()
        guard count <= bytes.count else { throw Damaged(offset: reader.offset) }
        var nodes: [OutlineNode] = []
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            let kindIndex = Int(try reader.byte())
            guard kindIndex < kinds.count else { throw Damaged(offset: reader.offset - 1) }
            let flags = Flags(rawValue: try reader.byte())
            let depth = try reader.int()
            let first = try reader.int()
            let last = first + (try reader.int())
            var node = OutlineNode(kind: kinds[kindIndex], depth: depth, text: try reader.string(), span: Span(first, last))
            if flags.contains(.level) { node.level = try reader.int() }
            if flags.contains(.label) { node.label = try reader.string() }
            if flags.contains(.marks) { node.marks = try reader.int() }
            if flags.contains(.answer) { node.answer = try reader.string() }
            node.bothWays = flags.contains(.bothWays)
            if flags.contains(.emphasis) { node.emphasis = try reader.list() }
            if flags.contains(.clozes) { node.clozes = try reader.list() }
            nodes.append(node)
        }
        guard reader.offset == bytes.count else { throw Damaged(offset: reader.offset) }
        return nodes
    }

    private static func putInt(_ value: Int, _ out: inout [UInt8]) {
        var value = UInt64(bitPattern: Int64(value))
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func putString(_ text: String, _ out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            putInt(bytes.count, &out)
            out.append(contentsOf: bytes)
        }
    }

    private static func putList(_ values: [String], _ out: inout [UInt8]) {
        putInt(values.count, &out)
        for value in values { putString(value, &out) }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(Damaged) -> UInt8 {
            guard offset < bytes.count else { throw Damaged(offset: offset) }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func int() throws(Damaged) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Damaged(offset: offset - 1) }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            let result = Int(Int64(bitPattern: value))
            guard result >= 0 else { throw Damaged(offset: offset) }
            return result
        }

        mutating func string() throws(Damaged) -> String {
            let count = try int()
            guard count <= bytes.count - offset else { throw Damaged(offset: offset) }
            defer { offset += count }
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
            }
        }

        mutating func list() throws(Damaged) -> [String] {
            let count = try int()
            guard count <= bytes.count - offset else { throw Damaged(offset: offset) }
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try string()) }
            return values
        }
    }
}
