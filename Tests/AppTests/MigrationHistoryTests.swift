@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Search
import SQLKit
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker

/// Upgrades from an installation of an earlier release: the migrations it had not run yet
/// work on the tables as that release left them.
@Suite struct MigrationHistoryTests {
    /// An audit log kept before the hash chain existed (an installation at migration 006) is
    /// linked by the upgrade in the order its events happened; the chain verifies, and events
    /// written afterwards continue it.
    @Test func anAuditLogFromBeforeTheChainIsLinkedByTheUpgrade() async throws {
        try await withApp(migrated: false) { app in
            let all = App.Migrations.all
            let chain = try #require(all.firstIndex { $0 is UpdateAuditEventsAddChain })
            let earlier = FluentKit.Migrations()
            earlier.add(Array(all[..<chain]))
            let migrator = Migrator(databases: app.databases, migrations: earlier, logger: app.logger, on: app.eventLoopGroup.any())
            try await migrator.setupIfNeeded().flatMap { migrator.prepareBatch() }.get()
            // Written in this order; the second happened last.
            for (action, seconds) in [("unit.create", 1_700_000_000.1234), ("user.create", 1_700_000_100.0), ("measure.assign", 1_700_000_050.5)] {
                try await app.db.sql.raw("""
                    INSERT INTO audit_events (id, at, actor, action, entity) VALUES (\(bind: UUID()), \(bind: Date(timeIntervalSince1970: seconds)), 'admin (admin)', \(bind: action), 'units')
                    """).run()
            }

            try await app.autoMigrate()
            let verdict = try await AuditChain.verify(on: app.db)
            #expect(verdict.broken == nil && verdict.events == 3)
            #expect(try await AuditEvent.query(on: app.db).sort(\.$seq).all().map(\.action) == ["unit.create", "measure.assign", "user.create"])
            try await AuditEvent(actor: "system", action: "after.upgrade", entity: "units", entityID: nil).create(on: app.db)
            let after = try await AuditChain.verify(on: app.db)
            #expect(after.broken == nil && after.events == 4)
        }
    }

    /// An installation from before meetings were recorded (at migration 009), with its one
    /// agreement, is upgraded in place: the mechanism gets its slug, the agreement its meeting
    /// and slug, its measures keep their plain keys and are searched by mechanism, and its units
    /// belong to the mechanism.
    @Test func anAgreementFromBeforeMeetingsGetsItsMeetingSlugAndKeys() async throws {
        try await withApp(migrated: false) { app in
            let all = App.Migrations.all
            let meetings = try #require(all.firstIndex { $0 is CreateMeetingsAndLineage })
            let earlier = FluentKit.Migrations()
            earlier.add(Array(all[..<meetings]))
            let migrator = Migrator(databases: app.databases, migrations: earlier, logger: app.logger, on: app.eventLoopGroup.any())
            try await migrator.setupIfNeeded().flatMap { migrator.prepareBatch() }.get()
            let sql = app.db.sql
            let emptyArray = SQLRaw(sql.dialect.name == "postgresql" ? "'{}'" : "'[]'")
            let mechanism = UUID(), agreement = UUID(), area = UUID(), measure = UUID(), unit = UUID()
            let now = Date(timeIntervalSince1970: 1_700_000_000)
            try await sql.raw("INSERT INTO mechanisms (id, name, script, created_at) VALUES (\(bind: mechanism), '渝港合作會議', 'zh-Hant', \(bind: now))").run()
            try await sql.raw("""
                INSERT INTO agreements (id, mechanism_id, title, document_kind, meeting, meeting_number, signed_on, script, preamble, parties, revision, created_at, updated_at)
                VALUES (\(bind: agreement), \(bind: mechanism), '渝港高層會晤暨渝港合作會議第一次會議', '備忘錄', '第一次會議', 1, '2023-05-11', 'zh-Hant',
                        \(emptyArray), \(emptyArray), 1, \(bind: now), \(bind: now))
                """).run()
            try await sql.raw("INSERT INTO areas (id, agreement_id, number, title) VALUES (\(bind: area), \(bind: agreement), 1, '經貿')").run()
            try await sql.raw("""
                INSERT INTO measures (id, agreement_id, area_id, area_number, item_number, text, updated_at)
                VALUES (\(bind: measure), \(bind: agreement), \(bind: area), 1, 1, '鼓勵兩地企業建立戰略夥伴關係。', \(bind: now))
                """).run()
            try await sql.raw("""
                INSERT INTO units (id, name, side, script, is_liaison_office, created_at)
                VALUES (\(bind: unit), '香港特別行政區政府政制及內地事務局', 'hk', 'zh-Hant', \(bind: true), \(bind: now))
                """).run()

            try await app.autoMigrate()
            let stored = try #require(try await Agreement.query(on: app.db).with(\.$mechanism).with(\.$signedAt).first())
            #expect(stored.mechanism.slug == "yugang" && stored.slug == "yugang-1" && stored.kind == .memorandum)
            #expect(stored.signedAt?.number == 1 && stored.signedAt?.heldOn == "2023-05-11" && stored.signedAt?.title == "第一次會議")
            #expect(try await MeasureKey.find("1.1", on: app.db)?.id == measure)
            #expect(try await UnitMechanism.query(on: app.db).filter(\.$unit.$id == unit).all().map(\.mechanismID) == [mechanism])
            let found = try await SearchService.shared().search("戰略夥伴", filter: SearchFilter(category: "yugang"), on: app.db)
            #expect(found.hits.map(\.key) == ["1.1"])
        }
    }
}
