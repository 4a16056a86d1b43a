import ChineseScript
import Fluent
import Foundation
import Memorandum
import Platform

/// Stores a parsed memorandum as an agreement, in one transaction: all of it or none of it.
///
/// The same content imported again is a no-op (content hash). A changed text of the same
/// agreement (same mechanism and title) becomes a new revision: measures are matched by number,
/// reworded in place, added, or marked removed (kept with their history), and the changes are
/// listed in the revision and the audit log.
package enum AgreementImporter {
    package enum Outcome: Equatable {
        case created(revision: Int)
        case unchanged(revision: Int)
        case revised(revision: Int, changes: [String])
    }

    package static func store(
        _ document: MemorandumDocument, sourceText: String, sourceName: String?, script: Script,
        actor: String, on database: Database
    ) async throws -> Outcome {
        let search = try SearchService.shared()
        return try await database.writing { db in
            let mechanismName = document.mechanism ?? document.title
            let mechanism: Mechanism
            if let existing = try await Mechanism.query(on: db).filter(\.$name == mechanismName).first() {
                mechanism = existing
            } else {
                mechanism = Mechanism(name: mechanismName, script: script.languageTag)
                try await mechanism.create(on: db)
            }
            let mechanismID = try mechanism.requireID()
            guard let agreement = try await Agreement.query(on: db)
                .filter(\.$mechanism.$id == mechanismID).filter(\.$title == document.title).first()
            else {
                let agreement = Agreement()
                agreement.$mechanism.id = mechanismID
                agreement.revision = 1
                apply(document, script: script, to: agreement)
                try await agreement.create(on: db)
                let agreementID = try agreement.requireID()
                try await addRevision(1, of: agreementID, document, sourceText, sourceName, changes: [], on: db)
                for area in document.areas {
                    let stored = Area(agreementID: agreementID, number: area.number, title: area.title)
                    try await stored.create(on: db)
                    for measure in area.measures {
                        try await createMeasure(measure, agreementID: agreementID, areaID: stored.requireID(), search: search, on: db)
                    }
                }
                try await AuditEvent(
                    actor: actor, action: "agreement.import", entity: Agreement.schema, entityID: agreementID,
                    after: "revision 1: \(document.areas.count) areas, \(document.measures.count) measures, \(document.contentHash)"
                ).create(on: db)
                return .created(revision: 1)
            }

            let agreementID = try agreement.requireID()
            let revisions = try await AgreementRevision.query(on: db)
                .filter(\.$agreement.$id == agreementID).sort(\.$number, .descending).all()
            if let same = revisions.first(where: { $0.contentHash == document.contentHash }) {
                return .unchanged(revision: same.number)
            }
            guard let latest = revisions.first else { throw ImportError.noRevision(agreement.title) }
            let previous = try MemorandumParser.parse(latest.sourceText)
            let diff = MemorandumDiff(from: previous, to: document)
            let number = latest.number + 1

            let before = "revision \(agreement.revision)"
            apply(document, script: script, to: agreement)
            agreement.revision = number
            try await agreement.update(on: db)
            try await addRevision(number, of: agreementID, document, sourceText, sourceName, changes: diff.lines, on: db)

            var areas = Dictionary(uniqueKeysWithValues: try await Area.query(on: db)
                .filter(\.$agreement.$id == agreementID).all().map { ($0.number, $0) })
            for area in document.areas {
                if let stored = areas[area.number] {
                    if stored.title != area.title {
                        stored.title = area.title
                        try await stored.update(on: db)
                    }
                } else {
                    let stored = Area(agreementID: agreementID, number: area.number, title: area.title)
                    try await stored.create(on: db)
                    areas[area.number] = stored
                }
            }
            let measures = Dictionary(uniqueKeysWithValues: try await Measure.query(on: db)
                .filter(\.$agreement.$id == agreementID).all().map { ($0.number, $0) })
            for measure in document.measures {
                if let stored = measures[measure.number] {
                    if stored.text != measure.text || stored.removedInRevision != nil {
                        let was = stored.text
                        stored.text = measure.text
                        stored.removedInRevision = nil
                        try await stored.update(on: db)
                        try await search.index(measure: stored, on: db)
                        try await AuditEvent(
                            actor: actor, action: "measure.reword", entity: Measure.schema, entityID: stored.id,
                            before: was, after: measure.text, measureID: stored.id
                        ).create(on: db)
                    }
                } else if let area = areas[measure.area] {
                    try await createMeasure(measure, agreementID: agreementID, areaID: area.requireID(), search: search, on: db)
                }
            }
            for removed in diff.removed {
                guard let stored = measures[removed], stored.removedInRevision == nil else { continue }
                stored.removedInRevision = number
                try await stored.update(on: db)
                try await search.remove(measure: stored, on: db)
            }
            try await AuditEvent(
                actor: actor, action: "agreement.revise", entity: Agreement.schema, entityID: agreementID,
                before: before, after: (["revision \(number)"] + diff.lines).joined(separator: "\n")
            ).create(on: db)
            return .revised(revision: number, changes: diff.lines)
        }
    }

    package enum ImportError: Error, CustomStringConvertible {
        case noRevision(String)
        package var description: String {
            switch self {
            case .noRevision(let title): return "agreement 「\(title)」 has no stored revision"
            }
        }
    }

    private static func apply(_ d: MemorandumDocument, script: Script, to agreement: Agreement) {
        agreement.title = d.title
        agreement.documentKind = d.documentKind
        agreement.meeting = d.meeting
        agreement.meetingNumber = d.meetingNumber
        agreement.signedOn = d.signedOn.first
        agreement.script = script.languageTag
        agreement.preamble = d.preamble
        agreement.parties = d.parties.map { StoredParty(name: $0.name, signatoryTitle: $0.signatoryTitle, signedOn: $0.signedOn) }
        agreement.annexTitle = d.annexTitle
    }

    private static func addRevision(
        _ number: Int, of agreementID: UUID, _ d: MemorandumDocument, _ sourceText: String, _ sourceName: String?,
        changes: [String], on db: Database
    ) async throws {
        let revision = AgreementRevision()
        revision.$agreement.id = agreementID
        revision.number = number
        revision.contentHash = d.contentHash
        revision.sourceText = sourceText
        revision.sourceName = sourceName
        revision.changes = changes
        try await revision.create(on: db)
    }

    private static func createMeasure(_ m: Memorandum.Measure, agreementID: UUID, areaID: UUID, search: SearchService, on db: Database) async throws {
        let stored = Measure(agreementID: agreementID, areaID: areaID, areaNumber: m.area, itemNumber: m.item, text: m.text)
        try await stored.create(on: db)
        try await search.index(measure: stored, on: db)
        let measureID = try stored.requireID()
        for side in Side.allCases {
            try await MeasureSide(measureID: measureID, side: side).create(on: db)
        }
    }
}
