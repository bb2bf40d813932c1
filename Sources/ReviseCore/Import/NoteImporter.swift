/// Turns the bytes of a note file into an outline: decode, detect the format, parse. Pure: the caller reads
/// the file and passes its bytes.
public enum NoteImporter {
    public struct Options: Sendable {
        /// Files larger than this are refused before they are read into an outline.
        public var maxBytes: Int
        public init(maxBytes: Int = defaultMaxBytes) { self.maxBytes = maxBytes }
        public static let defaultMaxBytes = 64 * 1_000_000
    }

    /// - Parameters:
    ///   - name: how errors and citations name the file (a path as the user gave it, or a file name).
    ///   - contentHash: the SHA-256 of `bytes` when the caller has it already.
    public static func parse(
        bytes: [UInt8], name: String, options: Options = Options(), contentHash: String? = nil
    ) throws(ImportError) -> ParsedSource {
        guard !bytes.isEmpty else { throw .empty(file: name) }
        guard bytes.count <= options.maxBytes else {
            throw .tooLarge(file: name, bytes: bytes.count, limit: options.maxBytes)
        }
        let source = try SourceText(bytes: bytes, file: name)
        let outline = try parse(text: source.text, name: name, warnings: source.warnings)
        return ParsedSource(name: name, contentHash: contentHash ?? ContentHash.hex(bytes), byteCount: bytes.count, outline: outline)
    }

    /// Parses decoded text; `name` gives the fallback title and the format hint of its extension.
    public static func parse(text: String, name: String, warnings: [ImportWarning] = []) throws(ImportError)
        -> Outline
    {
        let (lines, multiline) = AuthoredCard.joiningMultiline(SourceLine.split(text))
        let fileName = String(name.split(separator: "/").last ?? Substring(name))
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        let fallbackTitle = stem.isEmpty ? fileName : stem
        let format = FormatDetector.detect(lines, fileName: fileName)
        let parsed: ParsedOutline
        switch format {
        case .markdown: parsed = MarkdownParser(lines: lines, fallbackTitle: fallbackTitle).parse()
        case .flashcards, .ankiPackage, .cardTable: parsed = FlashcardParser(lines: lines, fallbackTitle: fallbackTitle).parse()
        case .cardSet, .essay, .outline:
            parsed = PlainTextParser(lines: lines, format: format, fallbackTitle: fallbackTitle).parse()
        }
        let title = Mojibake.repair(parsed.title)
        guard !parsed.nodes.isEmpty else { throw .noNotes(file: name) }
        return Outline(
            title: title, format: format, metadata: parsed.metadata,
            nodes: AuthoredCard.restoringMultiline(parsed.nodes, multiline),
            warnings: warnings + parsed.warnings, lineCount: lines.count)
    }
}

/// A parsed note file: what the store keeps of it.
public struct ParsedSource: Sendable, Hashable {
    public var name: String
    public var contentHash: String
    public var byteCount: Int
    public var outline: Outline

    public init(name: String, contentHash: String, byteCount: Int, outline: Outline) {
        self.name = name
        self.contentHash = contentHash
        self.byteCount = byteCount
        self.outline = outline
    }
}
