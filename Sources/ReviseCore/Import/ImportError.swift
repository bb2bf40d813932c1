import Foundation

/// Why a file could not be read as notes. Each case names the file, and the line where one applies.
public enum ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty(file: String)
    case binary(file: String, line: Int)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case unreadable(file: String, reason: String)
    case notFound(path: String)
    case noNotes(file: String)
    /// Something wrong at one line of the file: a ragged row, an unclosed quotation mark, a card without a front.
    case invalid(file: String, line: Int, reason: String)

    public var file: String {
        switch self {
        case .empty(let f), .binary(let f, _), .tooLarge(let f, _, _), .unreadable(let f, _), .noNotes(let f),
            .invalid(let f, _, _):
            f
        case .notFound(let p): p
        }
    }

    public var description: String {
        switch self {
        case .empty(let file):
            "\(file): the file is empty; there are no notes to import"
        case .binary(let file, let line):
            "\(file):\(line): this looks like a binary file (it contains a NUL byte), not notes in text"
        case .tooLarge(let file, let bytes, let limit):
            "\(file): the file is \(ByteSize(bytes)), more than the limit of \(ByteSize(limit)) (raise it with --max-size)"
        case .unreadable(let file, let reason):
            "\(file): cannot be read: \(reason)"
        case .notFound(let path):
            "\(path): no such file or folder"
        case .noNotes(let file):
            "\(file): nothing in this file reads as notes (only markup or blank lines)"
        case .invalid(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        }
    }
}

/// A byte count as a person reads it ("50.0 MB").
public struct ByteSize: CustomStringConvertible, Sendable {
    public let bytes: Int
    public init(_ bytes: Int) { self.bytes = bytes }
    public var description: String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1e3) }
        return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
