import Foundation
import Memorandum
import Testing

/// Every warning the parser makes carries a code and the values its text needs, so the
/// interface can say it in the reader's language.
@Suite struct WarningCodeTests {
    /// The value names each code carries (`place` adds the names of what it names).
    static let valueNames: [ParseWarning.Code: Set<String>] = [
        .pageNumberDropped: ["text"],
        .annexHeadingMissing: ["text"],
        .signatureBlockMissing: [],
        .documentKindMissing: ["title"],
        .preambleParagraphUnpunctuated: ["paragraph"],
        .signatureLineMisaligned: ["text"],
        .signatoryTitlesMismatch: ["parties", "titles", "text"],
        .signingDateFromText: ["date", "text"],
        .signingDateMissing: [],
        .measureStartsInsideLine: ["measure", "before", "text"],
        .groupStartsInsideLine: ["groupKind", "group", "before", "text"],
        .headingSplit: ["text", "rest"],
        .releaseTitleMissing: ["text"],
        .releaseDateTaken: ["date", "text"],
        .releaseDateMissing: [],
        .ruleDropped: ["text"],
        .afterEndMarkDropped: ["text", "end"],
        .endMark: ["text"],
        .navigationDropped: ["text"],
        .releaseTimeDropped: ["text"],
        .chapterMissing: ["text", "title"],
        .areaHeadingAfterUnfinishedLine: ["text", "areaKind", "area", "previous"],
        .groupAfterUnfinishedLine: ["groupKind", "group", "text", "previous"],
        .decimalInText: ["text", "decimal", "measure", "previous"],
        .numberReadAsMeasure: ["text", "measure", "start", "decimal"],
        .measureAfterUnfinishedLine: ["measure", "text", "previous"],
        .numberAfterUnfinishedSentence: ["text", "place"],
        .unrecognisedHeading: ["text", "place"],
        .areaIntroduction: ["areaKind", "area", "text"],
        .listInsideMeasure: ["text", "place"],
        .groupTitleOnly: ["group", "title"],
        .paragraphMayContinue: ["paragraph", "next"],
        .shortLineInUnderlinedRelease: ["text", "readAs"],
        .shortLineWithoutParagraph: ["text", "readAs"],
        .longLineReadAsMeasure: ["text"],
        .bareLineReadAsHeading: ["text"],
        .headingNumberOutOfOrder: ["text", "label", "area"],
        .ruleWidth: ["heading", "length", "characters"],
        .headingWithoutBlankLine: ["text"],
        .afterEndMarkDroppedUncertain: ["text", "end"],
        .unitsNotNamed: ["measure", "parenthesis"],
        .unitsTextBeforeLabel: ["measure", "text", "label"],
        .unitsClauseWithoutRole: ["measure", "clause", "parenthesis"],
    ]

    /// What a `place` names besides itself.
    static let placeNames: [String: Set<String>] = [
        "measure": ["measure"], "group": ["group", "areaKind", "area"], "introduction": ["areaKind", "area"], "annexTitle": [],
    ]

    /// The existing fixtures, and small texts for the warnings they do not make.
    static var samples: [(name: String, text: String)] {
        [
            ("shipped 2023", shippedText),
            ("threeLevelTraditional", OutlineFixtures.threeLevelTraditional),
            ("threeLevelSimplified", OutlineFixtures.threeLevelSimplified),
            ("legalTraditional", OutlineFixtures.legalTraditional),
            ("legalSimplified", OutlineFixtures.legalSimplified),
            ("pdfNoiseTraditional", OutlineFixtures.pdfNoiseTraditional),
            ("pdfNoiseMixedScript", OutlineFixtures.pdfNoiseMixedScript),
            ("numberRunsIntoText", OutlineFixtures.numberRunsIntoText),
            ("underlinedTraditional", PressReleaseFixtures.underlinedTraditional),
            ("bareSimplified", PressReleaseFixtures.bareSimplified),
            ("numberedHeadingsTraditional", PressReleaseFixtures.numberedHeadingsTraditional),
        ] + WarningFixtures.all
    }

    static func parsed() throws -> [(name: String, warnings: [ParseWarning])] {
        try samples.map { ($0.name, try MemorandumParser.parse($0.text).warnings) }
    }

    @Test func everyCodeIsMadeByAFixture() throws {
        let made = Set(try Self.parsed().flatMap { $0.warnings.map(\.code) })
        let missing = ParseWarning.Code.allCases.filter { $0 != .other && !made.contains($0) }
        #expect(missing.isEmpty, "no fixture makes \(missing.map(\.rawValue))")
        #expect(!made.contains(.other), "the parser made a warning without a code")
        #expect(Set(Self.valueNames.keys) == Set(ParseWarning.Code.allCases.filter { $0 != .other }))
    }

    @Test func everyWarningCarriesTheValuesItsTextNeeds() throws {
        for (name, warnings) in try Self.parsed() {
            for w in warnings {
                var expected = Self.valueNames[w.code] ?? []
                if let place = w.values["place"] { expected.formUnion(Self.placeNames[place] ?? ["unknown place \(place)"]) }
                #expect(Set(w.values.keys) == expected, "\(name): \(w.code.rawValue) \(w.values)")
                // What the English quotes is what the values hold (`place` is a word of its own).
                for (key, value) in w.values where key != "place" {
                    #expect(!value.isEmpty, "\(name): \(w.code.rawValue) has an empty \(key)")
                    #expect(w.message.contains(value), "\(name): \(w.code.rawValue) \(key)=\(value) not in 「\(w.message)」")
                }
            }
        }
    }

    @Test func eachFixtureMakesTheWarningItIsFor() throws {
        for fixture in WarningFixtures.fixtures {
            let codes = try MemorandumParser.parse(fixture.text).warnings.map(\.code)
            #expect(codes.contains(fixture.code), "\(fixture.name) makes \(codes.map(\.rawValue))")
        }
    }

    @Test func aCodedWarningRoundTripsThroughJSON() throws {
        let w = ParseWarning(line: 3, message: "page number 「- 3 -」 dropped", code: .pageNumberDropped, values: ["text": "- 3 -"])
        #expect(try JSONDecoder().decode(ParseWarning.self, from: JSONEncoder().encode(w)) == w)
    }

    @Test func aWarningStoredWithoutACodeDecodesAsOther() throws {
        let old = Data(#"{"line": 4, "message": "page number 「- 3 -」 dropped", "needsConfirmation": false}"#.utf8)
        let w = try JSONDecoder().decode(ParseWarning.self, from: old)
        #expect(w == ParseWarning(line: 4, message: "page number 「- 3 -」 dropped"))
        #expect(w.code == .other && w.values.isEmpty)
        let unknown = Data(#"{"line": 4, "message": "x", "code": "somethingNew", "values": {"a": "b"}}"#.utf8)
        #expect(try JSONDecoder().decode(ParseWarning.self, from: unknown).code == .other)
    }
}
