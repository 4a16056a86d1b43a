/// Tells the layout of a text from its lines, before any of it is read.
///
/// 1. legal: a 「第一章」 line, or 「第一條」 and 「第二條」 lines;
/// 2. three levels: an 「一、」 heading whose first numbered line under it (or the heading line
///    itself) opens with 「（一）」 / 「(一)」;
/// 3. numbered: any other text with an 「一、」 line and 「1.」 lines;
/// 4. press release: no 「1.」 lines under 「一、」 headings (or no 「一、」 line at all), and the
///    shape of a release (`PressReleaseReader.looksLikePressRelease`);
/// 5. otherwise numbered, whose reader then says what is missing.
enum LayoutDetector {
    static func detect(_ lines: [SourceLine]) -> MemorandumDocument.Layout {
        let content = lines.filter { !$0.isBlank }
        if content.contains(where: { LineShape.chapter($0.text)?.number == 1 }) { return .legal }
        let articles = Set(content.compactMap { LineShape.article($0.text)?.number })
        if articles.contains(1), articles.contains(2) { return .legal }

        let headings = content.indices.filter { LineShape.chineseNumbered(content[$0].text) != nil }
        if headings.contains(where: { LineShape.chineseNumbered(content[$0].text)?.number == 1 }) {
            for index in headings {
                let rest = LineShape.chineseNumbered(content[index].text)!.rest
                if opensFirstGroup(rest) { return .threeLevel }
                // The first numbered line under the heading, past any introduction.
                for line in content[(index + 1)...].prefix(while: { LineShape.chineseNumbered($0.text) == nil }) {
                    if let group = LineShape.parenthesised(line.text) {
                        if group.number == 1 { return .threeLevel }
                        break
                    }
                    if LineShape.arabicNumbered(line.text) != nil { break }
                }
            }
            if !PressReleaseReader.looksLikePressRelease(lines) || content.contains(where: { LineShape.arabicNumbered($0.text) != nil }) {
                return .numbered
            }
            return .pressRelease
        }
        return PressReleaseReader.looksLikePressRelease(lines) ? .pressRelease : .numbered
    }

    /// 「經貿合作 （一）深化…」: a heading that runs into its first group.
    private static func opensFirstGroup(_ rest: [Unicode.Scalar]) -> Bool {
        rest.indices.dropFirst().contains { p in
            (rest[p] == "（" || rest[p] == "(") && LineShape.parenthesised(Array(rest[p...]))?.number == 1
        }
    }
}
