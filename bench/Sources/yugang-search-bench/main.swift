// Search benchmark: a generated corpus with the memorandum's vocabulary, indexed with the Search
// library on SQLite (FTS5) and PostgreSQL (tsvector); index build time and query latency per
// query kind. The corpus and the queries are written out for the Tantivy peer (bench/search_tantivy.py).
//
// Environment: BENCH_SIZES (default "10000 100000"), BENCH_POSTGRES_URL (PostgreSQL is skipped
// without it), BENCH_BACKENDS (default "sqlite postgresql"), BENCH_OUT (folder for the corpus
// files, default a temporary one).
import ChineseScript
import Foundation
import Logging
import Memorandum
import NIOCore
import NIOPosix
import PostgresKit
import Search
import SQLiteKit

/// SplitMix64: the same corpus on every run.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
}

let converter = try ScriptConverter.shared()
let searchText = SearchText(toSimplified: { (try? converter.toSimplified($0)) ?? $0 })
let memorandum = try MemorandumParser.parse(try ShippedMemoranda.text())

/// Words of two to four Han characters cut from the measures, plus the Latin terms.
let vocabulary: [String] = {
    var words = Set<String>()
    for m in memorandum.measures {
        let runs = m.text.split(whereSeparator: { !($0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false) })
        for run in runs {
            let chars = Array(run)
            var i = 0
            var r = Random(state: UInt64(i + chars.count))
            while i + 2 <= chars.count {
                let n = min(2 + r.int(3), chars.count - i)
                words.insert(String(chars[i..<(i + n)]))
                i += n
            }
        }
    }
    return words.sorted() + ["5G", "QFLP", "QDLP", "MPF", "2023", "APP"]
}()

func document(_ i: Int) -> (title: String, body: String) {
    var r = Random(state: UInt64(i) &* 7919)
    var title = (0..<(2 + r.int(3))).map { _ in r.pick(vocabulary) }.joined()
    var body = (0..<(25 + r.int(60))).map { _ in r.pick(vocabulary) + (r.int(8) == 0 ? "，" : "") }.joined() + "。"
    if i % 3 == 0 { // a third written in Simplified
        title = (try? converter.toSimplified(title)) ?? title
        body = (try? converter.toSimplified(body)) ?? body
    }
    return (title, body)
}

/// Query kinds; each kind has 200 queries drawn from the vocabulary.
func queries() -> [(kind: String, queries: [String])] {
    var r = Random(state: 42)
    let two = vocabulary.filter { $0.count == 2 }
    let long = vocabulary.filter { $0.count >= 3 }
    func simplified(_ s: String) -> String { (try? converter.toSimplified(s)) ?? s }
    return [
        ("one character", (0..<200).map { _ in String(r.pick(two).first!) }),
        ("two-character word", (0..<200).map { _ in r.pick(two) }),
        ("three- or four-character word", (0..<200).map { _ in r.pick(long) }),
        ("same word in Simplified", (0..<200).map { _ in simplified(r.pick(long)) }),
        ("two words", (0..<200).map { _ in r.pick(two) + " " + r.pick(two) }),
        ("Latin term", (0..<200).map { _ in r.pick(["5G", "QFLP", "QDLP", "MPF"]) }),
        ("no match", (0..<200).map { _ in "沒有此詞\(r.int(1000))" }),
    ]
}

/// Prints a line at once, also when the output goes to a file.
func report(_ line: String) {
    print(line)
    fflush(nil)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

func measureQueries(_ index: any SearchIndex, on db: any SQLDatabase, label: String, size: Int) async throws {
    for (kind, list) in queries() {
        var samples: [Double] = []
        var hits = 0
        for q in list {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try await index.search(SearchQuery(q, using: searchText), filter: SearchFilter(), limit: 10, offset: 0, on: db)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            hits += result.total
        }
        samples.sort()
        report(String(format: "  %-10@ %8d  %-30@ p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (mean matches %d)",
                     label as NSString, size, kind as NSString, percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99), hits / list.count))
    }
}

func build(_ index: any SearchIndex, size: Int, on db: any SQLDatabase, label: String) async throws {
    try await index.drop(on: db)
    try await index.prepare(on: db)
    let start = Date()
    try await index.beginBulkLoad(on: db)
    var i = 0
    while i < size {
        try await db.raw("BEGIN").run()
        try await index.insertNew((i..<min(size, i + 5000)).map { j in
            let d = document(j)
            return SearchDocument(kind: "article", key: String(j), category: "c\(j % 9)", title: d.title, body: d.body)
        }, on: db)
        try await db.raw("COMMIT").run()
        i += 5000
    }
    try await index.endBulkLoad(on: db)
    report(String(format: "  %-10@ %8d  index build %.1f s (%.0f documents/s)", label as NSString, size, Date().timeIntervalSince(start),
                 Double(size) / Date().timeIntervalSince(start)))
}

let sizes = (ProcessInfo.processInfo.environment["BENCH_SIZES"] ?? "10000 100000").split(separator: " ").compactMap { Int($0) }
let out = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BENCH_OUT"] ?? NSTemporaryDirectory() + "yugang-search-bench")
try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

// Corpus (normalised text) and queries (YuGang's tokens) for the peer.
var queryLines: [String] = []
for (kind, list) in queries() { for q in list { queryLines.append(kind + "\t" + searchText.queryTerms(q).flatMap { $0 }.joined(separator: " ")) } }
try queryLines.joined(separator: "\n").write(to: out.appendingPathComponent("queries.tsv"), atomically: true, encoding: .utf8)

let group = MultiThreadedEventLoopGroup.singleton
let threadPool = NIOThreadPool.singleton
var logger = Logger(label: "bench")
logger.logLevel = .error

print("yugang-search-bench: vocabulary \(vocabulary.count) words; sizes \(sizes); corpus files in \(out.path)")
for size in sizes {
    let corpus = (0..<size).map { i -> String in
        let d = document(i)
        return "\(i)\t" + searchText.normalize(d.title) + "\t" + searchText.normalize(d.body)
    }
    try corpus.joined(separator: "\n").write(to: out.appendingPathComponent("corpus-\(size).tsv"), atomically: true, encoding: .utf8)

    let backends = ProcessInfo.processInfo.environment["BENCH_BACKENDS"] ?? "sqlite postgresql"
    if backends.contains("sqlite") {
        let file = out.appendingPathComponent("bench-\(size).sqlite").path
        try? FileManager.default.removeItem(atPath: file)
        let source = SQLiteConnectionSource(configuration: .init(storage: .file(path: file)), threadPool: threadPool)
        let connection = try await source.makeConnection(logger: logger, on: group.any()).get()
        let sqlite = connection.sql()
        try await sqlite.raw("PRAGMA journal_mode=WAL").run()
        let sqliteIndex = SQLiteSearchIndex(searchText: searchText)
        try await build(sqliteIndex, size: size, on: sqlite, label: "SQLite")
        try await measureQueries(sqliteIndex, on: sqlite, label: "SQLite", size: size)
        try await connection.close().get()
    }

    if backends.contains("postgresql"), let url = ProcessInfo.processInfo.environment["BENCH_POSTGRES_URL"], !url.isEmpty {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.coreConfiguration.tls = .disable
        let pg = try await PostgresConnection.connect(on: group.any(), configuration: configuration.coreConfiguration, id: 1, logger: logger).get()
        let db = pg.sql()
        let pgIndex = PostgresSearchIndex(searchText: searchText)
        try await build(pgIndex, size: size, on: db, label: "PostgreSQL")
        try await db.raw("ANALYZE search_index").run()
        try await measureQueries(pgIndex, on: db, label: "PostgreSQL", size: size)
        try await pg.close().get()
    }
}
