import SQLKit

/// One searchable thing: a measure, a knowledge-base entry, an answered question …
public struct SearchDocument: Sendable, Equatable {
    /// What it is (`measure`, `article`, `question`, `case`).
    public var kind: String
    /// Its identifier within the kind (a measure number, a UUID).
    public var key: String
    public var category: String?
    public var title: String
    public var body: String

    public init(kind: String, key: String, category: String? = nil, title: String, body: String) {
        self.kind = kind
        self.key = key
        self.category = category
        self.title = title
        self.body = body
    }
}

public struct SearchHit: Sendable, Equatable {
    public var kind: String
    public var key: String
    public var category: String?
    /// Higher is better, comparable only within one search.
    public var score: Double
}

public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// All matches, beyond this page, counted up to `SearchResults.countLimit`.
    public var total: Int
    /// The number of matches is at least `total` (counting stopped there).
    public var totalIsAtLeast: Bool = false

    /// Counting stops here: past it, readers need a better query rather than a number.
    public static let countLimit = 1000
}

public struct SearchFilter: Sendable, Equatable {
    public var kinds: [String]?
    public var category: String?
    public init(kinds: [String]? = nil, category: String? = nil) {
        self.kinds = kinds
        self.category = category
    }
}

/// The full-text index, one protocol for both databases. Documents are stored as the tokens
/// `SearchText` makes, so SQLite and PostgreSQL see the same terms.
public protocol SearchIndex: Sendable {
    /// Creates the index's table (idempotent).
    func prepare(on db: any SQLDatabase) async throws
    /// Drops the index's table.
    func drop(on db: any SQLDatabase) async throws
    /// Adds or replaces a document; call it in the same transaction as the write it follows.
    func upsert(_ document: SearchDocument, on db: any SQLDatabase) async throws
    func remove(kind: String, key: String, on db: any SQLDatabase) async throws
    func removeAll(on db: any SQLDatabase) async throws
    /// Adds documents that are not in the index yet, many rows per statement (rebuilds).
    func insertNew(_ documents: [SearchDocument], on db: any SQLDatabase) async throws
    /// Around a rebuild's `insertNew` calls: lets a backend build its index structures once at
    /// the end instead of row by row.
    func beginBulkLoad(on db: any SQLDatabase) async throws
    func endBulkLoad(on db: any SQLDatabase) async throws
    func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults
}

extension SearchIndex {
    public func beginBulkLoad(on db: any SQLDatabase) async throws {}
    public func endBulkLoad(on db: any SQLDatabase) async throws {}
}

/// Rows per INSERT statement when documents are added in bulk.
let bulkRows = 200

extension SearchIndex {
    /// The index for the database's dialect: FTS5 on SQLite, `tsvector` on PostgreSQL.
    public static func `for`(_ db: any SQLDatabase, searchText: SearchText) -> any SearchIndex {
        db.dialect.name == "postgresql" ? PostgresSearchIndex(searchText: searchText) : SQLiteSearchIndex(searchText: searchText)
    }
}

/// Where both backends keep their rows.
let searchTable = "search_index"

private struct Row: Decodable {
    let kind: String
    let key: String
    let category: String?
    let score: Double
}

private struct CountRow: Decodable { let n: Int }

/// SQLite FTS5 with BM25 (title weighs five times the body). Documents are numbered in
/// `search_docs` (unique kind and key), and the FTS5 row has the same rowid, so replacing or
/// removing one document touches one row, however large the index.
public struct SQLiteSearchIndex: SearchIndex {
    let searchText: SearchText
    /// Above this many matches a query is broad: ranking every match with BM25 costs about a
    /// microsecond per match in FTS5 (which has no early termination), so broad queries are
    /// answered from tiers instead (see `search`).
    let exactRankingLimit: Int

    public init(searchText: SearchText, exactRankingLimit: Int = 4000) {
        self.searchText = searchText
        self.exactRankingLimit = exactRankingLimit
    }

    public func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS search_docs (
              id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL, category TEXT, UNIQUE (kind, key))
            """).run()
        try await db.raw("""
            CREATE VIRTUAL TABLE IF NOT EXISTS \(ident: searchTable) USING fts5(
              title, body, tokenize = 'unicode61 remove_diacritics 0')
            """).run()
        // `rank` is BM25 with the title weighing five times the body.
        try await db.raw("INSERT INTO \(ident: searchTable) (\(ident: searchTable), rank) VALUES ('rank', 'bm25(5.0, 1.0)')").run()
    }

    public func drop(on db: any SQLDatabase) async throws {
        try await db.raw("DROP TABLE IF EXISTS \(ident: searchTable)").run()
        try await db.raw("DROP TABLE IF EXISTS search_docs").run()
    }

    private struct ID: Decodable { let id: Int }

    public func upsert(_ d: SearchDocument, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            INSERT INTO search_docs (kind, key, category) VALUES (\(bind: d.kind), \(bind: d.key), \(bind: d.category))
            ON CONFLICT (kind, key) DO UPDATE SET category = excluded.category RETURNING id
            """).first(decoding: ID.self) else { return }
        try await db.raw("DELETE FROM \(ident: searchTable) WHERE rowid = \(bind: row.id)").run()
        try await db.raw("""
            INSERT INTO \(ident: searchTable) (rowid, title, body)
            VALUES (\(bind: row.id), \(bind: searchText.indexTokens(d.title).joined(separator: " ")),
                    \(bind: searchText.indexTokens(d.body).joined(separator: " ")))
            """).run()
    }

    public func remove(kind: String, key: String, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("SELECT id FROM search_docs WHERE kind = \(bind: kind) AND key = \(bind: key)").first(decoding: ID.self)
        else { return }
        try await db.raw("DELETE FROM \(ident: searchTable) WHERE rowid = \(bind: row.id)").run()
        try await db.raw("DELETE FROM search_docs WHERE id = \(bind: row.id)").run()
    }

    public func removeAll(on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: searchTable)").run()
        try await db.raw("DELETE FROM search_docs").run()
    }

    public func insertNew(_ documents: [SearchDocument], on db: any SQLDatabase) async throws {
        struct Max: Decodable { let n: Int? }
        var next = (try await db.raw("SELECT max(id) AS n FROM search_docs").first(decoding: Max.self)?.n ?? 0) + 1
        for chunk in stride(from: 0, to: documents.count, by: bulkRows).map({ documents[$0..<min($0 + bulkRows, documents.count)] }) {
            var docs = SQLQueryString("INSERT INTO search_docs (id, kind, key, category) VALUES ")
            var fts = SQLQueryString("INSERT INTO \(ident: searchTable) (rowid, title, body) VALUES ")
            for (i, d) in chunk.enumerated() {
                let separator: SQLQueryString = i == 0 ? "" : ", "
                docs = docs + separator + "(\(bind: next), \(bind: d.kind), \(bind: d.key), \(bind: d.category))"
                fts = fts + separator + "(\(bind: next), \(bind: searchText.indexTokens(d.title).joined(separator: " ")), \(bind: searchText.indexTokens(d.body).joined(separator: " ")))"
                next += 1
            }
            try await db.raw(docs).run()
            try await db.raw(fts).run()
        }
    }

    /// Queries with at most `exactRankingLimit` matches are ranked by FTS5's `rank` (BM25 with
    /// the column weights set in `prepare`), best first. Broader queries are answered from two
    /// tiers, the way large engines keep champion tiers: documents whose *title* matches come
    /// first (ranked by BM25 when they are few enough, else newest first), then the rest newest
    /// first. Terms that broad sit in so many documents that BM25's idf is close to zero (FTS5
    /// clamps it to 1e-6 past half the documents), so a full ranking would order them by noise.
    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        let limit = max(0, limit), offset = max(0, offset)
        var filters = SQLQueryString("")
        if let kinds = filter.kinds { filters = filters + " AND d.kind IN (\(binds: kinds))" }
        if let category = filter.category { filters = filters + " AND d.category = \(bind: category)" }
        let filtered = filter.kinds != nil || filter.category != nil
        func matching(_ expression: String) -> SQLQueryString {
            let match = SQLQueryString("\(ident: searchTable) MATCH \(bind: expression)")
            return filtered
                ? "SELECT \(ident: searchTable).rowid AS id, rank FROM \(ident: searchTable) JOIN search_docs d ON d.id = \(ident: searchTable).rowid WHERE " + match + filters
                : "SELECT rowid AS id, rank FROM \(ident: searchTable) WHERE " + match
        }
        func count(_ expression: String, upTo cap: Int) async throws -> Int {
            try await db.raw("SELECT count(*) AS n FROM (" + matching(expression) + " LIMIT \(bind: cap + 1))").first(decoding: CountRow.self)?.n ?? 0
        }
        /// A page of one tier; `ranked` orders by BM25, otherwise newest first (scores then fall with the position).
        func page(_ expression: String, ranked: Bool, limit: Int, offset: Int, scoreBase: Double) async throws -> [SearchHit] {
            guard limit > 0 else { return [] }
            let order: SQLQueryString = ranked ? "rank" : "id DESC"
            let rows = try await db.raw("SELECT d.kind, d.key, d.category, m.rank AS score FROM (" + matching(expression)
                + " ORDER BY " + order + " LIMIT \(bind: limit) OFFSET \(bind: offset)) m JOIN search_docs d ON d.id = m.id ORDER BY "
                + (ranked ? "m.rank, d.kind, d.key" : "m.id DESC")).all(decoding: Row.self)
            return rows.enumerated().map { i, row in
                SearchHit(kind: row.kind, key: row.key, category: row.category, score: ranked ? -row.score : scoreBase - Double(offset + i))
            }
        }

        let expression = query.fts5
        let counted = try await count(expression, upTo: max(exactRankingLimit, SearchResults.countLimit))
        let total = min(counted, SearchResults.countLimit)
        let totalIsAtLeast = counted > SearchResults.countLimit
        guard counted > exactRankingLimit else {
            return SearchResults(hits: try await page(expression, ranked: true, limit: limit, offset: offset, scoreBase: 0),
                                 total: total, totalIsAtLeast: totalIsAtLeast)
        }
        let titles = "{title} : (" + expression + ")"
        let inTitles = try await count(titles, upTo: exactRankingLimit)
        var hits = try await page(titles, ranked: inTitles <= exactRankingLimit, limit: min(limit, max(0, inTitles - offset)),
                                  offset: offset, scoreBase: 0)
        if hits.count < limit, inTitles <= exactRankingLimit {
            hits += try await page("(" + expression + ") NOT " + titles, ranked: false, limit: limit - hits.count,
                                   offset: max(0, offset - inTitles), scoreBase: -Double(inTitles) - 1_000_000)
        }
        return SearchResults(hits: hits, total: total, totalIsAtLeast: totalIsAtLeast)
    }
}

/// PostgreSQL `tsvector` with the `simple` configuration fed the same tokens, a GIN index and
/// `ts_rank_cd` (title weighted A, body D).
public struct PostgresSearchIndex: SearchIndex {
    let searchText: SearchText
    let exactRankingLimit: Int

    public init(searchText: SearchText, exactRankingLimit: Int = 4000) {
        self.searchText = searchText
        self.exactRankingLimit = exactRankingLimit
    }

    public func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS \(ident: searchTable) (
              kind text NOT NULL, key text NOT NULL, category text, document tsvector NOT NULL,
              PRIMARY KEY (kind, key))
            """).run()
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_document ON \(ident: searchTable) USING gin (document)").run()
        // For broad queries: the order documents were added in (newest first), as SQLite's rowid,
        // and the title's terms on their own with their own index (GIN cannot tell weights apart,
        // so finding title matches through `document` reads every match).
        try await db.raw("ALTER TABLE \(ident: searchTable) ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY").run()
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_seq ON \(ident: searchTable) (seq)").run()
        try await db.raw("ALTER TABLE \(ident: searchTable) ADD COLUMN IF NOT EXISTS title tsvector GENERATED ALWAYS AS (ts_filter(document, '{a}')) STORED").run()
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_title ON \(ident: searchTable) USING gin (title)").run()
    }

    /// A GIN index is built far faster in one pass than row by row: drop it for the load.
    public func beginBulkLoad(on db: any SQLDatabase) async throws {
        try await db.raw("DROP INDEX IF EXISTS search_index_document").run()
        try await db.raw("DROP INDEX IF EXISTS search_index_title").run()
    }

    public func endBulkLoad(on db: any SQLDatabase) async throws {
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_document ON \(ident: searchTable) USING gin (document)").run()
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_title ON \(ident: searchTable) USING gin (title)").run()
    }

    public func drop(on db: any SQLDatabase) async throws {
        try await db.raw("DROP TABLE IF EXISTS \(ident: searchTable)").run()
    }

    public func upsert(_ d: SearchDocument, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO \(ident: searchTable) (kind, key, category, document)
            VALUES (\(bind: d.kind), \(bind: d.key), \(bind: d.category),
                    setweight(to_tsvector('simple', \(bind: searchText.indexTokens(d.title).joined(separator: " "))), 'A') ||
                    setweight(to_tsvector('simple', \(bind: searchText.indexTokens(d.body).joined(separator: " "))), 'D'))
            ON CONFLICT (kind, key) DO UPDATE SET category = EXCLUDED.category, document = EXCLUDED.document
            """).run()
    }

    public func remove(kind: String, key: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: searchTable) WHERE kind = \(bind: kind) AND key = \(bind: key)").run()
    }

    public func removeAll(on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: searchTable)").run()
    }

    public func insertNew(_ documents: [SearchDocument], on db: any SQLDatabase) async throws {
        for chunk in stride(from: 0, to: documents.count, by: bulkRows).map({ documents[$0..<min($0 + bulkRows, documents.count)] }) {
            var insert = SQLQueryString("INSERT INTO \(ident: searchTable) (kind, key, category, document) VALUES ")
            for (i, d) in chunk.enumerated() {
                let separator: SQLQueryString = i == 0 ? "" : ", "
                insert = insert + separator + """
                    (\(bind: d.kind), \(bind: d.key), \(bind: d.category),
                     setweight(to_tsvector('simple', \(bind: searchText.indexTokens(d.title).joined(separator: " "))), 'A') ||
                     setweight(to_tsvector('simple', \(bind: searchText.indexTokens(d.body).joined(separator: " "))), 'D'))
                    """
            }
            try await db.raw(insert).run()
        }
        // Bulk rows wait in the GIN index's pending list, which every query scans linearly until
        // it is merged (a freshly filled 10k index answered in ~45 ms instead of ~3 ms): merge now
        // (unless a bulk load dropped the index, to build it at the end).
        try await db.raw("""
            SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = 'search_index_document' AND pg_table_is_visible(c.oid)
            """).run()
    }

    /// Like SQLite's, queries with more than `exactRankingLimit` matches are broad: ranking them
    /// all with `ts_rank_cd` took seconds at a million documents. Their title matches come first
    /// (ranked when at most `exactRankingLimit`, else newest first), then the other matches
    /// newest first (an index walk on `seq`).
    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        let limit = max(0, limit), offset = max(0, offset)
        func conditions(_ tsquery: String, column: String = "document") -> SQLQueryString {
            var c = SQLQueryString("\(ident: column) @@ to_tsquery('simple', \(bind: tsquery))")
            if let kinds = filter.kinds { c = c + " AND kind IN (\(binds: kinds))" }
            if let category = filter.category { c = c + " AND category = \(bind: category)" }
            return c
        }
        func count(_ where: SQLQueryString, upTo cap: Int) async throws -> Int {
            try await db.raw("SELECT count(*)::int AS n FROM (SELECT 1 FROM \(ident: searchTable) WHERE " + `where`
                + " LIMIT \(bind: cap + 1)) c").first(decoding: CountRow.self)?.n ?? 0
        }
        /// `normalization` 1 divides by the log of the document's length, as BM25 favours short
        /// documents (used for the title tier, where the match is in every title).
        func ranked(_ where: SQLQueryString, tsquery: String, column: String = "document", normalization: Int = 0, limit: Int, offset: Int) async throws -> [SearchHit] {
            guard limit > 0 else { return [] }
            let rows = try await db.raw("""
                SELECT kind, key, category,
                       ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', \(ident: column), to_tsquery('simple', \(bind: tsquery)), \(bind: normalization)::int4)::float8 AS score
                FROM \(ident: searchTable)
                """ + " WHERE " + `where` + " ORDER BY score DESC, kind, key LIMIT \(bind: limit) OFFSET \(bind: offset)").all(decoding: Row.self)
            return rows.map { SearchHit(kind: $0.kind, key: $0.key, category: $0.category, score: $0.score) }
        }
        func newest(_ where: SQLQueryString, limit: Int, offset: Int, scoreBase: Double) async throws -> [SearchHit] {
            guard limit > 0 else { return [] }
            let rows = try await db.raw("SELECT kind, key, category, 0::float8 AS score FROM \(ident: searchTable) WHERE " + `where`
                + " ORDER BY seq DESC LIMIT \(bind: limit) OFFSET \(bind: offset)").all(decoding: Row.self)
            return rows.enumerated().map { i, r in SearchHit(kind: r.kind, key: r.key, category: r.category, score: scoreBase - Double(offset + i)) }
        }
        let matching = conditions(query.tsquery)
        let counted = try await count(matching, upTo: max(exactRankingLimit, SearchResults.countLimit))
        let total = min(counted, SearchResults.countLimit), totalIsAtLeast = counted > SearchResults.countLimit
        guard counted > exactRankingLimit else {
            return SearchResults(hits: try await ranked(matching, tsquery: query.tsquery, limit: limit, offset: offset),
                                 total: total, totalIsAtLeast: totalIsAtLeast)
        }
        // Title matches: ranked when they are few, else newest first (then they are dense, and
        // walking `seq` backwards finds a page at once). Then the rest, newest first.
        let titles = conditions(query.tsquery, column: "title")
        let inTitles = try await count(titles, upTo: exactRankingLimit)
        var hits: [SearchHit]
        if inTitles <= exactRankingLimit {
            hits = try await ranked(titles, tsquery: query.tsquery, column: "title", normalization: 1, limit: min(limit, max(0, inTitles - offset)), offset: offset)
            if hits.count < limit {
                hits += try await newest(matching + " AND NOT (" + titles + ")", limit: limit - hits.count, offset: max(0, offset - inTitles),
                                         scoreBase: -1_000_000)
            }
        } else {
            hits = try await newest(titles, limit: limit, offset: offset, scoreBase: 0)
        }
        return SearchResults(hits: hits, total: total, totalIsAtLeast: totalIsAtLeast)
    }
}
