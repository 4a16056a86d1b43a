@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct PageCacheTests {
    @Test func aWriteThroughThisInstanceShowsAtOnce() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            #expect(!(try await app.get("/measures/1.1").1.contains("節點甲")))
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/measures/1.1")
            try await officer.post("/officer/measures/1.1/milestones", ["title": "節點甲", "dueOn": "2027-02-01"])
            #expect(try await app.get("/measures/1.1").1.contains("節點甲"))
        }
    }

    @Test func writesElsewhereShowOnceTheEntryExpires() async throws {
        try await withApp { app in
            let now = NIOLockedValueBox(fixedNow)
            app.clock = AppClock(now: { now.withLockedValue { $0 } })
            #expect(try await app.get("/areas/3").1.contains("科技創新"))
            // Another instance (here: the database directly) renames the area.
            let area = try #require(try await Area.query(on: app.db).filter(\.$number == 3).first())
            area.title = "科技創新與數字經濟"
            try await area.update(on: app.db)
            #expect(!(try await app.get("/areas/3").1.contains("數字經濟")))
            now.withLockedValue { $0 = $0.addingTimeInterval(app.config.pageCacheSeconds + 0.5) }
            #expect(try await app.get("/areas/3").1.contains("數字經濟"))
        }
    }

    @Test func languagesAndErrorsAreNotMixedUp() async throws {
        try await withApp { (app: Application) async throws in
            #expect(try await app.get("/?lang=zh-Hans").1.contains("<html lang=\"zh-Hans\">"))
            #expect(try await app.get("/?lang=en").1.contains("<html lang=\"en\">"))
            #expect(try await app.get("/").1.contains("<html lang=\"zh-Hant\">"))
            #expect(try await app.get("/measures/99.1").0 == .notFound)
            #expect(try await app.get("/measures/99.1").0 == .notFound)
        }
    }

    @Test func theCacheIsBounded() {
        let cache = PageCache(ttl: 60)
        for i in 0..<(PageCache.maxEntries + 10) {
            cache.put("k\(i)", body: ByteBuffer(string: "x"), headers: [:], now: fixedNow)
        }
        #expect(cache.count <= PageCache.maxEntries)
        let off = PageCache(ttl: 0)
        off.put("k", body: ByteBuffer(string: "x"), headers: [:], now: fixedNow)
        #expect(off.get("k", now: fixedNow) == nil)
    }
}
