import Foundation
import Platform
import Tracker

/// The lineage form's fields: for each previous measure `outcome-<id>` (a `LinkOutcome`) and
/// `successors-<id>` (measure numbers of the new document, separated by spaces or commas).
package enum LineageForm {
    package static func outcomeField(_ id: UUID) -> String { "outcome-" + id.uuidString }
    package static func successorsField(_ id: UUID) -> String { "successors-" + id.uuidString }

    /// `3.1, 3.2`, `3.1 3.2`, `3.1、3.2` → ["3.1", "3.2"]; each number once.
    package static func numbers(_ text: String) -> [String] {
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",，、;；"))
        var seen: [String] = []
        for part in text.components(separatedBy: separators) {
            let number = String(part.unicodeScalars.map { s in
                // Full-width digits and stops, as an input method may type them.
                if (0xFF10...0xFF19).contains(s.value) { return Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!) }
                if s == "．" || s == "。" { return "." }
                return Character(s)
            })
            if !number.isEmpty, !seen.contains(number) { seen.append(number) }
        }
        return seen
    }

    /// The decisions the form holds, one per previous measure it names; an unknown outcome is a
    /// field error.
    package static func decisions(_ fields: [String: String]) -> ([Lineage.Decision], FieldErrors) {
        var errors = FieldErrors()
        var decisions: [Lineage.Decision] = []
        for key in fields.keys.sorted() where key.hasPrefix("outcome-") {
            guard let id = UUID(uuidString: String(key.dropFirst("outcome-".count))) else { continue }
            guard let outcome = LinkOutcome(rawValue: fields[key] ?? "") else {
                errors.add(key, AgreementsText.chooseWhatBecameOfThe)
                continue
            }
            decisions.append(Lineage.Decision(predecessorID: id, outcome: outcome, successors: numbers(fields[successorsField(id)] ?? "")))
        }
        return (decisions, errors)
    }
}
