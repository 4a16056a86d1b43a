/// The units a measure names in the parenthesis that closes it:
/// 「（省商務廳牽頭）」, 「（市發展改革委、香港貿發局負責）」, 「（市商務委牽頭，市財政局配合）」,
/// 「（牽頭單位：…；配合單位：…）」, in either script (character by character), either width of
/// brackets and colons. Only the closing parenthesis counts: one inside the text names a place or
/// an example (「中國（廣東）自由貿易試驗區」). The measure's text is never changed.
enum LeadUnits {
    struct Reading: Equatable {
        var lead: [String] = []
        var supporting: [String] = []
        /// What the parser could not settle, for a warning that needs confirmation.
        var doubts: [Doubt] = []
    }

    /// A doubt about a measure's units: the warning's code, its values and the English after
    /// 「measure 2.3 」.
    struct Doubt: Equatable {
        var code: ParseWarning.Code
        var values: [String: String]
        var message: String

        func log(measure: String, line: Int, in log: inout WarningLog) {
            log.confirm(line, code, values.merging(["measure": measure]) { $1 }, "measure \(measure) \(message)")
        }
    }

    private static let leadLabels = ["牽頭單位", "責任單位", "負責單位", "主責單位", "牽頭部門", "責任部門", "主辦單位"]
        .map(ScriptFold.fold)
    private static let supportLabels = ["配合單位", "協同單位", "參與單位", "協辦單位", "配合部門", "支持單位"]
        .map(ScriptFold.fold)
    /// Longest first, so 「按職責分工負責」 is taken whole.
    private static let leadSuffixes = ["按職責分工負責", "按職責負責", "分別牽頭", "共同牽頭", "牽頭負責", "分別負責", "共同負責", "牽頭", "負責", "主責"]
        .map(ScriptFold.fold)
    private static let supportSuffixes = ["共同配合", "配合", "參與", "協助", "協同", "協辦"]
        .map(ScriptFold.fold)
    /// A parenthesis that opens with these gives an example, an abbreviation or a reference.
    private static let notUnitsOpenings = ["如", "例如", "包括", "含", "即", "簡稱", "以下簡稱", "下稱", "詳見", "見", "參見"]
        .map(ScriptFold.fold)
    /// Words that end the names of government bodies and organisations.
    private static let unitWords = ["委", "局", "辦", "署", "部", "廳", "會", "院", "處", "關", "所", "館", "社", "中心", "集團", "公司", "政府", "大學", "銀行", "機構", "單位", "部門"]
        .map(ScriptFold.fold)

    static func read(_ text: String) -> Reading {
        guard let (inner, outerIsEmpty) = closingParenthesis(Array(text.unicodeScalars)), !outerIsEmpty else { return Reading() }
        if let labelled = readLabelled(inner) { return labelled }
        if let suffixed = readSuffixed(inner) { return suffixed }
        if mayNameUnits(inner) {
            return Reading(doubts: [
                Doubt(code: .unitsNotNamed, values: ["parenthesis": TextShape.string(inner)], message: "ends with 「（\(TextShape.string(inner))）」, which may name its units but says neither 牽頭, 負責 nor 單位; not read as units"),
            ])
        }
        return Reading()
    }

    /// The inside of the parenthesis that ends `s` (a full stop after it allowed), and whether
    /// nothing stands before it.
    static func closingParenthesis(_ s: [Unicode.Scalar]) -> ([Unicode.Scalar], Bool)? {
        var t = s.trimmingSpaces()
        if let last = t.last, "。．.；;".unicodeScalars.contains(last) { t = Array(t.dropLast()).trimmingSpaces() }
        guard let last = t.last, last == "）" || last == ")" else { return nil }
        var depth = 0
        var index = t.count - 1
        while index >= 0 {
            let c = t[index]
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" {
                depth -= 1
                if depth == 0 { break }
            }
            index -= 1
        }
        guard index >= 0 else { return nil }
        let inner = Array(t[(index + 1)..<(t.count - 1)]).trimmingSpaces()
        guard !inner.isEmpty else { return nil }
        return (inner, t[..<index].allSatisfy(TextShape.isSpace))
    }

    /// 「牽頭單位：市商務委；配合單位：市財政局、香港貿發局」.
    private static func readLabelled(_ inner: [Unicode.Scalar]) -> Reading? {
        var found: [(start: Int, contentStart: Int, lead: Bool)] = []
        var i = 0
        while i < inner.count {
            var matched = false
            for (labels, lead) in [(leadLabels, true), (supportLabels, false)] {
                for label in labels where ScriptFold.matches(inner, at: i, label) {
                    var j = i + label.count
                    while j < inner.count, TextShape.isSpace(inner[j]) { j += 1 }
                    if j < inner.count, inner[j] == "：" || inner[j] == ":" {
                        found.append((i, j + 1, lead))
                        i = j + 1
                        matched = true
                        break
                    }
                }
                if matched { break }
            }
            if !matched { i += 1 }
        }
        guard !found.isEmpty else { return nil }
        var reading = Reading()
        let before = Array(inner[..<found[0].start]).filter { !"；;，,".unicodeScalars.contains($0) }.trimmingSpaces()
        if !before.isEmpty {
            let label = TextShape.string(Array(inner[found[0].start..<found[0].contentStart]))
            reading.doubts.append(Doubt(
                code: .unitsTextBeforeLabel, values: ["text": TextShape.string(before), "label": label],
                message: "「\(TextShape.string(before))」 before 「\(label)」 names no role; not read as a unit"
            ))
        }
        for (n, label) in found.enumerated() {
            let end = n + 1 < found.count ? found[n + 1].start : inner.count
            let names = units(Array(inner[label.contentStart..<end]))
            if label.lead { reading.lead += names } else { reading.supporting += names }
        }
        return reading
    }

    /// 「市商務委牽頭，市財政局、市稅務局配合」: clauses that end with a role.
    private static func readSuffixed(_ inner: [Unicode.Scalar]) -> Reading? {
        let clauses = split(inner, at: "，,；;")
        var reading = Reading()
        var unroled: [[Unicode.Scalar]] = []
        var anyRole = false
        for clause in clauses {
            if let suffix = leadSuffixes.first(where: { ScriptFold.hasSuffix(clause, $0) }) {
                reading.lead += units(Array(clause.dropLast(suffix.count)))
                anyRole = true
            } else if let suffix = supportSuffixes.first(where: { ScriptFold.hasSuffix(clause, $0) }) {
                reading.supporting += units(Array(clause.dropLast(suffix.count)))
                anyRole = true
            } else {
                unroled.append(clause)
            }
        }
        guard anyRole, !reading.lead.isEmpty || !reading.supporting.isEmpty else { return nil }
        // 「（重點企業參與）」 says who takes part, not which units support: without a lead, the
        // names must read as bodies.
        if reading.lead.isEmpty, !reading.supporting.allSatisfy(looksLikeUnit) { return nil }
        for clause in unroled {
            reading.doubts.append(Doubt(
                code: .unitsClauseWithoutRole, values: ["clause": TextShape.string(clause), "parenthesis": TextShape.string(inner)],
                message: "「\(TextShape.string(clause))」 in 「（\(TextShape.string(inner))）」 names no role; not read as a unit"
            ))
        }
        return reading
    }

    /// A parenthesis without a role word that still reads like a list of bodies.
    private static func mayNameUnits(_ inner: [Unicode.Scalar]) -> Bool {
        if notUnitsOpenings.contains(where: { ScriptFold.hasPrefix(inner, $0) }) { return false }
        if inner.count > 60 || inner.contains(where: { digitValue($0) != nil || "。“”\"《".unicodeScalars.contains($0) }) {
            return false
        }
        return split(inner, at: "、，,；;/").allSatisfy { looksLikeUnit(TextShape.string($0)) }
    }

    private static func looksLikeUnit(_ name: String) -> Bool {
        let s = Array(name.unicodeScalars)
        return unitWords.contains { ScriptFold.hasSuffix(s, $0) }
    }

    private static func split(_ s: [Unicode.Scalar], at separators: String) -> [[Unicode.Scalar]] {
        let set = Set(separators.unicodeScalars)
        return s.split { set.contains($0) }.map { Array($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// 「由市商務委、香港貿發局」 → [市商務委, 香港貿發局]: names as written, trimmed.
    private static func units(_ s: [Unicode.Scalar]) -> [String] {
        split(s, at: "、，,；;/").map { name in
            var name = name
            if name.first == "由", name.count > 1 { name = Array(name.dropFirst()).trimmingSpaces() }
            return TextShape.string(name)
        }
    }
}
