import Foundation
import ReviseCore
import ReviseStore

/// Finds the note files a user named: files as given, folders searched recursively for notes.
enum NoteFiles {
    static let noteExtensions = Set(["txt", "md", "markdown", "text"]).union(deckExtensions)
    /// Cards from other tools: Anki packages and CSV/TSV tables.
    static let deckExtensions = ReviseStore.cardFileExtensions

    struct NoteFile {
        var url: URL
        /// The path as the user would write it: as given, or the folder given plus the path inside it.
        var shown: String
    }

    struct Found {
        var files: [NoteFile] = []
        var failures: [ImportError] = []
        /// Files in folders that are not notes (images, PDFs…), left alone.
        var skipped = 0
    }

    static func collect(_ paths: [String]) -> Found {
        var found = Found()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link whose target is gone is unreadable, not missing.
                if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                    found.failures.append(.unreadable(file: path, reason: "it is a link to a file that does not exist"))
                } else {
                    found.failures.append(.notFound(path: path))
                }
                continue
            }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                found.files.append(NoteFile(url: url, shown: path))
                continue
            }
            var inFolder: [NoteFile] = []
            collect(folder: url, display: path, into: &inFolder, found: &found)
            found.files += inFolder.sorted { $0.shown < $1.shown }
        }
        return found
    }

    private static func collect(folder: URL, display: String, into files: inout [NoteFile], found: inout Found) {
        let fm = FileManager.default
        let entries: [String]
        do {
            entries = try fm.contentsOfDirectory(atPath: folder.path)
        } catch {
            found.failures.append(.unreadable(file: display, reason: "the folder cannot be listed"))
            return
        }
        for entry in entries where !entry.hasPrefix(".") {
            let url = folder.appendingPathComponent(entry)
            let shown = display.hasSuffix("/") ? display + entry : display + "/" + entry
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                if noteExtensions.contains(url.pathExtension.lowercased()) {
                    found.failures.append(
                        .unreadable(file: shown, reason: "it is a link to a file that does not exist"))
                }
                continue
            }
            if isDirectory.boolValue {
                // A link back up the tree would never end; links to folders are not followed.
                if (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil { continue }
                collect(folder: url, display: shown, into: &files, found: &found)
            } else if noteExtensions.contains(url.pathExtension.lowercased()) {
                files.append(NoteFile(url: url, shown: shown))
            } else {
                found.skipped += 1
            }
        }
    }

    /// Reads a file's bytes, refusing one over `limit` before reading it, and anything that is not a regular
    /// file (a pipe or a device would block or never end).
    static func read(_ url: URL, shownAs name: String, limit: Int) throws(ImportError) -> [UInt8] {
        let fm = FileManager.default
        let attributes = try? fm.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw .unreadable(file: name, reason: "it is not a regular file")
        }
        if let size = attributes?[.size] as? Int, size > limit {
            throw .tooLarge(file: name, bytes: size, limit: limit)
        }
        guard fm.isReadableFile(atPath: url.path) else {
            throw .unreadable(file: name, reason: "permission denied")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw .unreadable(file: name, reason: (error as NSError).localizedDescription)
        }
    }
}
