import Fluent
import Foundation
import Platform
import Search
import SQLKit

/// Agreements over time. A mechanism gets a slug (its address on the portal), its parties and
/// the units that belong to it; its meetings become rows, each with its documents (memorandum,
/// other agreements, work plans), each document an agreement with its own slug; measures keep
/// the number and group they were printed with and the units their text names; and
/// `measure_links` records what became of each measure at the next meeting. Names are frozen
/// here, not taken from models.
///
/// Existing rows: the mechanism named 渝港合作會議 (either script) gets the slug `yugang`, any
/// other `mechanism-N` in order of creation; each agreement with a meeting number gets that
/// meeting and the slug `<mechanism>-<meeting>`; every existing unit belongs to every existing
/// mechanism (there was one).
struct CreateMeetingsAndLineage: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("meetings")
            .id()
            .field("mechanism_id", .uuid, .required, .references("mechanisms", .id))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("held_on", .string)
            .field("place", .string)
            .field("script", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "mechanism_id", "number")
            .create()
        // One column per statement: SQLite adds one at a time.
        let columns: [(String, FieldKey, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
            ("mechanisms", "slug", .string, []), ("mechanisms", "parties", .array(of: .string), []),
            // No REFERENCES clause on meeting_id: SQLite cannot drop a column that has one (see `revert`).
            ("agreements", "meeting_id", .uuid, []), ("agreements", "kind", .string, [.required, .sql(.default("memorandum"))]),
            ("agreements", "slug", .string, []), ("agreements", "layout", .string, []),
            ("measures", "key", .string, []), ("measures", "label", .string, []), ("measures", "group_title", .string, []),
            ("measures", "named_leads", .array(of: .string), []), ("measures", "named_supports", .array(of: .string), []),
            ("units", "aliases", .array(of: .string), []),
        ]
        for (table, column, type, constraints) in columns {
            try await db.schema(table).field(.definition(name: .key(column), dataType: type, constraints: constraints)).update()
        }
        try await db.schema("unit_mechanisms")
            .id()
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("mechanism_id", .uuid, .required, .references("mechanisms", .id))
            .unique(on: "unit_id", "mechanism_id")
            .create()
        try await db.schema("measure_links")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("predecessor_id", .uuid, .required, .references("measures", .id))
            .field("successor_id", .uuid, .references("measures", .id))
            .field("outcome", .string, .required)
            .field("similarity", .double)
            .field("decided_by", .string, .required)
            .field("decided_at", .datetime)
            .create()
        try await backfill(on: db)
        try await recategorise(on: db)
        try await db.sql.raw("CREATE UNIQUE INDEX mechanisms_slug ON mechanisms (slug)").run()
        try await db.sql.raw("CREATE UNIQUE INDEX agreements_slug ON agreements (slug)").run()
        try await db.sql.raw("CREATE UNIQUE INDEX measures_key ON measures (key)").run()
        try await db.sql.raw("CREATE INDEX measure_links_predecessor ON measure_links (predecessor_id)").run()
        try await db.sql.raw("CREATE INDEX measure_links_successor ON measure_links (successor_id)").run()
        try await db.sql.raw("CREATE INDEX agreements_meeting ON agreements (meeting_id)").run()
    }

    private struct Row: Decodable { let id: UUID; let name: String }
    private struct AgreementRow: Decodable {
        let id: UUID; let mechanism_id: UUID; let meeting: String?; let meeting_number: Int?
        let signed_on: String?; let script: String
    }

    private func backfill(on db: Database) async throws {
        let sql = db.sql
        var slugs: [UUID: String] = [:]
        let mechanisms = try await sql.select().columns("id", "name").from("mechanisms").orderBy("created_at").all(decoding: Row.self)
        for (i, m) in mechanisms.enumerated() {
            let slug = ["渝港合作會議", "渝港合作会议"].contains(m.name) ? "yugang" : "mechanism-\(i + 1)"
            slugs[m.id] = slug
            try await sql.update("mechanisms").set("slug", to: slug).set("parties", to: SQLLiteral.null)
                .where("id", .equal, m.id).run()
        }
        let agreements = try await sql.select()
            .columns("id", "mechanism_id", "meeting", "meeting_number", "signed_on", "script")
            .from("agreements").orderBy("created_at").all(decoding: AgreementRow.self)
        var used = Set<String>()
        for (i, a) in agreements.enumerated() {
            var meetingID: UUID?
            if let number = a.meeting_number {
                let existing = try await sql.select().column("id").from("meetings")
                    .where("mechanism_id", .equal, a.mechanism_id).where("number", .equal, number).first()
                if let existing {
                    meetingID = try existing.decode(column: "id", as: UUID.self)
                } else {
                    let id = UUID()
                    try await sql.insert(into: "meetings")
                        .columns("id", "mechanism_id", "number", "title", "held_on", "place", "script", "created_at")
                        .values(SQLBind(id), SQLBind(a.mechanism_id), SQLBind(number), SQLBind(a.meeting ?? "\(number)"),
                                SQLBind(a.signed_on), SQLLiteral.null, SQLBind(a.script), SQLBind(Date()))
                        .run()
                    meetingID = id
                }
            }
            var slug = "\(slugs[a.mechanism_id] ?? "agreement")-\(a.meeting_number ?? i + 1)"
            while used.contains(slug) { slug += "b" }
            used.insert(slug)
            try await sql.update("agreements").set("slug", to: slug).set("meeting_id", to: SQLBind(meetingID))
                .where("id", .equal, a.id).run()
            // The first agreement's measures keep their plain numbers (`MeasureKey`).
            let prefix = i == 0 ? "" : slug + "."
            let measures = try await sql.select().columns("id", "area_number", "item_number").from("measures")
                .where("agreement_id", .equal, a.id).all()
            for m in measures {
                let key = prefix + "\(try m.decode(column: "area_number", as: Int.self)).\(try m.decode(column: "item_number", as: Int.self))"
                try await sql.update("measures").set("key", to: key).where("id", .equal, try m.decode(column: "id", as: UUID.self)).run()
            }
        }
        let units = try await sql.select().column("id").from("units").all()
        for unit in units {
            let unitID = try unit.decode(column: "id", as: UUID.self)
            for m in mechanisms {
                try await sql.insert(into: "unit_mechanisms").columns("id", "unit_id", "mechanism_id")
                    .values(SQLBind(UUID()), SQLBind(unitID), SQLBind(m.id)).run()
            }
        }
    }

    private struct IndexedMeasure: Decodable { let key: String; let text: String; let area_title: String; let slug: String }

    /// Measures are searched by mechanism now: each measure's search document gets its
    /// mechanism's slug as its category (it had `area-N`).
    private func recategorise(on db: Database) async throws {
        let index = try SearchService.shared().index(on: db)
        let rows = try await db.sql.raw("""
            SELECT measures.key AS key, measures.text AS text, areas.title AS area_title, mechanisms.slug AS slug
            FROM measures JOIN areas ON areas.id = measures.area_id JOIN agreements ON agreements.id = measures.agreement_id
            JOIN mechanisms ON mechanisms.id = agreements.mechanism_id WHERE measures.removed_in_revision IS NULL
            """).all(decoding: IndexedMeasure.self)
        for row in rows {
            try await index.upsert(SearchDocument(kind: "measure", key: row.key, category: row.slug, title: row.area_title, body: row.text), on: db.sql)
        }
    }

    func revert(on db: Database) async throws {
        for index in ["measures_key", "agreements_meeting", "measure_links_successor", "measure_links_predecessor", "agreements_slug", "mechanisms_slug"] {
            try await db.sql.raw("DROP INDEX \(unsafeRaw: index)").run()
        }
        try await db.schema("measure_links").delete()
        try await db.schema("unit_mechanisms").delete()
        // One column per statement: SQLite drops one at a time.
        let columns = [("units", "aliases"), ("measures", "key"), ("measures", "label"), ("measures", "group_title"), ("measures", "named_leads"),
                       ("measures", "named_supports"), ("agreements", "meeting_id"), ("agreements", "kind"),
                       ("agreements", "slug"), ("agreements", "layout"), ("mechanisms", "slug"), ("mechanisms", "parties")]
        for (table, column) in columns {
            try await db.schema(table).deleteField(.string(column)).update()
        }
        try await db.schema("meetings").delete()
    }
}
