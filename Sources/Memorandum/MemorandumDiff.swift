/// What changed between two revisions of an agreement, measure by measure.
public struct MemorandumDiff: Equatable, Sendable, Codable {
    public struct Reworded: Equatable, Sendable, Codable {
        public var number: String
        public var before: String
        public var after: String
    }
    public struct Retitled: Equatable, Sendable, Codable {
        public var area: Int
        public var before: String
        public var after: String
    }

    /// Measure numbers (`"4.4"`) present only in the newer revision.
    public var added: [String]
    /// Measure numbers present only in the older revision.
    public var removed: [String]
    /// Measures whose text changed.
    public var reworded: [Reworded]
    /// Areas whose title changed.
    public var retitled: [Retitled]
    /// Whether the heading, preamble, parties or dates changed.
    public var frontMatterChanged: Bool

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && reworded.isEmpty && retitled.isEmpty && !frontMatterChanged
    }

    public init(from old: MemorandumDocument, to new: MemorandumDocument) {
        let before = Dictionary(old.measures.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.measures.map { ($0.number, $0.text) }, uniquingKeysWith: { a, _ in a })
        added = new.measures.map(\.number).filter { before[$0] == nil }
        removed = old.measures.map(\.number).filter { after[$0] == nil }
        reworded = new.measures.compactMap { m in
            guard let was = before[m.number], was != m.text else { return nil }
            return Reworded(number: m.number, before: was, after: m.text)
        }
        let oldTitles = Dictionary(old.areas.map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
        retitled = new.areas.compactMap { area in
            guard let was = oldTitles[area.number], was != area.title else { return nil }
            return Retitled(area: area.number, before: was, after: area.title)
        }
        frontMatterChanged = old.title != new.title || old.preamble != new.preamble
            || old.parties != new.parties || old.signedOn != new.signedOn || old.annexTitle != new.annexTitle
    }

    /// One line per change, for the command line.
    public var lines: [String] {
        var out: [String] = []
        if frontMatterChanged { out.append("~ heading, preamble or signatures changed") }
        out += retitled.map { "~ area \($0.area): 「\($0.before)」 → 「\($0.after)」" }
        out += added.map { "+ measure \($0)" }
        out += removed.map { "- measure \($0)" }
        out += reworded.map { "~ measure \($0.number) reworded" }
        return out
    }
}
