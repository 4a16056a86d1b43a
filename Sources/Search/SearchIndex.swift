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
    /// All matches, beyond this page.
    public var total: Int
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
    func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults
}

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

/// SQLite FTS5 with BM25 (title weighs five times the body).
public struct SQLiteSearchIndex: SearchIndex {
    let searchText: SearchText

    public init(searchText: SearchText) { self.searchText = searchText }

    public func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE VIRTUAL TABLE IF NOT EXISTS \(ident: searchTable) USING fts5(
              kind UNINDEXED, key UNINDEXED, category UNINDEXED, title, body,
              tokenize = 'unicode61 remove_diacritics 0')
            """).run()
    }

    public func drop(on db: any SQLDatabase) async throws {
        try await db.raw("DROP TABLE IF EXISTS \(ident: searchTable)").run()
    }

    public func upsert(_ d: SearchDocument, on db: any SQLDatabase) async throws {
        try await remove(kind: d.kind, key: d.key, on: db)
        try await db.raw("""
            INSERT INTO \(ident: searchTable) (kind, key, category, title, body)
            VALUES (\(bind: d.kind), \(bind: d.key), \(bind: d.category), \(bind: searchText.indexTokens(d.title).joined(separator: " ")),
                    \(bind: searchText.indexTokens(d.body).joined(separator: " ")))
            """).run()
    }

    public func remove(kind: String, key: String, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: searchTable) WHERE kind = \(bind: kind) AND key = \(bind: key)").run()
    }

    public func removeAll(on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(ident: searchTable)").run()
    }

    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        var conditions = SQLQueryString("\(ident: searchTable) MATCH \(bind: query.fts5)")
        if let kinds = filter.kinds { conditions = conditions + " AND kind IN (\(binds: kinds))" }
        if let category = filter.category { conditions = conditions + " AND category = \(bind: category)" }
        let total = try await db.raw("SELECT count(*) AS n FROM \(ident: searchTable) WHERE " + conditions).first(decoding: CountRow.self)?.n ?? 0
        let rows = try await db.raw("""
            SELECT kind, key, category, -bm25(\(ident: searchTable), 0, 0, 0, 5.0, 1.0) AS score
            FROM \(ident: searchTable)
            """ + " WHERE " + conditions + " ORDER BY score DESC, kind, key LIMIT \(bind: limit) OFFSET \(bind: offset)").all(decoding: Row.self)
        return SearchResults(hits: rows.map { SearchHit(kind: $0.kind, key: $0.key, category: $0.category, score: $0.score) }, total: total)
    }
}

/// PostgreSQL `tsvector` with the `simple` configuration fed the same tokens, a GIN index and
/// `ts_rank_cd` (title weighted A, body D).
public struct PostgresSearchIndex: SearchIndex {
    let searchText: SearchText

    public init(searchText: SearchText) { self.searchText = searchText }

    public func prepare(on db: any SQLDatabase) async throws {
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS \(ident: searchTable) (
              kind text NOT NULL, key text NOT NULL, category text, document tsvector NOT NULL,
              PRIMARY KEY (kind, key))
            """).run()
        try await db.raw("CREATE INDEX IF NOT EXISTS search_index_document ON \(ident: searchTable) USING gin (document)").run()
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

    public func search(_ query: SearchQuery, filter: SearchFilter, limit: Int, offset: Int, on db: any SQLDatabase) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        var conditions = SQLQueryString("document @@ to_tsquery('simple', \(bind: query.tsquery))")
        if let kinds = filter.kinds { conditions = conditions + " AND kind IN (\(binds: kinds))" }
        if let category = filter.category { conditions = conditions + " AND category = \(bind: category)" }
        let total = try await db.raw("SELECT count(*)::int AS n FROM \(ident: searchTable) WHERE " + conditions).first(decoding: CountRow.self)?.n ?? 0
        let rows = try await db.raw("""
            SELECT kind, key, category,
                   ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', document, to_tsquery('simple', \(bind: query.tsquery)))::float8 AS score
            FROM \(ident: searchTable)
            """ + " WHERE " + conditions + " ORDER BY score DESC, kind, key LIMIT \(bind: limit) OFFSET \(bind: offset)").all(decoding: Row.self)
        return SearchResults(hits: rows.map { SearchHit(kind: $0.kind, key: $0.key, category: $0.category, score: $0.score) }, total: total)
    }
}
