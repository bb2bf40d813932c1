import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

/// The courses that come with Revise: notes written for it, shipped as resources of the command.
enum Courses {
    struct Course {
        var name: String
        var title: String
        var file: String
    }

    static let all = [Course(name: "stalins-ussr", title: "Stalin's USSR 1924–41", file: "stalins-ussr.md")]

    static func named(_ name: String) -> Course? { all.first { $0.name == name } }

    /// Reads a course's notes and saves them like an imported file (its path "course:NAME"); unchanged notes are
    /// left alone.
    @discardableResult
    static func add(_ course: Course, to store: ReviseStore) throws -> SaveOutcome? {
        guard let url = Bundle.module.url(forResource: course.file.replacingOccurrences(of: ".md", with: ""), withExtension: "md", subdirectory: "Courses")
            ?? Bundle.module.url(forResource: course.file.replacingOccurrences(of: ".md", with: ""), withExtension: "md")
        else {
            throw Failure(message: "the course \(course.name) is missing from this build of Revise (its notes were not found)")
        }
        let bytes = [UInt8](try Data(contentsOf: url))
        let hash = ContentHash.hex(bytes)
        let path = "course:" + course.name
        if try store.contentHash(forPath: path) == hash { return nil }
        let parsed = try NoteImporter.parse(bytes: bytes, name: course.file, contentHash: hash)
        return try store.save(parsed, path: path, at: Date()).0
    }

    /// A new user's first study: with no notes at all, the built-in course is added so there is something to study.
    static func addWhenEmpty(_ store: ReviseStore) throws -> Bool {
        guard try store.sources().isEmpty, let course = all.first else { return false }
        try add(course, to: store)
        return true
    }
}

struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course", abstract: "The courses that come with Revise.",
        subcommands: [CourseListCommand.self, CourseAddCommand.self], defaultSubcommand: CourseListCommand.self)
}

struct CourseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the built-in courses.")

    func run() throws {
        for course in Courses.all { print("\(course.name)  \(course.title)") }
    }
}

struct CourseAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a built-in course's notes, as if they had been imported.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The course: \(Courses.all.map(\.name).joined(separator: ", ")).") var name: String

    func run() throws {
        guard let course = Courses.named(name) else {
            throw Failure(
                message: "there is no built-in course '\(name)'; the courses are \(Courses.all.map(\.name).joined(separator: ", "))",
                exitCode: 64)
        }
        let opened = try store.open()
        if let outcome = try Courses.add(course, to: opened) {
            let refresh = try opened.refreshCards(at: Date())
            print("\(outcome == .added ? "Added" : "Updated") the course \(course.title): \(refresh.added) new cards. Study them with `revise study`.")
        } else {
            print("The course \(course.title) is already there, unchanged.")
        }
    }
}
