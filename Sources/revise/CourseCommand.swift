import ArgumentParser
import Foundation
import ReviseCore
import ReviseCourses
import ReviseStore

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
