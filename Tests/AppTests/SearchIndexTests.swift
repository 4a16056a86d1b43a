@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SQLKit
import Search
import Testing
@testable import Tracker
import Vapor

/// The index backends on the database the suite runs on (SQLite FTS5 or PostgreSQL tsvector):
/// the same queries find the same measures on both.
@Suite struct SearchIndexTests {
    func keys(_ text: String, filter: SearchFilter = SearchFilter(), on app: Application) async throws -> Set<String> {
        Set(try await SearchService.shared().search(text, filter: filter, limit: 100, on: app.db).hits.map(\.key))
    }

    @Test("Traditional, Simplified and mixed queries find the same measures", arguments: [
        // A measure is titled by its area, 醫療衞生及中醫藥 for area 10.
        ("醫療", ["10.1", "10.2", "10.3", "10.4"]),
        ("医疗", ["10.1", "10.2", "10.3", "10.4"]),
        ("衞生", ["10.1", "10.2", "10.3", "10.4"]),       // Hong Kong variant
        ("衛生", ["10.1", "10.2", "10.3", "10.4"]),       // Taiwan variant
        ("医疗卫生", ["10.1", "10.2", "10.3", "10.4"]),
        ("衞生應急", ["10.1"]),
        ("醫療 品牌", ["10.2"]),                          // both terms required
        ("5G 網路", ["6.3"]),
        ("ＱＦＬＰ", ["2.2"]),
        ("一站式", ["7.2", "11.2"]),
        ("港鐵學院", ["7.4"]),
        ("中醫藥 人才", ["10.2", "10.4"]),   // 10.2 has 醫學人才
        ("科技創新", ["3.1", "3.2", "3.3", "3.4", "3.5"]),
    ])
    func finds(query: String, expected: [String]) async throws {
        try await withApp { (app: Application) async throws in
            #expect(try await keys(query, on: app) == Set(expected))
        }
    }

    @Test func singleCharactersAndFiltersAndPages() async throws {
        try await withApp { app in
            let search = try SearchService.shared()
            let all = try await search.search("渝", limit: 5, on: app.db)
            #expect(all.hits.count == 5)
            #expect(all.total > 20)
            let next = try await search.search("渝", limit: 5, offset: 5, on: app.db)
            #expect(Set(next.hits.map(\.key)).isDisjoint(with: all.hits.map(\.key)))
            #expect(try await keys("窄改寬", filter: SearchFilter(category: "yugang"), on: app) == ["4.3"])
            #expect(try await keys("窄改寬", filter: SearchFilter(category: "yuegang"), on: app).isEmpty)
            #expect(try await keys("渝", filter: SearchFilter(kinds: ["article"]), on: app).isEmpty)
            #expect(try await keys("“”", on: app).isEmpty)
            #expect(try await keys(#"" OR 1=1 --"#, on: app).isEmpty)
            #expect(try await keys("沒有這個詞語", on: app).isEmpty)
        }
    }

    @Test func revisionsAndReindexKeepTheIndexCurrent() async throws {
        try await withApp { app in
            var text = try ShippedMemorandaFixture.text()
            text = text.replacingOccurrences(of: "通過“窄改寬”增加客機腹倉載貨量。", with: "通過“窄改寬”增加客機腹艙載貨量及冷鏈運力。")
            text = String(text[..<text.range(of: "3.建立常態化溝通機制")!.lowerBound])
            _ = try await AgreementImporter.store(try MemorandumParserFixture.parse(text), sourceText: text, sourceName: nil,
                                                  script: .traditional, actor: "test", on: app.db)
            #expect(try await keys("冷鏈運力", on: app) == ["4.3"])
            #expect(try await keys("溝通機制", on: app).isEmpty)
            try await (app.db as! any SQLDatabase).raw("DELETE FROM search_index").run()
            #expect(try await keys("冷鏈", on: app).isEmpty)
            #expect(try await ReindexCommand.rebuild(on: app.db) == 46)
            #expect(try await keys("冷鏈", on: app) == ["4.3"])
        }
    }

    /// Both backends answer queries broader than their exact-ranking limit from tiers: title
    /// matches first, then the other matches newest first; pages still partition the results.
    @Test func broadQueriesPutTitleMatchesFirstAndPageConsistently() async throws {
        try await withApp { (app: Application) async throws in
            let db = app.db.sql
            let text = try SearchService.shared().text
            let index: any SearchIndex = TestDatabase.isPostgres ? PostgresSearchIndex(searchText: text, exactRankingLimit: 4)
                                                                 : SQLiteSearchIndex(searchText: text, exactRankingLimit: 4)
            try await index.removeAll(on: db)
            for i in 1...9 {
                // 口岸 is in every body; the titles of documents 3 and 7 name it as well, 7's more closely.
                let title = i == 3 ? "口岸通關安排及查驗說明" : i == 7 ? "口岸" : "文件\(i)"
                try await index.upsert(SearchDocument(kind: "article", key: "d\(i)", title: title, body: "關於口岸的說明 \(i)"), on: db)
            }
            func keys(_ q: String, limit: Int, offset: Int) async throws -> [String] {
                try await index.search(SearchQuery(q, using: SearchService.shared().text), filter: SearchFilter(), limit: limit, offset: offset, on: db).hits.map(\.key)
            }
            let expected = ["d7", "d3", "d9", "d8", "d6", "d5", "d4", "d2", "d1"]
            #expect(try await keys("口岸", limit: 20, offset: 0) == expected)
            #expect(try await keys("口岸", limit: 4, offset: 0) + keys("口岸", limit: 4, offset: 4) + keys("口岸", limit: 4, offset: 8) == expected)
            #expect(try await index.search(SearchQuery("口岸", using: SearchService.shared().text), filter: SearchFilter(), limit: 1, offset: 0, on: db).total == 9)
        }
    }
}
