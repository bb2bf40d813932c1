import Benchmark
import Foundation
import ReviseCore
import ReviseStore

/// The corpus: every note file in REVISE_SEEDS (default ../../shared/seeds), repeated to about 50 MB.
/// Generated at run time; nothing large is kept in the repository.
let seedFolder = ProcessInfo.processInfo.environment["REVISE_SEEDS"] ?? "../../shared/seeds"

struct Corpus {
    let files: [(name: String, bytes: [UInt8])]
    let totalBytes: Int

    static let target = 50_000_000

    static func load() -> Corpus {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: seedFolder)) ?? []).sorted()
        var seeds: [(String, [UInt8])] = names.compactMap { name in
            fm.contents(atPath: seedFolder + "/" + name).map { (name, [UInt8]($0)) }
        }
        if seeds.isEmpty {
            // Without the seeds, a generated outline of the same shapes stands in.
            var text = "Notes\n\n"
            for i in 0..<2_000 {
                text += "Topic \(i):\n\n- 19\(i % 100) - an event happened, Term\(i): its meaning\n"
                text += "- Someone said 'a quote number \(i)' in a place\n\n"
            }
            seeds = [("generated.txt", Array(text.utf8))]
        }
        // Each seed is repeated inside one file until the files together make ~50 MB.
        let seedBytes = seeds.reduce(0) { $0 + $1.1.count }
        let copies = max(1, target / max(1, seedBytes))
        let files = seeds.map { seed in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(seed.1.count * copies + copies)
            for _ in 0..<copies {
                bytes += seed.1
                bytes.append(10)
            }
            return (seed.0, bytes)
        }
        return Corpus(files: files, totalBytes: files.reduce(0) { $0 + $1.1.count })
    }
}

nonisolated(unsafe) let corpus = Corpus.load()

nonisolated(unsafe) let parsedOutlines: [(String, Outline)] = corpus.files.map { file in
    (file.name, try! NoteImporter.parse(bytes: file.bytes, name: file.name).outline)
}

/// The corpus imported once, for the search benchmark.
nonisolated(unsafe) let searchStore: ReviseStore = {
    let path = NSTemporaryDirectory() + "revise-bench-search.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try! ReviseStore(path: path)
    for file in corpus.files {
        try! store.save(try! NoteImporter.parse(bytes: file.bytes, name: file.name), path: "/bench/" + file.name, at: Date())
    }
    return store
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(30),
        maxIterations: 5
    )

    // Parse only: decode, detect, build outlines. Throughput is in files per second; MB/s = MB / wall clock.
    Benchmark("Parse ~50 MB of notes (\(corpus.totalBytes / 1_000_000) MB)") { benchmark in
        for file in corpus.files {
            let parsed = try NoteImporter.parse(bytes: file.bytes, name: file.name)
            blackHole(parsed.outline.nodes.count)
        }
    }

    // Each file alone, to see which format costs what.
    for file in corpus.files {
        Benchmark("Parse \(file.name) (\(file.bytes.count / 1_000_000) MB)", configuration: .init(maxIterations: 3)) {
            benchmark in
            blackHole(try NoteImporter.parse(bytes: file.bytes, name: file.name).outline.nodes.count)
        }
    }

    // Extraction alone: the facts, names and questions of every parsed outline (parsing done beforehand).
    Benchmark("Extract knowledge from ~50 MB of notes (\(corpus.totalBytes / 1_000_000) MB)", configuration: .init(maxIterations: 3)) {
        benchmark in
        for outline in parsedOutlines {
            blackHole(FactExtractor.extract(outline.1, source: outline.0).facts.count)
        }
    }

    // A search over the stored corpus: one query per iteration, so the percentiles are per query.
    let queries = ["famine", "Trotsky", "five year plan", "\"show trials\"", "kulak*", "Lenin testament",
        "collectivisation deaths", "NKVD Yezhov", "Pravda", "industrialisation"]
    var next = 0
    Benchmark(
        "Search the ~50 MB corpus (one query)",
        configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 2_000)
    ) { benchmark in
        let query = queries[next % queries.count]
        next += 1
        blackHole(try searchStore.search(query, limit: 10).count)
    }

    // The whole import: parse, extract and save every source into a fresh SQLite file.
    Benchmark("Import ~50 MB of notes into SQLite (\(corpus.totalBytes / 1_000_000) MB)") { benchmark in
        let path = NSTemporaryDirectory() + "revise-bench-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try ReviseStore(path: path)
        for file in corpus.files {
            let parsed = try NoteImporter.parse(bytes: file.bytes, name: file.name)
            try store.save(parsed, path: "/bench/" + file.name, at: Date())
        }
    }
}
