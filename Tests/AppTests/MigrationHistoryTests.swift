@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
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
}
