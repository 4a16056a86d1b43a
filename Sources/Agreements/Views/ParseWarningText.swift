import Memorandum
import Platform

/// The parser's warnings in the reader's language.
///
/// The parser (a library without the catalogue) says each warning in English; its `code` and
/// `values` let this say the same from the catalogue. A warning without a code (`.other`: stored
/// before codes existed, or made elsewhere) keeps its English, and `isLocalized` says so, for the
/// `lang` attribute.
enum ParseWarningText {
    /// Whether `text(_:_:)` is in the reader's language rather than the parser's English.
    static func isLocalized(_ warning: ParseWarning) -> Bool { warning.code != .other }

    /// The warning's text in the reader's language; the English message for `.other`.
    static func text(_ warning: ParseWarning, _ l: Localizer) -> String {
        let v = warning.values
        func value(_ name: String) -> String { v[name] ?? "" }
        /// 「area 二、」 or 「chapter 第二章」, from `areaKind` and `area`.
        func area() -> String {
            let name = value("area")
            return value("areaKind") == "chapter" ? l.t(AgreementsText.warningChapter(area: name)) : l.t(AgreementsText.warningArea(area: name))
        }
        /// 「group （一）」 or 「article 第三條」, from `groupKind` and `group`.
        func group() -> String {
            let name = value("group")
            return value("groupKind") == "article" ? l.t(AgreementsText.warningArticle(group: name)) : l.t(AgreementsText.warningGroup(group: name))
        }
        /// Where text was kept, from `place` and what names it.
        func place() -> String {
            switch value("place") {
            case "measure": return l.t(AgreementsText.warningInMeasure(measure: value("measure")))
            case "group": return l.t(AgreementsText.warningInGroup(area: area(), group: value("group")))
            case "introduction": return l.t(AgreementsText.warningInIntroduction(area: area()))
            default: return l.t(AgreementsText.warningInAnnexTitle)
            }
        }
        func readAs() -> String {
            value("readAs") == "measure" ? l.t(AgreementsText.warningAsMeasure) : l.t(AgreementsText.warningAsPreamble)
        }

        let phrase: CatalogueText
        switch warning.code {
        case .pageNumberDropped:
            phrase = AgreementsText.warningPageNumberDropped(text: value("text"))
        case .annexHeadingMissing:
            phrase = AgreementsText.warningAnnexHeadingMissing(text: value("text"))
        case .signatureBlockMissing:
            phrase = AgreementsText.warningSignatureBlockMissing
        case .documentKindMissing:
            phrase = AgreementsText.warningDocumentKindMissing(title: value("title"))
        case .preambleParagraphUnpunctuated:
            phrase = AgreementsText.warningPreambleParagraphUnpunctuated(paragraph: value("paragraph"))
        case .signatureLineMisaligned:
            phrase = AgreementsText.warningSignatureLineMisaligned(text: value("text"))
        case .signatoryTitlesMismatch:
            phrase = AgreementsText.warningSignatoryTitlesMismatch(text: value("text"), parties: value("parties"), titles: value("titles"))
        case .signingDateFromText:
            phrase = AgreementsText.warningSigningDateFromText(date: value("date"), text: value("text"))
        case .signingDateMissing:
            phrase = AgreementsText.warningSigningDateMissing
        case .measureStartsInsideLine:
            phrase = AgreementsText.warningMeasureStartsInsideLine(measure: value("measure"), before: value("before"), text: value("text"))
        case .groupStartsInsideLine:
            phrase = AgreementsText.warningGroupStartsInsideLine(group: group(), before: value("before"), text: value("text"))
        case .headingSplit:
            phrase = AgreementsText.warningHeadingSplit(text: value("text"), rest: value("rest"))
        case .releaseTitleMissing:
            phrase = AgreementsText.warningReleaseTitleMissing(text: value("text"))
        case .releaseDateTaken:
            phrase = AgreementsText.warningReleaseDateTaken(date: value("date"), text: value("text"))
        case .releaseDateMissing:
            phrase = AgreementsText.warningReleaseDateMissing
        case .ruleDropped:
            phrase = AgreementsText.warningRuleDropped(text: value("text"))
        case .afterEndMarkDropped:
            phrase = AgreementsText.warningAfterEndMarkDropped(end: value("end"), text: value("text"))
        case .endMark:
            phrase = AgreementsText.warningEndMark(text: value("text"))
        case .navigationDropped:
            phrase = AgreementsText.warningNavigationDropped(text: value("text"))
        case .releaseTimeDropped:
            phrase = AgreementsText.warningReleaseTimeDropped(text: value("text"))
        case .chapterMissing:
            phrase = AgreementsText.warningChapterMissing(text: value("text"), title: value("title"))
        case .areaHeadingAfterUnfinishedLine:
            phrase = AgreementsText.warningAreaHeadingAfterUnfinishedLine(text: value("text"), area: area(), previous: value("previous"))
        case .groupAfterUnfinishedLine:
            phrase = AgreementsText.warningGroupAfterUnfinishedLine(text: value("text"), group: group(), previous: value("previous"))
        case .decimalInText:
            phrase = AgreementsText.warningDecimalInText(
                text: value("text"), decimal: value("decimal"), measure: value("measure"), previous: value("previous")
            )
        case .numberReadAsMeasure:
            phrase = AgreementsText.warningNumberReadAsMeasure(
                text: value("text"), start: value("start"), measure: value("measure"), decimal: value("decimal")
            )
        case .measureAfterUnfinishedLine:
            phrase = AgreementsText.warningMeasureAfterUnfinishedLine(measure: value("measure"), text: value("text"), previous: value("previous"))
        case .numberAfterUnfinishedSentence:
            phrase = AgreementsText.warningNumberAfterUnfinishedSentence(text: value("text"), place: place())
        case .unrecognisedHeading:
            phrase = AgreementsText.warningUnrecognisedHeading(text: value("text"), place: place())
        case .areaIntroduction:
            phrase = AgreementsText.warningAreaIntroduction(area: area(), text: value("text"))
        case .listInsideMeasure:
            phrase = AgreementsText.warningListInsideMeasure(text: value("text"), place: place())
        case .groupTitleOnly:
            phrase = AgreementsText.warningGroupTitleOnly(group: value("group"), title: value("title"))
        case .paragraphMayContinue:
            phrase = AgreementsText.warningParagraphMayContinue(paragraph: value("paragraph"), next: value("next"))
        case .shortLineInUnderlinedRelease:
            phrase = AgreementsText.warningShortLineInUnderlinedRelease(text: value("text"), readAs: readAs())
        case .shortLineWithoutParagraph:
            phrase = AgreementsText.warningShortLineWithoutParagraph(text: value("text"), readAs: readAs())
        case .longLineReadAsMeasure:
            phrase = AgreementsText.warningLongLineReadAsMeasure(text: value("text"))
        case .bareLineReadAsHeading:
            phrase = AgreementsText.warningBareLineReadAsHeading(text: value("text"))
        case .headingNumberOutOfOrder:
            phrase = AgreementsText.warningHeadingNumberOutOfOrder(text: value("text"), label: value("label"), area: value("area"))
        case .ruleWidth:
            phrase = AgreementsText.warningRuleWidth(heading: value("heading"), length: value("length"), characters: value("characters"))
        case .headingWithoutBlankLine:
            phrase = AgreementsText.warningHeadingWithoutBlankLine(text: value("text"))
        case .afterEndMarkDroppedUncertain:
            phrase = AgreementsText.warningAfterEndMarkDroppedUncertain(end: value("end"), text: value("text"))
        case .unitsNotNamed:
            phrase = AgreementsText.warningUnitsNotNamed(measure: value("measure"), parenthesis: value("parenthesis"))
        case .unitsTextBeforeLabel:
            phrase = AgreementsText.warningUnitsTextBeforeLabel(measure: value("measure"), label: value("label"), text: value("text"))
        case .unitsClauseWithoutRole:
            phrase = AgreementsText.warningUnitsClauseWithoutRole(measure: value("measure"), parenthesis: value("parenthesis"), clause: value("clause"))
        case .other:
            return warning.message
        }
        return phrase.text(l.language)
    }
}
