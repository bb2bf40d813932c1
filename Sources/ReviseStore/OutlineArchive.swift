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
/// strings are a varint byte count followed by UTF-8. The last flag says a second flags byte follows, for what
/// only notes from other tools carry (tags, their exact cards), so older outlines read unchanged.
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
        static let more = Flags(rawValue: 1 << 7)
    }

    private struct MoreFlags: OptionSet {
        let rawValue: UInt8
        static let tags = MoreFlags(rawValue: 1 << 0)
        static let cards = MoreFlags(rawValue: 1 << 1)
    }

    private static let kinds = OutlineNode.Kind.allCases

    static func encode(_ nodes: [OutlineNode]) -> [UInt8] {
        var out = ArchiveWriter(tag: tag, capacity: nodes.count * 48)
        out.int(nodes.count)
        for node in nodes {
            var flags: Flags = []
            if node.level != nil { flags.insert(.level) }
            if node.label != nil { flags.insert(.label) }
            if node.marks != nil { flags.insert(.marks) }
            if node.answer != nil { flags.insert(.answer) }
            if node.bothWays { flags.insert(.bothWays) }
            if !node.emphasis.isEmpty { flags.insert(.emphasis) }
            if !node.clozes.isEmpty { flags.insert(.clozes) }
            var more: MoreFlags = []
            if !node.tags.isEmpty { more.insert(.tags) }
            if !node.cards.isEmpty { more.insert(.cards) }
            if !more.isEmpty { flags.insert(.more) }
            out.byte(UInt8(kinds.firstIndex(of: node.kind)!))
            out.byte(flags.rawValue)
            if !more.isEmpty { out.byte(more.rawValue) }
            out.int(node.depth)
            out.int(node.span.first)
            out.int(node.span.last - node.span.first)
            out.string(node.text)
            if let level = node.level { out.int(level) }
            if let label = node.label { out.string(label) }
            if let marks = node.marks { out.int(marks) }
            if let answer = node.answer { out.string(answer) }
            if !node.emphasis.isEmpty { out.strings(node.emphasis) }
            if !node.clozes.isEmpty { out.strings(node.clozes) }
            if !node.tags.isEmpty { out.strings(node.tags) }
            if !node.cards.isEmpty {
                out.int(node.cards.count)
                for card in node.cards { out.card(card) }
            }
        }
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(ArchiveDamaged) -> [OutlineNode] {
        var reader = try ArchiveReader(bytes, tag: tag)
        let count = try reader.count()
        var nodes: [OutlineNode] = []
        nodes.reserveCapacity(count)
        for _ in 0..<count {
            let kind = try reader.choice(kinds)
            let flags = Flags(rawValue: try reader.byte())
            let more = flags.contains(.more) ? MoreFlags(rawValue: try reader.byte()) : []
            let depth = try reader.int()
            let first = try reader.int()
            let last = first + (try reader.int())
            var node = OutlineNode(kind: kind, depth: depth, text: try reader.string(), span: Span(first, last))
            if flags.contains(.level) { node.level = try reader.int() }
            if flags.contains(.label) { node.label = try reader.string() }
            if flags.contains(.marks) { node.marks = try reader.int() }
            if flags.contains(.answer) { node.answer = try reader.string() }
            node.bothWays = flags.contains(.bothWays)
            if flags.contains(.emphasis) { node.emphasis = try reader.strings() }
            if flags.contains(.clozes) { node.clozes = try reader.strings() }
            if more.contains(.tags) { node.tags = try reader.strings() }
            if more.contains(.cards) {
                let count = try reader.count()
                node.cards.reserveCapacity(count)
                for _ in 0..<count { node.cards.append(try reader.card()) }
            }
            nodes.append(node)
        }
        guard reader.isAtEnd else { throw ArchiveDamaged(offset: reader.offset) }
        return nodes
    }
}
