import Fluent
import Foundation
import Platform
import Tracker

/// Plain values the mechanism and document pages show, public and officers'; each loader is
/// one call tests can make without HTTP.
package enum AgreementQueries {
    package struct DocumentRow: Sendable, Equatable {
        package var slug: String
        package var title: String
        package var documentKind: String?
        package var kind: AgreementKind
        package var script: String
        package var revision: Int
        package var measureCount: Int
        package var signedOn: String?
    }

    package struct MeetingRow: Sendable, Equatable {
        package var number: Int
        package var title: String
        package var heldOn: String?
        package var place: String?
        package var script: String
        package var documents: [DocumentRow]
    }

    package struct MechanismRow: Sendable, Equatable {
        package var slug: String
        package var name: String
        package var script: String
        package var parties: [String]
        /// Meetings in order, each with its documents.
        package var meetings: [MeetingRow]
        /// Documents signed outside the meetings.
        package var otherDocuments: [DocumentRow]

        package var documentCount: Int { meetings.reduce(otherDocuments.count) { $0 + $1.documents.count } }
    }

    /// A document with its areas, measures and their progress, and where it belongs.
    package struct DocumentPage: Sendable {
        package var overview: PortalQueries.Overview
        package var mechanism: MechanismRow
        package var meeting: MeetingRow?
        package var document: DocumentRow
    }

    /// Every mechanism, the oldest first, with its meetings and documents.
    package static func mechanisms(on db: Database) async throws -> [MechanismRow] {
        try await rows(of: Mechanism.query(on: db).sort(\.$createdAt).sort(\.$slug).all(), on: db)
    }

    /// The mechanisms `o` belongs to (every one for an account without a unit).
    package static func mechanisms(of o: Officer, on db: Database) async throws -> [MechanismRow] {
        let all = try await Mechanism.query(on: db).sort(\.$createdAt).sort(\.$slug).all()
        return try await rows(of: all.filter { o.belongs(to: $0.id!) }, on: db)
    }

    /// The mechanism at `slug`, or nil.
    package static func mechanism(_ slug: String, on db: Database) async throws -> MechanismRow? {
        guard slug.count <= 64, let found = try await Mechanism.query(on: db).filter(\.$slug == slug).first() else { return nil }
        return try await rows(of: [found], on: db).first
    }

    /// The document at `slug` as of `today` (ISO date), or nil.
    package static func document(_ slug: String, on db: Database, today: String) async throws -> DocumentPage? {
        guard slug.count <= 64,
              let agreement = try await Agreement.query(on: db).filter(\.$slug == slug).with(\.$mechanism).with(\.$signedAt).first()
        else { return nil }
        let overview = try await PortalQueries.overview(of: agreement, on: db, today: today)
        let (mechanism, meeting, document) = try await place(agreement, on: db)
        return DocumentPage(overview: overview, mechanism: mechanism, meeting: meeting, document: document)
    }

    /// The mechanism, meeting and row of `agreement` (its mechanism and meeting loaded).
    package static func place(_ agreement: Agreement, on db: Database) async throws -> (MechanismRow, MeetingRow?, DocumentRow) {
        guard let mechanism = try await rows(of: [agreement.mechanism], on: db).first else { throw AppError.notFound }
        let meeting = agreement.signedAt.flatMap { m in mechanism.meetings.first { $0.number == m.number } }
        if let listed = (meeting?.documents ?? mechanism.otherDocuments).first(where: { $0.slug == agreement.slug }) {
            return (mechanism, meeting, listed)
        }
        let counts = try await measureCounts(of: [agreement.requireID()], on: db)
        return (mechanism, meeting, row(agreement, measures: counts[agreement.id!] ?? 0))
    }

    /// `mechanisms` with their meetings and documents, in four queries whatever their number.
    static func rows(of mechanisms: [Mechanism], on db: Database) async throws -> [MechanismRow] {
        let ids = try mechanisms.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let meetings = try await Meeting.query(on: db).filter(\.$mechanism.$id ~~ ids).sort(\.$number).all()
        let agreements = try await Agreement.query(on: db).filter(\.$mechanism.$id ~~ ids).sort(\.$createdAt).sort(\.$slug).all()
        let counts = try await measureCounts(of: agreements.compactMap(\.id), on: db)
        return try mechanisms.map { mechanism in
            let id = try mechanism.requireID()
            let documents = agreements.filter { $0.$mechanism.id == id }
            func documentRows(_ meetingID: UUID?) -> [DocumentRow] {
                documents.filter { $0.$signedAt.id == meetingID }
                    .sorted { order($0.kind) < order($1.kind) }
                    .map { row($0, measures: counts[$0.id!] ?? 0) }
            }
            return MechanismRow(
                slug: mechanism.slug, name: mechanism.name, script: mechanism.script, parties: mechanism.parties ?? [],
                meetings: meetings.filter { $0.$mechanism.id == id }.map { m in
                    MeetingRow(number: m.number, title: m.title, heldOn: m.heldOn, place: m.place, script: m.script, documents: documentRows(m.id))
                },
                otherDocuments: documentRows(nil)
            )
        }
    }

    /// Measures in force (not removed by a revision) of each agreement.
    static func measureCounts(of agreementIDs: [UUID], on db: Database) async throws -> [UUID: Int] {
        guard !agreementIDs.isEmpty else { return [:] }
        let measures = try await Measure.query(on: db).filter(\.$agreement.$id ~~ agreementIDs).filter(\.$removedInRevision == nil)
            .field(\.$id).field(\.$agreement.$id).all()
        return Dictionary(grouping: measures, by: { $0.$agreement.id }).mapValues(\.count)
    }

    static func row(_ a: Agreement, measures: Int) -> DocumentRow {
        DocumentRow(slug: a.slug, title: a.title, documentKind: a.documentKind, kind: a.kind, script: a.script, revision: a.revision,
                    measureCount: measures, signedOn: a.signedOn)
    }

    /// The memorandum first, then other agreements, then work plans.
    static func order(_ kind: AgreementKind) -> Int {
        switch kind {
        case .memorandum: 0
        case .agreement: 1
        case .workPlan: 2
        }
    }
}
