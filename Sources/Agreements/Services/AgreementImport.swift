import ChineseScript
import Fluent
import Foundation
import Memorandum
import Platform
import Tracker

/// An officer's import of a document through the interface: the form checked, the text parsed
/// and shown as a preview, then stored by `AgreementImporter` in one transaction.
package enum AgreementImport {
    /// The longest text accepted (the 2023 memorandum is about 10,000 characters).
    package static let maxCharacters = 400_000
    /// The value of the mechanism choice that asks for a new mechanism.
    package static let newMechanism = "new"

    /// Who may import, and create a mechanism while doing so: liaison offices and administrators.
    package static func mayImport(_ o: Officer) -> Bool { o.role == .liaison || o.role == .admin }

    /// The form's fields as sent.
    package struct Input: Sendable {
        package var text = ""
        /// The uploaded file's name, kept from the preview that extracted it.
        package var sourceName = ""
        package var mechanism = ""
        package var mechanismName = ""
        package var mechanismSlug = ""
        package var meetingNumber = ""
        package var heldOn = ""
        package var place = ""
        package var kind = AgreementKind.memorandum.rawValue
        package var confirmed = false

        package init() {}

        /// The values to show again on the form.
        package var values: [String: String] {
            var v = ["text": text, "sourceName": sourceName, "mechanism": mechanism, "mechanismName": mechanismName,
                     "mechanismSlug": mechanismSlug, "meetingNumber": meetingNumber, "heldOn": heldOn, "place": place, "kind": kind]
            if confirmed { v["confirmWarnings"] = "yes" }
            return v
        }
    }

    /// A mechanism the officer may import into.
    package struct Choice: Sendable, Equatable {
        package var slug: String
        package var name: String
        package var script: String
    }

    /// What the preview shows; plain values, the document's text as written.
    package struct Preview: Sendable {
        package struct Measure: Sendable, Equatable {
            package var number: String
            /// The number as printed, when it differs from the item's place in the area.
            package var label: String?
            package var group: String?
            package var text: String
            package var line: Int
            package var leads: [String]
            package var supports: [String]
        }

        package struct Area: Sendable, Equatable {
            package var number: Int
            package var title: String
            package var line: Int
            package var introduction: String?
            package var measures: [Measure]
        }

        package struct Warning: Sendable, Equatable {
            package var line: Int
            /// The parser's English, for a warning without a code.
            package var message: String
            package var needsConfirmation: Bool
            /// Which warning, and what it quotes: `ParseWarningText` says it in the reader's language.
            package var code: ParseWarning.Code = .other
            package var values: [String: String] = [:]

            package var parseWarning: ParseWarning {
                ParseWarning(line: line, message: message, needsConfirmation: needsConfirmation, code: code, values: values)
            }
        }

        package struct Change: Sendable, Equatable {
            /// A measure number (`3.1`) or an area number.
            package var number: String
            package var before: String?
            package var after: String?
        }

        /// The measures that differ from the stored text of the same document.
        package struct Diff: Sendable, Equatable {
            package var frontMatterChanged: Bool
            package var retitled: [Change]
            package var added: [Change]
            package var removed: [Change]
            package var reworded: [Change]

            package var isEmpty: Bool { !frontMatterChanged && retitled.isEmpty && added.isEmpty && removed.isEmpty && reworded.isEmpty }
        }

        /// Where the text would go.
        package enum Target: Sendable, Equatable {
            /// A new document of the mechanism.
            case newDocument
            /// A new revision of the document `slug`, now at `revision`.
            case revision(slug: String, revision: Int, diff: Diff)
            /// The same text is stored already as `revision` of `slug`: storing changes nothing.
            case unchanged(slug: String, revision: Int)
        }

        /// zh-Hant or zh-Hans: the script the text is written in.
        package var script: String
        package var title: String
        package var documentKind: String?
        package var meeting: String?
        package var meetingNumber: Int?
        package var signedOn: [String]
        package var parties: [String]
        package var layout: String
        package var areas: [Area]
        package var warnings: [Warning]
        package var needsConfirmation: Bool
        package var target: Target?

        package var measureCount: Int { areas.reduce(0) { $0 + $1.measures.count } }
    }

    /// The form checked against the database, and the text read.
    package struct Check: Sendable {
        package var input: Input
        package var errors: FieldErrors
        package var document: MemorandumDocument?
        package var script: Script
        package var destination: AgreementImporter.Destination
        package var preview: Preview?
    }

    /// The mechanisms `o` belongs to, to choose from.
    package static func choices(for o: Officer, on db: Database) async throws -> [Choice] {
        try await Mechanism.query(on: db).sort(\.$createdAt).sort(\.$slug).all()
            .filter { o.belongs(to: $0.id!) }
            .map { Choice(slug: $0.slug, name: $0.name, script: $0.script) }
    }

    /// Reads the text and checks every field; reports all mistakes at once. The preview is made
    /// whenever the text can be read, even when other fields are wrong.
    package static func check(_ input: Input, for o: Officer, converter: ScriptConverter, on db: Database) async throws -> Check {
        var errors = FieldErrors()
        var input = input
        input.text = input.text.replacingOccurrences(of: "\u{0}", with: "")
        let text = input.text

        var document: MemorandumDocument?
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("text", AgreementsText.pasteTheTextOrChoose)
        } else if text.count > maxCharacters {
            errors.add("text", AgreementsText.theTextIsTooLong(max: "\(maxCharacters)"))
        } else {
            do {
                document = try MemorandumParser.parse(text)
            } catch let failure as MemorandumParseError {
                errors.add("text", AgreementsText.theTextCouldNotBeRead(line: "\(failure.line)", message: failure.message))
            }
        }
        let script = document.map { d in converter.storedScript(of: d.title + d.measures.map(\.text).joined()) } ?? .traditional

        // Where it goes: one of the officer's mechanisms, or a new one.
        var destination = AgreementImporter.Destination()
        var existing: Mechanism?
        let mechanism = input.mechanism.trimmingCharacters(in: .whitespaces)
        if mechanism == newMechanism {
            let name = input.mechanismName.trimmingCharacters(in: .whitespacesAndNewlines)
            let slug = input.mechanismSlug.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.count > 100 {
                errors.add("mechanismName", AgreementsText.giveTheMechanismName)
            } else if try await Mechanism.query(on: db).filter(\.$name == name).first() != nil {
                errors.add("mechanismName", AgreementsText.aMechanismOfThisName)
            }
            if !Slug.isValid(slug) {
                errors.add("mechanismSlug", AgreementsText.theAddressMayHoldOnly)
            } else if try await Mechanism.query(on: db).filter(\.$slug == slug).first() != nil {
                errors.add("mechanismSlug", AgreementsText.thisAddressIsTaken)
            }
            destination.mechanismName = name
            destination.mechanismSlug = slug
        } else if mechanism.count <= 64, let found = try await Mechanism.query(on: db).filter(\.$slug == mechanism).first(),
                  o.belongs(to: try found.requireID()) {
            existing = found
            destination.mechanismSlug = found.slug
        } else {
            errors.add("mechanism", AgreementsText.chooseOneOfYourMechanisms)
        }

        // The meeting: its number (from the heading when left empty), date and place.
        let numberText = input.meetingNumber.trimmingCharacters(in: .whitespaces)
        if numberText.isEmpty {
            if let number = document?.meetingNumber {
                destination.meetingNumber = number
                input.meetingNumber = String(number)
            } else if document != nil {
                errors.add("meetingNumber", AgreementsText.giveTheMeetingNumber)
            }
        } else if let number = Int(numberText), (1...999).contains(number) {
            destination.meetingNumber = number
        } else {
            errors.add("meetingNumber", AgreementsText.giveTheMeetingNumber)
        }
        let heldOn = input.heldOn.trimmingCharacters(in: .whitespaces)
        if !heldOn.isEmpty {
            if CalendarDays.date(heldOn) == nil {
                errors.add("heldOn", AgreementsText.giveTheDateAs)
            } else {
                destination.meetingHeldOn = heldOn
            }
        }
        let place = input.place.trimmingCharacters(in: .whitespacesAndNewlines)
        if place.count > 100 {
            errors.add("place", AgreementsText.thePlaceIsTooLong)
        } else if !place.isEmpty {
            destination.meetingPlace = place
        }
        if let kind = AgreementKind(rawValue: input.kind) {
            destination.kind = kind
        } else {
            errors.add("kind", AgreementsText.chooseTheKindOfDocument)
        }

        var preview: Preview?
        if let document {
            preview = try await makePreview(document, script: script, mechanism: existing, on: db)
        }
        return Check(input: input, errors: errors, document: document, script: script, destination: destination, preview: preview)
    }

    /// Stores the checked text as `o` and returns the document's slug. Refused, nothing stored,
    /// when a field is wrong or the warnings needing confirmation were not confirmed.
    package static func store(_ check: Check, by o: Officer, on db: Database) async throws -> String {
        guard mayImport(o) else { throw AppError.forbidden }
        var errors = check.errors
        if let document = check.document, document.needsConfirmation, !check.input.confirmed {
            errors.add("confirmWarnings", AgreementsText.tickTheBoxToConfirm)
        }
        try errors.throwIfAny()
        guard let document = check.document, let mechanismSlug = check.destination.mechanismSlug else { throw AppError.invalid(errors) }
        let sourceName = check.input.sourceName.isEmpty ? nil : check.input.sourceName
        let destination = check.destination
        let script = check.script
        let text = check.input.text
        let isNew = destination.mechanismName != nil
        return try await db.writing { db in
            _ = try await AgreementImporter.store(document, sourceText: text, sourceName: sourceName, script: script,
                                                  into: destination, actor: o.label, on: db)
            guard let mechanism = try await Mechanism.query(on: db).filter(\.$slug == mechanismSlug).first() else {
                throw AppError.conflict(AgreementsText.theMechanismChangedWhileYou)
            }
            let mechanismID = try mechanism.requireID()
            // The officer who creates a mechanism belongs to it, with their unit.
            if isNew, let unitID = o.unitID,
               try await UnitMechanism.query(on: db).filter(\.$unit.$id == unitID).filter(\.$mechanismID == mechanismID).count() == 0 {
                try await UnitMechanism(unitID: unitID, mechanismID: mechanismID).create(on: db)
                try await Audit.record("mechanism.join", Mechanism.schema, mechanismID, by: o, after: o.unitName, measureID: nil, on: db)
            }
            guard let agreement = try await Agreement.query(on: db).filter(\.$mechanism.$id == mechanismID)
                .filter(\.$title == document.title).first()
            else { throw AppError.conflict(AgreementsText.theMechanismChangedWhileYou) }
            return agreement.slug
        }
    }

    /// The preview of `d`, and what storing it would do to the documents of `mechanism`.
    static func makePreview(_ d: MemorandumDocument, script: Script, mechanism: Mechanism?, on db: Database) async throws -> Preview {
        var target: Preview.Target? = .newDocument
        if let mechanism, let stored = try await Agreement.query(on: db).filter(\.$mechanism.$id == mechanism.requireID())
            .filter(\.$title == d.title).first() {
            let revisions = try await AgreementRevision.query(on: db).filter(\.$agreement.$id == stored.requireID())
                .sort(\.$number, .descending).all()
            if let same = revisions.first(where: { $0.contentHash == d.contentHash }) {
                target = .unchanged(slug: stored.slug, revision: same.number)
            } else if let latest = revisions.first, let previous = try? MemorandumParser.parse(latest.sourceText) {
                target = .revision(slug: stored.slug, revision: stored.revision, diff: diff(from: previous, to: d))
            } else {
                target = nil
            }
        }
        return Preview(
            script: script.languageTag, title: d.title, documentKind: d.documentKind, meeting: d.meeting, meetingNumber: d.meetingNumber,
            signedOn: d.signedOn, parties: d.parties.map(\.name), layout: d.layout.rawValue,
            areas: d.areas.map { area in
                Preview.Area(number: area.number, title: area.title, line: area.line, introduction: area.introduction,
                             measures: area.measures.map { m in
                                 Preview.Measure(number: m.number, label: m.label == String(m.item) ? nil : m.label, group: m.group,
                                                 text: m.text, line: m.line, leads: m.leadUnits, supports: m.supportingUnits)
                             })
            },
            warnings: d.warnings.map {
                Preview.Warning(line: $0.line, message: $0.message, needsConfirmation: $0.needsConfirmation, code: $0.code, values: $0.values)
            },
            needsConfirmation: d.needsConfirmation, target: target
        )
    }

    /// The measure-by-measure difference, each change with its text before and after.
    static func diff(from old: MemorandumDocument, to new: MemorandumDocument) -> Preview.Diff {
        let d = MemorandumDiff(from: old, to: new)
        let before = Dictionary(old.measures.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.measures.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        return Preview.Diff(
            frontMatterChanged: d.frontMatterChanged,
            retitled: d.retitled.map { Preview.Change(number: String($0.area), before: $0.before, after: $0.after) },
            added: d.added.map { Preview.Change(number: $0, before: nil, after: after[$0]) },
            removed: d.removed.map { Preview.Change(number: $0, before: before[$0], after: nil) },
            reworded: d.reworded.map { Preview.Change(number: $0.number, before: $0.before, after: $0.after) }
        )
    }

    /// A file name fit to keep beside the text: its last part, without control characters, at most 200 characters.
    package static func sourceName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return String(String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }).prefix(200))
    }
}
