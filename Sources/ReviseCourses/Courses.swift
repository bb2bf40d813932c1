import Foundation
import ReviseCore
import ReviseStore

/// The courses that come with Revise: notes written for it, shipped as resources and read like any imported file.
/// The command line and the web app add them the same way.
public enum Courses {
    public struct Course: Sendable {
        public var name: String
        public var title: String
        public var file: String
    }

    /// A course whose notes are missing from this build.
    public struct Missing: Error, CustomStringConvertible {
        public var course: String
        public var description: String { "the course \(course) is missing from this build of Revise (its notes were not found)" }
    }

    public static let all = [Course(name: "stalins-ussr", title: "Stalin's USSR 1924–41", file: "stalins-ussr.md")]

    public static func named(_ name: String) -> Course? { all.first { $0.name == name } }

    /// Reads a course's notes and saves them like an imported file (its path "course:NAME"); unchanged notes are
    /// left alone (nil).
    @discardableResult
    public static func add(_ course: Course, to store: ReviseStore) throws -> SaveOutcome? {
        let stem = course.file.replacingOccurrences(of: ".md", with: "")
        guard let url = Bundle.module.url(forResource: stem, withExtension: "md", subdirectory: "Courses")
            ?? Bundle.module.url(forResource: stem, withExtension: "md")
        else { throw Missing(course: course.name) }
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = try store.importNote(bytes: bytes, name: course.file, path: "course:" + course.name, at: Date())
        return result.outcome == .unchanged ? nil : result.outcome
    }

    /// A new user's first run: with no notes at all, the built-in course is added so there is something to study.
    public static func addWhenEmpty(_ store: ReviseStore) throws -> Bool {
        guard try store.sources().isEmpty, let course = all.first else { return false }
        try add(course, to: store)
        return true
    }
}
