import ChineseScript
import Foundation
import Platform

/// Finds the known unit a measure's text names (「市商務委」 in 「（市商務委牽頭）」): by its name
/// or one of its aliases, in either script, spaces and punctuation aside; failing that, the one
/// unit whose name contains the named text (or is contained in it). Nil when none or several fit:
/// an officer chooses then.
package struct UnitMatcher {
    private let units: [(unit: Unit, names: [String])]
    private let converter: ScriptConverter

    package init(units: [Unit], converter: ScriptConverter) {
        self.converter = converter
        self.units = units.map { unit in (unit, ([unit.name] + (unit.aliases ?? [])).map { ComparableText.fold($0, converter) }) }
    }

    package func match(_ named: String) -> Unit? {
        let wanted = ComparableText.fold(named, converter)
        guard !wanted.isEmpty else { return nil }
        let exact = units.filter { $0.names.contains(wanted) }
        if exact.count == 1 { return exact[0].unit }
        guard exact.isEmpty, wanted.count >= 3 else { return nil }
        let partial = units.filter { u in u.names.contains { $0.contains(wanted) || (wanted.contains($0) && $0.count >= 3) } }
        return partial.count == 1 ? partial[0].unit : nil
    }
}

/// One form for comparing texts whatever their script: Simplified, letters and digits only
/// (spaces and punctuation left out). Matching units and proposing a measure's successor use it.
enum ComparableText {
    /// `script`: the text's, when known (a Simplified text needs no conversion).
    static func fold(_ text: String, writtenIn script: String? = nil, _ converter: ScriptConverter) -> String {
        let simplified = script == Script.simplified.languageTag ? text : (try? converter.toSimplified(text)) ?? text
        return String(String.UnicodeScalarView(simplified.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
