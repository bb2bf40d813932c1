import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

@main
struct Revise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise",
        abstract: "Turn your revision notes into a study system.",
        discussion: """
            Import notes (plain-text outlines, Markdown, revision-card sets, essay plans, flashcard lists), then see \
            how Revise understood them. Everything is kept in one SQLite file: --db PATH, else $REVISE_DB, \
            else ~/.local/share/revise/revise.sqlite.
            """,
        version: "0.1.0",
        subcommands: [
            ImportCommand.self, SourcesCommand.self, OutlineCommand.self, FactsCommand.self, TimelineCommand.self,
            PeopleCommand.self, PersonCommand.self, TermsCommand.self, QuestionsCommand.self, ConflictsCommand.self,
            SearchCommand.self, CardsCommand.self, CardCommand.self, SuspendCommand.self, UnsuspendCommand.self,
            DueCommand.self, ReviewCommand.self, StudyCommand.self, ServeCommand.self, StatsCommand.self, ExamCommand.self, ExportCommand.self, CourseCommand.self, FSRSCommand.self,
        ]
    )

    /// Every error ends here: one message on standard error, one exit code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("revise: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("revise: \(error)\n".utf8))
            Foundation.exit(3)
        } catch let error as ImportError {
            FileHandle.standardError.write(Data("revise: \(error)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// A failure a command reports to the user: its message and the exit code.
struct Failure: Error {
    var message: String
    var exitCode: Int32 = 1
}
