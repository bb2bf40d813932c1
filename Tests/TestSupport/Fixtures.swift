import Foundation

/// Where the test data lives: the student's seed notes beside the repository, and our own fixtures.
public enum Fixtures {
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let seedsFolder: URL = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/seeds")

    /// The seeds come with CI; a user's clone may not have them, and then their tests are skipped.
    public static let seedsAvailable: Bool = !seedNames.isEmpty

    public static let seedsMissingMessage = "../shared/seeds is not beside this clone; seed tests skipped"

    public static var seedNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)) ?? []).filter {
            $0.hasSuffix(".txt") || $0.hasSuffix(".md")
        }.sorted()
    }

    /// The seed whose file name starts with `prefix` ("000", "001", …).
    public static func seed(_ prefix: String) throws -> (name: String, bytes: [UInt8]) {
        guard let name = seedNames.first(where: { $0.hasPrefix(prefix) }) else {
            throw FixtureError.missing(prefix)
        }
        return (name, [UInt8](try Data(contentsOf: seedsFolder.appendingPathComponent(name))))
    }

    public static var fixturesFolder: URL { repositoryRoot.appendingPathComponent("Tests/Fixtures") }

    public static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixturesFolder.appendingPathComponent(name)))
    }

    /// A fresh folder under the system's temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("revise-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    enum FixtureError: Error { case missing(String) }
}
