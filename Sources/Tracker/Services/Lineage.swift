import ChineseScript
import Fluent
import Foundation
import Platform

/// What became of the previous meeting's measures in a new document: the import proposes a
/// mapping by text similarity in both scripts, officers correct and confirm it (`confirm`).
///
/// A measure is in force until a confirmed link says what became of it. When one continues as
/// a measure of the new document, its progress goes with it: the successor starts from the
/// predecessor's status and percent on each side and its units, and the measure pages show the
/// line of predecessors with their reported progress.
package enum Lineage {
    package struct Measured: Sendable, Equatable {
        package var id: UUID
        package var key: String
        package var number: String
        package var text: String
        package var script: String
        package var agreementTitle: String
        package var meetingTitle: String?
    }

    package struct Row: Sendable {
        package var predecessor: Measured
        package var outcome: LinkOutcome
        /// Numbers (`3.1`) of the new document's measures it became.
        package var successors: [String]
        /// Best similarity with a successor, 0…1, when proposed.
        package var similarity: Double?
        /// Whether officers confirmed this row (otherwise it is the import's proposal).
        package var confirmed: Bool
    }

    package struct Proposal: Sendable {
        package var agreementID: UUID
        /// Changes when anyone confirms a mapping for the document: a form shown before is stale.
        package var stamp: String
        package var rows: [Row]
        /// The new document's measures, in order, for choosing successors.
        package var measures: [Measured]
    }

    package struct Decision: Sendable, Equatable {
        package var predecessorID: UUID
        package var outcome: LinkOutcome
        package var successors: [String]

        package init(predecessorID: UUID, outcome: LinkOutcome, successors: [String]) {
            self.predecessorID = predecessorID
            self.outcome = outcome
            self.successors = successors
        }
    }

    /// Two measures this similar (Dice coefficient of character bigrams of their Simplified
    /// form, punctuation and spaces left out) are proposed as the same measure carried on.
    package static let threshold = 0.45

    // MARK: Proposal

    package static func proposal(for agreementID: UUID, converter: ScriptConverter, on db: Database) async throws -> Proposal {
        guard let agreement = try await Agreement.query(on: db).filter(\.$id == agreementID).with(\.$signedAt).first() else {
            throw AppError.notFound
        }
        let current = try await Measure.query(on: db).filter(\.$agreement.$id == agreementID).filter(\.$removedInRevision == nil)
            .sort(\.$areaNumber).sort(\.$itemNumber).all()
        let previous = try await inForce(before: agreement, on: db)
        let links = try await MeasureLink.query(on: db).filter(\.$agreement.$id == agreementID).with(\.$successor).all()
        let titles = try await documentTitles(on: db)

        func grams(_ m: Measure, script: String) -> Set<String> {
            bigrams(ComparableText.fold(m.text, writtenIn: script, converter))
        }
        let currentGrams = current.map { grams($0, script: agreement.script) }
        var similarity: [[Double]] = []
        for p in previous {
            let g = grams(p, script: titles[p.$agreement.id]?.script ?? agreement.script)
            similarity.append(currentGrams.map { dice(g, $0) })
        }
        // Which predecessors each new measure resembles: several make a merge.
        var resembling: [Int: Int] = [:]
        for row in similarity { for (j, s) in row.enumerated() where s >= threshold { resembling[j, default: 0] += 1 } }

        var rows: [Row] = []
        for (i, p) in previous.enumerated() {
            let measured = describe(p, titles)
            let confirmed = links.filter { $0.$predecessor.id == p.id }
            if let first = confirmed.first {
                rows.append(Row(predecessor: measured, outcome: first.outcome, successors: confirmed.compactMap { $0.successor?.number },
                                similarity: first.similarity, confirmed: true))
                continue
            }
            let matches = similarity[i].enumerated().filter { $0.element >= threshold }.sorted { $0.element > $1.element }
            let best = matches.first?.element
            let outcome: LinkOutcome
            if matches.count > 1 {
                outcome = .split
            } else if let only = matches.first {
                outcome = (resembling[only.offset] ?? 0) > 1 ? .merged : .continued
            } else {
                outcome = try await isCompleted(p, on: db) ? .completed : .dropped
            }
            rows.append(Row(predecessor: measured, outcome: outcome, successors: matches.map { current[$0.offset].number },
                            similarity: best, confirmed: false))
        }
        return Proposal(agreementID: agreementID, stamp: stamp(links), rows: rows, measures: current.map { describe($0, titles) })
    }

    /// Measures of the mechanism's earlier documents (an earlier meeting, or stored before when
    /// the documents name no meeting) of which no other document's mapping says what became.
    package static func inForce(before agreement: Agreement, on db: Database) async throws -> [Measure] {
        let agreementID = try agreement.requireID()
        let documents = try await Agreement.query(on: db).filter(\.$mechanism.$id == agreement.$mechanism.id)
            .filter(\.$id != agreementID).with(\.$signedAt).all()
        let meetingNumber = agreement.signedAt?.number
        let earlier = documents.filter { d in
            if let mine = meetingNumber, let theirs = d.signedAt?.number { return theirs < mine }
            return (d.createdAt ?? .distantPast) < (agreement.createdAt ?? .distantFuture)
        }.compactMap(\.id)
        guard !earlier.isEmpty else { return [] }
        let measures = try await Measure.query(on: db).filter(\.$agreement.$id ~~ earlier).filter(\.$removedInRevision == nil)
            .sort(\.$areaNumber).sort(\.$itemNumber).all()
        let decidedElsewhere = Set(try await MeasureLink.query(on: db).filter(\.$agreement.$id != agreementID)
            .filter(\.$predecessor.$id ~~ measures.compactMap(\.id)).all().map(\.$predecessor.id))
        let order = Dictionary(uniqueKeysWithValues: earlier.enumerated().map { ($1, $0) })
        return measures.filter { !decidedElsewhere.contains($0.id!) }
            .sorted { (order[$0.$agreement.id] ?? 0, $0.areaNumber, $0.itemNumber) < (order[$1.$agreement.id] ?? 0, $1.areaNumber, $1.itemNumber) }
    }

    // MARK: Confirmation

    /// Stores the officers' mapping for the document in one transaction, replacing what was
    /// confirmed before. Every row is checked first; a stale `stamp` is a conflict.
    package static func confirm(_ decisions: [Decision], agreementID: UUID, stamp expected: String, by o: Officer,
                                on database: Database) async throws {
        guard let agreement = try await Agreement.find(agreementID, on: database), o.belongs(to: agreement.$mechanism.id) else {
            throw AppError.notFound
        }
        guard o.role == .liaison || o.role == .admin else { throw AppError.forbidden }
        try await database.locking(Agreement.schema, id: agreementID) { db in
            let existing = try await MeasureLink.query(on: db).filter(\.$agreement.$id == agreementID).all()
            guard stamp(existing) == expected else { throw AppError.conflict(TrackerText.mappingChangedWhileOpen) }
            let previous = Dictionary(uniqueKeysWithValues: try await inForce(before: agreement, on: db).map { ($0.id!, $0) })
            let current = Dictionary(uniqueKeysWithValues: try await Measure.query(on: db).filter(\.$agreement.$id == agreementID)
                .filter(\.$removedInRevision == nil).all().map { ($0.number, $0) })
            var errors = FieldErrors()
            var resolved: [(Decision, [Measure])] = []
            for d in decisions {
                guard previous[d.predecessorID] != nil else { throw AppError.notFound }
                let field = "successors-\(d.predecessorID.uuidString)"
                let successors = d.successors.compactMap { current[$0] }
                if successors.count != d.successors.count {
                    errors.add(field, TrackerText.noSuchMeasureInDocument)
                } else if d.outcome.hasSuccessor, successors.isEmpty {
                    errors.add(field, TrackerText.nameTheMeasureItBecame)
                } else if !d.outcome.hasSuccessor, !successors.isEmpty {
                    errors.add(field, TrackerText.completedOrDroppedHasNoSuccessor)
                } else if d.outcome == .split, successors.count < 2 {
                    errors.add(field, TrackerText.splitNeedsTwoMeasures)
                } else if d.outcome != .split, successors.count > 1 {
                    errors.add(field, TrackerText.onlySplitHasSeveral)
                }
                resolved.append((d, successors))
            }
            try errors.throwIfAny()
            for link in existing { try await link.delete(on: db) }
            for (d, successors) in resolved {
                for successor in successors.isEmpty ? [nil] : successors.map(Optional.some) {
                    let link = MeasureLink(agreementID: agreementID, predecessorID: d.predecessorID, successorID: successor?.id,
                                           outcome: d.outcome, similarity: nil, decidedBy: o.label)
                    try await link.create(on: db)
                    if d.outcome == .continued, let successor, let predecessor = previous[d.predecessorID] {
                        try await carryOver(from: predecessor, to: successor, by: o, on: db)
                    }
                }
            }
            let summary = resolved.map { d, s in "\(previous[d.predecessorID]!.key) \(d.outcome.rawValue)" + (s.isEmpty ? "" : " → " + s.map(\.number).joined(separator: ", ")) }
            try await Audit.record("agreement.lineage", Agreement.schema, agreementID, by: o, after: summary.joined(separator: "\n"),
                                   measureID: nil, on: db)
        }
    }

    /// The successor starts where its predecessor stood: each side's status and percent (when
    /// the successor has none of its own yet) and its units.
    static func carryOver(from predecessor: Measure, to successor: Measure, by o: Officer, on db: Database) async throws {
        let before = try await MeasureSide.query(on: db).filter(\.$measure.$id == predecessor.requireID()).all()
        for side in try await MeasureSide.query(on: db).filter(\.$measure.$id == successor.requireID()).all()
        where side.status == .notStarted && side.percent == 0 {
            guard let was = before.first(where: { $0.side == side.side }), was.status != .notStarted || was.percent > 0 else { continue }
            let before = Audit.json(["status": side.status.rawValue, "percent": String(side.percent), "signedOff": "false"])
            side.status = was.status == .completed ? .inProgress : was.status
            side.percent = min(was.percent, 99)
            side.version += 1
            try await side.update(on: db)
            // As any change of a side's status: reports read the sides' history from the audit trail.
            try await Audit.record("side.status", MeasureSide.schema, side.id, by: o, before: before,
                                   after: Audit.json(["status": side.status.rawValue, "percent": String(side.percent), "signedOff": "false"]),
                                   measureID: successor.id, on: db)
        }
        let units = Set(try await Assignment.query(on: db).filter(\.$measure.$id == successor.requireID()).all().map(\.$unit.id))
        for a in try await Assignment.query(on: db).filter(\.$measure.$id == predecessor.requireID()).all() where !units.contains(a.$unit.id) {
            try await Assignment(measureID: successor.requireID(), unitID: a.$unit.id, role: a.role).create(on: db)
        }
    }

    // MARK: A measure's line

    package struct Step: Sendable {
        package var measure: Measured
        package var outcome: LinkOutcome
    }

    /// What became of a measure: the outcome, and the measure it became (nil when completed or dropped).
    package struct Onward: Sendable {
        package var outcome: LinkOutcome
        package var measure: Measured?
    }

    /// The measures `measureID` came from, nearest first, each with how it was carried on, and
    /// what became of it (when a later document's mapping says). A measure without links (most)
    /// costs two queries.
    package static func line(of measureID: UUID, on db: Database) async throws -> (predecessors: [Step], successors: [Onward]) {
        var earlier: [MeasureLink] = []
        var frontier: Set<UUID> = [measureID]
        var seen = frontier
        while !frontier.isEmpty, earlier.count < 50 {
            let links = try await MeasureLink.query(on: db).filter(\.$successor.$id ~~ frontier).with(\.$predecessor).all()
            frontier = []
            for link in links where !seen.contains(link.$predecessor.id) {
                seen.insert(link.$predecessor.id)
                frontier.insert(link.$predecessor.id)
                earlier.append(link)
            }
        }
        let onward = try await MeasureLink.query(on: db).filter(\.$predecessor.$id == measureID).with(\.$successor).all()
        guard !earlier.isEmpty || !onward.isEmpty else { return ([], []) }
        let titles = try await documentTitles(on: db)
        return (earlier.map { Step(measure: describe($0.predecessor, titles), outcome: $0.outcome) },
                onward.map { Onward(outcome: $0.outcome, measure: $0.successor.map { describe($0, titles) }) })
    }

    // MARK: Helpers

    struct DocumentTitle { let title: String; let meeting: String?; let script: String }

    static func documentTitles(on db: Database) async throws -> [UUID: DocumentTitle] {
        Dictionary(uniqueKeysWithValues: try await Agreement.query(on: db).with(\.$signedAt).all().map {
            ($0.id!, DocumentTitle(title: $0.title, meeting: $0.signedAt?.title, script: $0.script))
        })
    }

    static func describe(_ m: Measure, _ titles: [UUID: DocumentTitle]) -> Measured {
        let t = titles[m.$agreement.id]
        return Measured(id: m.id!, key: m.key, number: m.number, text: m.text, script: t?.script ?? "zh-Hant",
                        agreementTitle: t?.title ?? "", meetingTitle: t?.meeting)
    }

    static func isCompleted(_ m: Measure, on db: Database) async throws -> Bool {
        let sides = try await MeasureSide.query(on: db).filter(\.$measure.$id == m.requireID()).all()
        return !sides.isEmpty && sides.allSatisfy { $0.status == .completed }
    }

    static func stamp(_ links: [MeasureLink]) -> String {
        links.isEmpty ? "none" : String(Hex.sha256(links.compactMap(\.id).map(\.uuidString).sorted().joined()).prefix(16))
    }

    /// Character bigrams of a folded text (`ComparableText`); its single character for a one-character text.
    static func bigrams(_ text: String) -> Set<String> {
        let chars = text.unicodeScalars.map(Character.init)
        guard chars.count > 1 else { return Set(chars.map(String.init)) }
        return Set((0..<(chars.count - 1)).map { String(chars[$0]) + String(chars[$0 + 1]) })
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
