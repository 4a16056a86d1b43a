import ChineseScript
import Fluent
import Foundation
import Memorandum
import Platform

/// Stores a parsed memorandum as an agreement, in one transaction: all of it or none of it.
///
/// The agreement belongs to a mechanism and one of its meetings (`Destination`; by default
/// those the document's heading names, created when missing). The same content imported again
/// is a no-op (content hash). A changed text of the same agreement (same mechanism and title)
/// becomes a new revision: measures are matched by number, reworded in place, added, or marked
/// removed (kept with their history), and the changes are listed in the revision and the audit log.
package enum AgreementImporter {
    /// Where a document goes. Every field left nil is taken from the document's heading.
    package struct Destination: Sendable {
        /// An existing mechanism by slug, or the new mechanism's slug when `mechanismName` is given too.
        package var mechanismSlug: String?
        package var mechanismName: String?
        package var meetingNumber: Int?
        package var meetingHeldOn: String?
        package var meetingPlace: String?
        package var kind: AgreementKind?

        package init(mechanismSlug: String? = nil, mechanismName: String? = nil, meetingNumber: Int? = nil,
                     meetingHeldOn: String? = nil, meetingPlace: String? = nil, kind: AgreementKind? = nil) {
            self.mechanismSlug = mechanismSlug
            self.mechanismName = mechanismName
            self.meetingNumber = meetingNumber
            self.meetingHeldOn = meetingHeldOn
            self.meetingPlace = meetingPlace
            self.kind = kind
        }
    }

    package enum Outcome: Equatable {
        case created(revision: Int)
        case unchanged(revision: Int)
        case revised(revision: Int, changes: [String])
    }

    package static func store(
        _ document: MemorandumDocument, sourceText: String, sourceName: String?, script: Script,
        into destination: Destination = Destination(), actor: String, on database: Database
    ) async throws -> Outcome {
        let search = try SearchService.shared()
        return try await database.writing { db in
            let mechanism = try await self.mechanism(for: document, destination, script: script, actor: actor, on: db)
            let mechanismID = try mechanism.requireID()
            guard let agreement = try await Agreement.query(on: db)
                .filter(\.$mechanism.$id == mechanismID).filter(\.$title == document.title).first()
            else {
                let agreement = Agreement()
                agreement.$mechanism.id = mechanismID
                agreement.revision = 1
                agreement.kind = destination.kind ?? .memorandum
                apply(document, script: script, to: agreement)
                let meeting = try await self.meeting(of: mechanism, for: document, destination, script: script, on: db)
                agreement.$signedAt.id = try meeting?.requireID()
                agreement.slug = freeSlug(mechanism.slug + "-" + String(meeting?.number ?? document.meetingNumber ?? 1),
                                          taken: Set(try await Agreement.query(on: db).all().map(\.slug)))
                try await agreement.create(on: db)
                let agreementID = try agreement.requireID()
                try await addRevision(1, of: agreementID, document, sourceText, sourceName, changes: [], on: db)
                let key = try await MeasureKey.maker(for: agreement, on: db)
                for area in document.areas {
                    let stored = Area(agreementID: agreementID, number: area.number, title: area.title)
                    try await stored.create(on: db)
                    for measure in area.measures {
                        try await createMeasure(measure, agreementID: agreementID, areaID: stored.requireID(), key: key, search: search, on: db)
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
            let key = try await MeasureKey.maker(for: agreement, on: db)

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
                        describe(stored, as: measure)
                        try await stored.update(on: db)
                        try await search.index(measure: stored, on: db)
                        try await AuditEvent(
                            actor: actor, action: "measure.reword", entity: Measure.schema, entityID: stored.id,
                            before: was, after: measure.text, measureID: stored.id
                        ).create(on: db)
                    }
                } else if let area = areas[measure.area] {
                    try await createMeasure(measure, agreementID: agreementID, areaID: area.requireID(), key: key, search: search, on: db)
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
        case noMechanism(String)
        package var description: String {
            switch self {
            case .noRevision(let title): return "agreement 「\(title)」 has no stored revision"
            case .noMechanism(let slug): return "no mechanism with the address 「\(slug)」"
            }
        }
    }

    /// The destination's mechanism, or the one the heading names; created when missing, with
    /// every Hong Kong-side liaison office as a member (the Hong Kong side takes part in all).
    private static func mechanism(for d: MemorandumDocument, _ destination: Destination, script: Script, actor: String,
                                  on db: Database) async throws -> Mechanism {
        if let slug = destination.mechanismSlug, destination.mechanismName == nil {
            guard let found = try await Mechanism.query(on: db).filter(\.$slug == slug).first() else { throw ImportError.noMechanism(slug) }
            return found
        }
        let name = destination.mechanismName ?? d.mechanism ?? d.title
        if let existing = try await Mechanism.query(on: db).filter(\.$name == name).first() { return existing }
        let slug: String
        if let given = destination.mechanismSlug {
            slug = given
        } else {
            slug = freeSlug(["渝港合作會議", "渝港合作会议"].contains(name) ? "yugang" : "mechanism",
                            taken: Set(try await Mechanism.query(on: db).all().map(\.slug)))
        }
        let mechanism = Mechanism(name: name, script: script.languageTag, slug: slug, parties: d.parties.isEmpty ? nil : d.parties.map(\.name))
        try await mechanism.create(on: db)
        let mechanismID = try mechanism.requireID()
        for office in try await Unit.query(on: db).filter(\.$side == .hk).filter(\.$isLiaisonOffice == true).all() {
            try await UnitMechanism(unitID: office.requireID(), mechanismID: mechanismID).create(on: db)
        }
        try await AuditEvent(actor: actor, action: "mechanism.create", entity: Mechanism.schema, entityID: mechanismID,
                             after: "\(name) (\(slug))").create(on: db)
        return mechanism
    }

    /// The meeting the document belongs to, created when missing; nil when neither the
    /// destination nor the heading names one.
    private static func meeting(of mechanism: Mechanism, for d: MemorandumDocument, _ destination: Destination, script: Script,
                                on db: Database) async throws -> Meeting? {
        guard let number = destination.meetingNumber ?? d.meetingNumber else { return nil }
        let mechanismID = try mechanism.requireID()
        if let existing = try await Meeting.query(on: db).filter(\.$mechanism.$id == mechanismID).filter(\.$number == number).first() {
            // A later document of the meeting may say what the first one did not: when and where it was held.
            if existing.heldOn == nil || existing.place == nil, destination.meetingHeldOn != nil || destination.meetingPlace != nil {
                existing.heldOn = existing.heldOn ?? destination.meetingHeldOn
                existing.place = existing.place ?? destination.meetingPlace
                try await existing.update(on: db)
            }
            return existing
        }
        let title = d.meetingNumber == number ? (d.meeting ?? meetingTitle(number, script)) : meetingTitle(number, script)
        let meeting = Meeting(mechanismID: mechanismID, number: number, title: title,
                              heldOn: destination.meetingHeldOn ?? d.signedOn.first, place: destination.meetingPlace, script: script.languageTag)
        try await meeting.create(on: db)
        return meeting
    }

    /// 「第二次會議」 (or 会议, in Simplified).
    static func meetingTitle(_ number: Int, _ script: Script) -> String {
        "第" + ChineseNumeral.format(number) + "次" + (script == .simplified ? "会议" : "會議")
    }

    /// `base`, or `base-b`, `base-c`… when taken.
    private static func freeSlug(_ base: String, taken: Set<String>) -> String {
        if !taken.contains(base) { return base }
        for suffix in "bcdefghijklmnopqrstuvwxyz" where !taken.contains("\(base)-\(suffix)") { return "\(base)-\(suffix)" }
        return base + "-" + UUID().uuidString.prefix(8).lowercased()
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
        agreement.layout = d.layout.rawValue
    }

    /// The printed number, group and named units the parser found.
    private static func describe(_ stored: Measure, as m: Memorandum.Measure) {
        stored.label = m.label == String(m.item) ? nil : m.label
        stored.groupTitle = m.group
        stored.namedLeads = m.leadUnits.isEmpty ? nil : m.leadUnits
        stored.namedSupports = m.supportingUnits.isEmpty ? nil : m.supportingUnits
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

    private static func createMeasure(_ m: Memorandum.Measure, agreementID: UUID, areaID: UUID, key: (Int, Int) -> String,
                                      search: SearchService, on db: Database) async throws {
        let stored = Measure(agreementID: agreementID, areaID: areaID, areaNumber: m.area, itemNumber: m.item, text: m.text,
                             key: key(m.area, m.item))
        describe(stored, as: m)
        try await stored.create(on: db)
        try await search.index(measure: stored, on: db)
        let measureID = try stored.requireID()
        for side in Side.allCases {
            try await MeasureSide(measureID: measureID, side: side).create(on: db)
        }
    }
}
