/// Where a piece of knowledge comes from: a source file and the lines in it. Prints as `file:line`.
public struct Citation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The file name, as the user knows it.
    public var source: String
    public var span: Span

    public init(source: String, span: Span) {
        self.source = source
        self.span = span
    }

    public var description: String { "\(source):\(span)" }

    public static func < (a: Citation, b: Citation) -> Bool {
        (a.source, a.span.first, a.span.last) < (b.source, b.span.first, b.span.last)
    }
}
