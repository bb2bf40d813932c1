import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Show how a note file was understood: its sections, items and questions, with line numbers.",
        discussion: """
            FILE is a note file on disk (read afresh), or the name or path of an imported source.
            """
    )

    @Argument(help: ArgumentHelp("A note file, or the name of an imported one.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Document: Encodable {
        var file: String
        var title: String
        var format: SourceFormat
        var metadata: [String: String]
        var lineCount: Int
        var warnings: [ImportWarning]
        var nodes: [OutlineNode]
    }

    func run() throws {
        let outline: Outline
        let shown: String
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue {
            let bytes = try NoteFiles.read(
                URL(fileURLWithPath: file), shownAs: file, limit: NoteImporter.Options.defaultMaxBytes)
            outline = try NoteImporter.parse(bytes: bytes, name: file).outline
            shown = file
        } else {
            let db = try store.open()
            guard let source = try db.source(matching: file) else {
                throw Failure(message: "\(file): no such file, and no imported source has that name (see: revise sources)")
            }
            outline = try db.outline(of: source.id)
            shown = source.name
        }
        if output.json {
            try Output.printJSON(
                Document(
                    file: shown, title: outline.title, format: outline.format, metadata: outline.metadata,
                    lineCount: outline.lineCount, warnings: outline.warnings, nodes: outline.nodes))
            return
        }
        var text = "\(outline.title)\n\(shown) · \(outline.format.displayName) · \(outline.lineCount) lines\n"
        for (key, value) in outline.metadata.sorted(by: { $0.key < $1.key }) { text += "  \(key): \(value)\n" }
        for warning in outline.warnings { text += "  warning: \(warning)\n" }
        text += "\n"
        for node in outline.nodes {
            text += OutlineText.line(for: node)
            text += "\n"
        }
        print(text, terminator: "")
    }
}

/// One printed line of an outline: the line numbers, then the node indented by its depth.
enum OutlineText {
    static func line(for node: OutlineNode) -> String {
        let lines = String(describing: node.span)
        let column = lines.padding(toLength: max(9, lines.count + 1), withPad: " ", startingAt: 0)
        let indent = String(repeating: "  ", count: node.depth)
        var body: String
        switch node.kind {
        case .section: body = "§ " + node.text
        case .question: body = "? " + node.text + (node.marks.map { " [\($0) marks]" } ?? "")
        case .item: body = "• " + node.text
        case .paragraph: body = "¶ " + node.text
        case .card: body = "◆ " + node.text + (node.bothWays ? " ⇄ " : " → ") + (node.answer ?? "")
        case .cloze: body = "◆ " + node.text + " [" + node.clozes.joined(separator: ", ") + "]"
        }
        return column + indent + body
    }
}
