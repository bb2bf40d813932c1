/// Lines of a source file, 1-based and inclusive: what a citation (`file:line`) points at.
public struct Span: Hashable, Sendable, Codable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    public init(line: Int) { self.init(line, line) }

    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }
}
