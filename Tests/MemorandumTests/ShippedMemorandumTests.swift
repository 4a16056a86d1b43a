import ChineseScript
import Foundation
import Memorandum
import Testing

let shippedText = try! ShippedMemoranda.text()

/// The line number (1-based) of the first line of `text` that contains `fragment`.
func lineNumber(of fragment: String, in text: String) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.contains(fragment) }! + 1
}

@Suite struct ShippedMemorandumTests {
    let document = try! MemorandumParser.parse(shippedText)

    @Test func findsTheElevenAreasWithTheirTitles() {
        #expect(document.areas.map(\.title) == [
            "“一帶一路”建設和經貿投資", "金融", "科技創新", "物流", "文化和旅遊", "教育",
            "人才交流", "青年發展", "法律和爭議解決", "醫療衞生及中醫藥", "便利港人在內地發展",
        ])
        #expect(document.areas.map(\.number) == Array(1...11))
        #expect(document.areas.last?.numeral == "十一")
    }

    @Test func findsFortySevenMeasuresInTheSignedCounts() {
        #expect(document.areas.map(\.measures.count) == [7, 3, 5, 3, 5, 5, 5, 4, 3, 4, 3])
        #expect(document.measures.count == 47)
        #expect(document.measures.map(\.number).prefix(9) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2"])
        #expect(document.measures.last?.number == "11.3")
    }

    @Test func keepsEachMeasureWholeAcrossBrokenLines() throws {
        let m = try #require(document.measures.first)
        #expect(m.text.hasPrefix("鼓勵兩地企業建立戰略夥伴關係，聯合開發“一帶一路”沿線市場，"))
        #expect(m.text.contains("（簡稱“香港貿發局”）建立的“‘一帶一路’資訊網站”"))
        #expect(m.text.hasSuffix("鼓勵渝企參與“內地企業夥伴交流及對接計劃”交流會。"))
        // A sentence that ends at a line break does not end the measure.
        let m16 = document.measures[5]
        #expect(m16.text.contains("拓展國際市場。推動兩地專家交流互訪，圍繞兩地經貿合作建言獻策。"))
        // The stray space at a page break inside 工業 goes.
        #expect(document.measures[4].text.hasSuffix("共同推動消費品工業高質量發展。"))
        #expect(document.measures.last?.text == "建立常態化溝通機制，收集在渝港人意見建議。支持在渝香港機構開展工作，加強政策信息交流共享。")
        let m112 = document.measures[document.measures.count - 2]
        #expect(m112.text == "探索打造服務在渝港人“一站式”諮詢服務平台，就不同便利措施提供政策解答。")
    }

    @Test func removesWhitespaceBetweenCJKButKeepsLatinReadable() {
        for measure in document.measures {
            let scalars = Array(measure.text.unicodeScalars)
            for (i, s) in scalars.enumerated() where s == " " {
                let cjkBothSides = i > 0 && i + 1 < scalars.count && isCJK(scalars[i - 1]) && isCJK(scalars[i + 1])
                #expect(!cjkBothSides, "space between CJK characters in \(measure.number)")
            }
            #expect(!measure.text.contains("  "))
            #expect(!measure.text.contains("\n"))
        }
        #expect(document.measures.first { $0.number == "6.3" }?.text.contains("利用 5G 網路、人工智能") == true)
        #expect(document.measures.first { $0.number == "2.2" }?.text.contains("（簡稱“QFLP”）") == true)
    }

    @Test func readsHeadingPartiesAndDate() {
        #expect(document.label == "附件二")
        #expect(document.title == "渝港高層會晤暨渝港合作會議第一次會議")
        #expect(document.documentKind == "備忘錄")
        #expect(document.mechanism == "渝港合作會議")
        #expect(document.meeting == "第一次會議")
        #expect(document.meetingNumber == 1)
        #expect(document.signedOn == ["2023-05-11"])
        #expect(document.parties == [
            Party(name: "重慶市人民政府", signatoryTitle: "副市長", signedOn: "2023-05-11"),
            Party(name: "香港特別行政區政府", signatoryTitle: "政務司司長", signedOn: "2023-05-11"),
        ])
        #expect(document.annexTitle == "渝港高層會晤暨渝港合作會議第一次會議同意的具體合作措施")
    }

    @Test func readsThePreambleParagraphs() {
        #expect(document.preamble.count == 5)
        #expect(document.preamble[0].hasPrefix("為進一步擴大和深化重慶市和香港特別行政區的交流和合作，重慶市人民政府與香港特別行政區政府於 2023 年 5 月 11 日，在重慶市舉行"))
        #expect(document.preamble[2].contains("成為國內大循環的“參與者”和國內國際雙循環的“促進者”，同內地發揮優勢互補"))
        #expect(document.preamble[3].hasPrefix("渝港雙方將以習近平新時代中國特色社會主義思想為指導"))
        #expect(document.preamble[4].hasSuffix("保存並推進落實。"))
    }

    @Test func recordsWhereEachAreaAndMeasureStarts() {
        #expect(document.areas[1].line == lineNumber(of: "二、金融", in: shippedText))
        #expect(document.measures[9].line == lineNumber(of: "3. 探索渝港金融", in: shippedText))
        #expect(document.warnings.isEmpty, "\(document.warnings)")
    }

    @Test func encodesMeasureNumbersInJSON() throws {
        let json = String(decoding: try JSONEncoder().encode(document.measures[46]), as: UTF8.self)
        #expect(json.contains("\"number\":\"11.3\""))
        let decoded = try JSONDecoder().decode(MemorandumDocument.self, from: JSONEncoder().encode(document))
        #expect(decoded == document)
    }
}

@Suite struct LayoutVariantTests {
    let reference = try! MemorandumParser.parse(shippedText)

    /// The document with line numbers and warnings set aside: what a reader sees.
    func content(_ d: MemorandumDocument) -> [String] {
        [d.title, d.annexTitle ?? ""] + d.preamble + d.areas.map(\.title) + d.measures.map { "\($0.number) \($0.text)" }
    }

    @Test("CRLF, CR, compact and re-spaced inputs read the same", arguments: [
        "crlf", "cr", "compact", "double-blank", "trailing-spaces", "bom",
    ])
    func variant(name: String) throws {
        let text: String
        switch name {
        case "crlf": text = shippedText.replacingOccurrences(of: "\n", with: "\r\n")
        case "cr": text = shippedText.replacingOccurrences(of: "\n", with: "\r")
        case "compact": text = shippedText.split(separator: "\n").filter { !$0.isEmpty }.joined(separator: "\n")
        case "double-blank": text = shippedText.replacingOccurrences(of: "\n", with: "\n\n")
        case "trailing-spaces": text = shippedText.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + " \t " }.joined(separator: "\n")
        default: text = "\u{FEFF}" + shippedText
        }
        let document = try MemorandumParser.parse(text)
        #expect(content(document) == content(reference))
        #expect(document.parties == reference.parties)
        #expect(document.contentHash == reference.contentHash)
    }

    @Test func compactTextWithoutParagraphSeparatorsReadsTheSame() throws {
        // No blank and no whitespace-only lines at all: paragraphs come from punctuation alone.
        let text = shippedText.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: "\n")
        #expect(content(try MemorandumParser.parse(text)) == content(reference))
    }

    @Test("Full-width and other measure marks", arguments: ["１．", "1．", "1、", "1.", "１、"])
    func measureMarks(mark: String) throws {
        var text = shippedText
        let fullWidth = mark.unicodeScalars.first!.value > 0x7F
        for n in 1...7 {
            let digits = fullWidth ? String(String.UnicodeScalarView([Unicode.Scalar(0xFF10 + UInt32(n))!])) : String(n)
            let newMark = digits + String(mark.dropFirst())
            text = text.replacingOccurrences(of: "\n\(n). ", with: "\n\(newMark)")
                .replacingOccurrences(of: "\n \(n). ", with: "\n\(newMark) ")
                .replacingOccurrences(of: "\n\(n).", with: "\n\(newMark)")
        }
        let document = try MemorandumParser.parse(text)
        #expect(content(document) == content(reference))
    }

    @Test func simplifiedScriptYieldsTheSameStructure() throws {
        let converter = try ScriptConverter.shared()
        let simplified = try converter.toSimplified(shippedText)
        #expect(try converter.detect(simplified) == .simplified)
        let document = try MemorandumParser.parse(simplified)
        #expect(document.areas.map(\.measures.count) == reference.areas.map(\.measures.count))
        #expect(document.areas.map(\.title) == (try reference.areas.map { try converter.toSimplified($0.title) }))
        #expect(document.areas[9].title == "医疗卫生及中医药")
        #expect(document.documentKind == "备忘录")
        #expect(document.mechanism == "渝港合作会议")
        #expect(document.meeting == "第一次会议")
        #expect(document.parties.map(\.signatoryTitle) == ["副市长", "政务司司长"])
        #expect(document.signedOn == ["2023-05-11"])
        #expect(document.measures.map(\.number) == reference.measures.map(\.number))
        for (s, t) in zip(document.measures, reference.measures) {
            #expect(s.text == (try converter.toSimplified(t.text)), "measure \(s.number)")
        }
    }
}
