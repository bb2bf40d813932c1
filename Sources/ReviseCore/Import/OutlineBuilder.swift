/// Builds the flat, depth-annotated node list of an outline from a stream of headings and items.
///
/// Containers are kept on a stack. A heading closes every open heading of the same or a lower rank (rank 0 is
/// outermost); an item closes the items indented as much as it or more, so deeper bullets nest. When a
/// container closes, its span grows to cover everything under it.
struct OutlineBuilder {
    private(set) var nodes: [OutlineNode] = []
    private(set) var warnings: [ImportWarning] = []
    private var stack: [Entry] = []

    /// Deeper nesting than this is flattened: no real notes go so deep, and every reader of the outline
    /// (a terminal, a page) would show it as a wall of indentation.
    static let maxDepth = 64

    private struct Entry {
        let index: Int
        /// Headings: their rank. Items: nil.
        let rank: Int?
        /// Items: their indent.
        let indent: Int
        /// An item such as "1937:" that takes the bullets that follow it at its own indent as children.
        let adopting: Bool
    }

    var isEmpty: Bool { nodes.isEmpty }

    /// True when an open heading is a question: short lines under it are plan points, not headings.
    var insideQuestion: Bool {
        stack.contains { $0.rank != nil && nodes[$0.index].kind == .question }
    }

    /// Opens a section or a question of the given rank.
    mutating func openHeading(_ node: OutlineNode, rank: Int) {
        closeItems()
        while let top = stack.last, let topRank = top.rank, topRank >= rank { pop() }
        var node = node
        node.depth = stack.count
        if node.kind == .section {
            node.level = stack.filter { $0.rank != nil }.count + 1
        }
        nodes.append(node)
        stack.append(Entry(index: nodes.count - 1, rank: rank, indent: 0, adopting: false))
    }

    /// Adds an item (bullet, line, paragraph, card) at an indent; `isListItem` is true for bulleted lines.
    mutating func addItem(_ node: OutlineNode, indent: Int, isListItem: Bool, adopts: Bool = false) {
        if !isListItem {
            // A plain line ends any list an earlier "Heading:" line adopted.
            while let top = stack.last, top.rank == nil, top.indent >= indent || top.adopting { pop() }
        }
        while let top = stack.last, top.rank == nil, top.indent >= indent { pop() }
        if stack.count >= Self.maxDepth {
            if warnings.isEmpty {
                warnings.append(
                    ImportWarning(
                        line: node.span.first,
                        "lists nest deeper than \(Self.maxDepth) levels from here; deeper lines were kept at that level"))
            }
            while stack.count >= Self.maxDepth { pop() }
        }
        var node = node
        node.depth = stack.count
        nodes.append(node)
        stack.append(Entry(index: nodes.count - 1, rank: nil, indent: adopts ? indent - 1 : indent, adopting: adopts))
    }

    /// Closes open items, keeping headings open.
    mutating func closeItems() {
        while let top = stack.last, top.rank == nil { pop() }
    }

    /// Closes everything: the next heading starts at the top level.
    mutating func closeAll() {
        while !stack.isEmpty { pop() }
    }

    private mutating func pop() {
        let entry = stack.removeLast()
        let end = nodes[nodes.count - 1].span.last
        if end > nodes[entry.index].span.last { nodes[entry.index].span.last = end }
    }

    /// Extends the open headings to cover a line that belongs to them but is not a node (a card's "N of M").
    mutating func cover(line: Int) {
        for entry in stack where entry.rank != nil && nodes[entry.index].span.last < line {
            nodes[entry.index].span.last = line
        }
    }

    /// Rewrites a node already added (a list item whose continuation lines arrived after it).
    mutating func replace(at index: Int, with node: OutlineNode) {
        var node = node
        node.depth = nodes[index].depth
        node.span.last = max(node.span.last, nodes[index].span.last)
        nodes[index] = node
    }

    mutating func finish() -> [OutlineNode] {
        closeAll()
        return nodes
    }
}

/// What a format's parser makes of a file: the title, page data, the nodes and anything worth a warning.
struct ParsedOutline {
    var title: String
    var metadata: [String: String] = [:]
    var nodes: [OutlineNode]
    var warnings: [ImportWarning] = []
}
