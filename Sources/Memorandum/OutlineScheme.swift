/// The numbering of a layout's three levels — area, group, item — and how messages name them.
///
/// - numbered: 「一、」 areas and 「1.」 items; no groups (a 「（一）」 is an unknown heading).
/// - threeLevel: 「一、」 areas, 「（一）」 groups (a group without items is itself a measure),
///   「1.」 items.
/// - legal: 「第一章」 chapters as areas, 「第一條」 articles as groups (an article without items
///   is itself a measure), 「一、」 or 「（一）」 items.
struct OutlineScheme {
    var layout: MemorandumDocument.Layout
    /// 「area」 or 「chapter」, and how a number of that level is printed in messages.
    var areaNoun: String
    var areaName: (Int) -> String
    var area: ([Unicode.Scalar]) -> Mark?
    var groupNoun: String
    var groupName: (Int) -> String
    var group: (([Unicode.Scalar]) -> Mark?)?
    var itemName: (Int) -> String
    var item: ([Unicode.Scalar]) -> Mark?
    /// Articles print a short title on their own line (「第五條 合作機制」); groups do not.
    var groupTitledOnLine: Bool

    static var numbered: OutlineScheme { OutlineScheme(
        layout: .numbered,
        areaNoun: "area", areaName: { "\(ChineseNumeral.format($0))、" }, area: LineShape.chineseNumbered,
        groupNoun: "group", groupName: { "（\(ChineseNumeral.format($0))）" }, group: nil,
        itemName: { String($0) }, item: LineShape.arabicNumbered,
        groupTitledOnLine: false
    ) }

    /// The numbered layout with 「（一）」 groups between areas and items.
    static var threeLevel: OutlineScheme {
        var scheme = numbered
        scheme.layout = .threeLevel
        scheme.group = LineShape.parenthesised
        return scheme
    }

    static var legal: OutlineScheme { OutlineScheme(
        layout: .legal,
        areaNoun: "chapter", areaName: { "第\(ChineseNumeral.format($0))章" }, area: LineShape.chapter,
        groupNoun: "article", groupName: { "第\(ChineseNumeral.format($0))條" }, group: LineShape.article,
        itemName: { "\(ChineseNumeral.format($0))、" },
        item: { LineShape.chineseNumbered($0) ?? LineShape.parenthesised($0) },
        groupTitledOnLine: true
    ) }

    /// Whether a line opens any level of this layout.
    func isStructure(_ s: [Unicode.Scalar]) -> Bool {
        area(s) != nil || group?(s) != nil || item(s) != nil
    }
}
