/// How one source was understood: its title, its format and its nodes in document order.
public struct Outline: Hashable, Sendable, Codable {
    public var title: String
    public var format: SourceFormat
    /// Front matter and other page data ("description", "subtitle"), never shown as content.
    public var metadata: [String: String]
    public var nodes: [OutlineNode]
    public var warnings: [ImportWarning]
    public var lineCount: Int

    public init(
        title: String, format: SourceFormat, metadata: [String: String] = [:], nodes: [OutlineNode],
        warnings: [ImportWarning] = [], lineCount: Int
    ) {
        self.title = title
        self.format = format
        self.metadata = metadata
        self.nodes = nodes
        self.warnings = warnings
        self.lineCount = lineCount
    }

    public var sections: [OutlineNode] { nodes.filter { $0.kind == .section } }
    public var questions: [OutlineNode] { nodes.filter { $0.kind == .question } }

    /// Counts of nodes by kind, for summaries.
    public var counts: [OutlineNode.Kind: Int] {
        nodes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    /// The index of the parent of the node at `index`: the nearest earlier node of smaller depth.
    public func parentIndex(of index: Int) -> Int? {
        let depth = nodes[index].depth
        var i = index - 1
        while i >= 0 {
            if nodes[i].depth < depth { return i }
            i -= 1
        }
        return nil
    }

    /// The indices of the direct children of the node at `index` (or of the top level for `nil`).
    public func childIndices(of index: Int?) -> [Int] {
        let start = index.map { $0 + 1 } ?? 0
        let depth = index.map { nodes[$0].depth + 1 } ?? 0
        var result: [Int] = []
        var i = start
        while i < nodes.count, nodes[i].depth >= depth {
            if nodes[i].depth == depth { result.append(i) }
            i += 1
        }
        return result
    }

    /// The headings above the node at `index`, outermost first: the node's topic.
    public func path(of index: Int) -> [String] {
        var result: [String] = []
        var current = parentIndex(of: index)
        while let i = current {
            if nodes[i].kind == .section || nodes[i].kind == .question { result.append(nodes[i].text) }
            current = parentIndex(of: i)
        }
        return result.reversed()
    }
}

/// Something the importer noticed but could work around, with the line it concerns when there is one.
public struct ImportWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
