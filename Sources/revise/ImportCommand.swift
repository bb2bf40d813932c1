import ArgumentParser
import Dispatch
import Foundation
import ReviseCore
import ReviseStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read notes, Anki packages and CSV/TSV flashcards into the database.",
        discussion: """
            Takes files and folders; folders are searched recursively for .txt, .md and .markdown notes, .apkg and \
            .colpkg Anki packages and .csv and .tsv flashcard tables. A file that has not changed since its last \
            import is left alone; a changed file has its outline replaced. Each file is saved in its own \
            transaction: a file that fails leaves nothing half-imported. Cards from Anki or a table are kept as \
            written, with their decks and tags; an Anki package's review history comes too, and each card's \
            memory state is worked out again with Revise's FSRS.
            """
    )

    @Argument(help: ArgumentHelp("Note files or folders.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Refuse files larger than this many megabytes.", valueName: "MB"))
    var maxSize: Double = Double(NoteImporter.Options.defaultMaxBytes) / 1_000_000

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of megabytes") }
    }

    struct Report: Encodable {
        var files: [ImportedFile]
        var added = 0
        var updated = 0
        var unchanged = 0
        var failed = 0
        var skipped = 0
    }

    func run() throws {
        let db = try store.open()
        let options = NoteImporter.Options(maxBytes: Int(maxSize * 1_000_000))
        let found = NoteFiles.collect(paths)
        var report = Report(files: [], skipped: found.skipped)
        for failure in found.failures {
            report.files.append(ImportedFile(path: failure.file, error: "\(failure)"))
        }
        let showProgress = Output.stderrIsTerminal && !output.json
        // Files are read, parsed and read for knowledge ahead, one per core, while this thread writes them in
        // order.
        let paths = found.files.map { $0.url.standardizedFileURL.path }
        let ahead = Preparer(
            files: found.files, paths: paths, storedHashes: paths.map { try? db.contentHash(forPath: $0) },
            options: options)
        for (n, file) in found.files.enumerated() {
            if showProgress {
                FileHandle.standardError.write(
                    Data("\r\u{1B}[K[\(n + 1)/\(found.files.count)] \(file.shown)".utf8))
            }
            let prepared = ahead.take(n)
            report.files.append(importFile(file, path: paths[n], prepared: prepared, into: db, options: options))
            // A large outline takes a while to free: done on another thread while this one writes the next file.
            DispatchQueue.global().async { withExtendedLifetime(prepared) {} }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for file in report.files {
            switch file.status {
            case "added": report.added += 1
            case "updated": report.updated += 1
            case "unchanged": report.unchanged += 1
            default: report.failed += 1
            }
        }
        if output.json {
            try Output.printJSON(report)
        } else {
            printText(report)
        }
        if report.failed > 0 {
            throw ExitCode(1)
        }
        if report.files.isEmpty {
            throw Failure(
                message: "no note files (.txt, .md, .markdown) or card files (.apkg, .colpkg, .csv, .tsv) found in \(paths.joined(separator: ", "))")
        }
    }

    func importFile(
        _ file: NoteFiles.NoteFile, path: String, prepared: Result<Preparer.Prepared, Error>, into db: ReviseStore,
        options: NoteImporter.Options
    ) -> ImportedFile {
        do {
            switch try prepared.get() {
            case .cards(let bytes):
                guard let done = try db.importCardFile(
                    bytes: bytes, name: file.shown, path: path, maxBytes: options.maxBytes, scheduler: try Scheduler(),
                    at: Date())
                else { throw ImportError.unreadable(file: file.shown, reason: "it is not a card file") }
                return ImportedFile(path: file.shown, deck: done)
            case .note(let note, let knowledge):
                let (outcome, outline) = try db.importParsed(note, path: path, at: Date()) { knowledge.take() }
                return ImportedFile(path: file.shown, outcome: outcome, outline: outline, counts: note.counts)
            }
        } catch let error as ImportError {
            return ImportedFile(path: file.shown, error: "\(error)")
        } catch {
            return ImportedFile(path: file.shown, error: "\(file.shown): \(error)")
        }
    }

    func printText(_ report: Report) {
        for file in report.files {
            if let error = file.error {
                Output.error(error)
                continue
            }
            var line = "\(file.status.padding(toLength: 10, withPad: " ", startingAt: 0))\(file.path)"
            if let format = file.format {
                var parts = [Output.count(file.sections ?? 0, "section")]
                if (file.items ?? 0) > 0 || file.reviews == nil { parts.append(Output.count(file.items ?? 0, "item")) }
                if let q = file.questions, q > 0 { parts.append(Output.count(q, "question")) }
                if let c = file.cards, c > 0 { parts.append(Output.count(c, "card")) }
                if let r = file.reviews, r > 0 { parts.append(Output.count(r, "review")) }
                if let m = file.media, m > 0 { parts.append(Output.count(m, "media file")) }
                line += "  (\(format): \(parts.joined(separator: ", ")))"
            }
            print(line)
            for warning in file.warnings { Output.error("warning: \(warning)") }
        }
        var summary = "\(Output.count(report.files.count, "file")): \(report.added) added, "
        summary += "\(report.updated) updated, \(report.unchanged) unchanged, \(report.failed) failed"
        if report.skipped > 0 { summary += "; \(Output.count(report.skipped, "other file")) skipped" }
        print(summary + ".")
    }
}

/// Reads, parses and extracts the knowledge of note files ahead of their transactions, one file per core, at
/// most a few files ahead of the writer (each prepared file is held in memory until it is written). Card files
/// are only read: they are imported as before, on the writer's thread.
///
/// Among the next few files the largest is begun first, so that the long ones are not the last to finish: the
/// writer, which takes the files in order, would otherwise be left to write a large file alone at the end while
/// the other cores sit idle. The last free place in the window always goes to the first file not yet begun, so the
/// writer's next file is never kept waiting behind files it needs later.
final class Preparer: @unchecked Sendable {
    enum Prepared {
        case cards([UInt8])
        /// A note parsed, with its knowledge still being read when the writer takes it.
        case note(PreparedNote, Later<[UInt8]?>)
    }

    /// A value one thread sets once and another waits for.
    final class Later<Value>: @unchecked Sendable {
        private var value: Value?
        private let done = DispatchSemaphore(value: 0)

        func set(_ value: Value) {
            self.value = value
            done.signal()
        }

        func take() -> Value {
            done.wait()
            defer { value = nil }
            return value!
        }
    }

    /// Guards everything below; workers wait on it for a free place in the window.
    private let condition = NSCondition()
    private var results: [Result<Prepared, Error>?]
    private var begun: [Bool]
    /// Files begun and not yet taken by the writer.
    private var inWindow = 0
    private let windowSize: Int
    /// The first file the writer has not taken.
    private var writerNext = 0
    private let ready: [DispatchSemaphore]
    private let sizes: [Int]

    init(files: [NoteFiles.NoteFile], paths: [String], storedHashes: [String?], options: NoteImporter.Options) {
        results = Array(repeating: nil, count: files.count)
        begun = Array(repeating: false, count: files.count)
        ready = files.map { _ in DispatchSemaphore(value: 0) }
        sizes = paths.map { path in
            ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
        }
        let workers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount))
        windowSize = workers + 1
        for _ in 0..<workers {
            DispatchQueue.global().async { [self] in
                while let index = nextToBegin() {
                    let result = Result<Prepared, Error> {
                        try Self.prepare(files[index], path: paths[index], storedHash: storedHashes[index], options: options)
                    }
                    condition.lock()
                    results[index] = result
                    condition.unlock()
                    ready[index].signal()
                    // The knowledge is read after the note is handed over: the writer saves the outline and its
                    // passages meanwhile, and waits for the knowledge only at the end of the note's transaction.
                    if case .success(.note(let note, let knowledge)) = result {
                        knowledge.set(ReviseStore.readKnowledge(of: note))
                    }
                }
            }
        }
    }

    /// The file a worker begins next, once the window has room; nil when every file is begun.
    private func nextToBegin() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        var first: Int
        while true {
            guard let unbegun = begun[writerNext...].firstIndex(of: false) else { return nil }
            first = unbegun
            if inWindow < windowSize { break }
            condition.wait()
        }
        var choice = first
        // With room to spare, the largest of the next few files; the last place goes to the first file not begun.
        if inWindow < windowSize - 1 {
            for index in first..<min(begun.count, first + windowSize) where !begun[index] && sizes[index] > sizes[choice] {
                choice = index
            }
        }
        begun[choice] = true
        inWindow += 1
        return choice
    }

    static func prepare(
        _ file: NoteFiles.NoteFile, path: String, storedHash: String?, options: NoteImporter.Options
    ) throws -> Prepared {
        let bytes = try NoteFiles.read(file.url, shownAs: file.shown, limit: options.maxBytes)
        if ReviseStore.cardFileExtensions.contains((file.shown as NSString).pathExtension.lowercased()) { return .cards(bytes) }
        return .note(
            try ReviseStore.parseNote(bytes: bytes, name: file.shown, path: path, storedHash: storedHash, options: options),
            Later())
    }

    /// The file at `index`, once prepared; files are taken in order, each once.
    func take(_ index: Int) -> Result<Prepared, Error> {
        ready[index].wait()
        condition.lock()
        let result = results[index]!
        results[index] = nil
        inWindow -= 1
        writerNext = index + 1
        condition.broadcast()
        condition.unlock()
        return result
    }
}
