@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Foundation
import Memorandum
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker

@Suite struct ImportMemorandumCommandTests {
    func shippedFile() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID()).txt")
        try ShippedMemoranda.text().write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func summaryListsAreasCountsAndTotals() throws {
        let file = try shippedFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let summary = try ImportMemorandumCommand.report(file: file).summary
        #expect(summary.first == "渝港高層會晤暨渝港合作會議第一次會議 備忘錄 [zh-Hant]")
        #expect(summary.contains("  十、醫療衞生及中醫藥  4 measures"))
        #expect(summary.contains("parties: 重慶市人民政府（副市長）、香港特別行政區政府（政務司司長）"))
        #expect(summary.last == "11 areas, 47 measures, 0 warnings")
    }

    @Test func jsonCarriesEveryMeasureInBothScripts() throws {
        let file = try shippedFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let json = try ImportMemorandumCommand.report(file: file).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["script"] as? String == "zh-Hant")
        #expect(object["measureCount"] as? Int == 47)
        let areas = try #require(object["areas"] as? [[String: Any]])
        let health = try #require(areas[9]["title"] as? [String: String])
        #expect(health == ["text": "醫療衞生及中醫藥", "script": "zh-Hant", "zh-Hant": "醫療衞生及中醫藥", "zh-Hans": "医疗卫生及中医药"])
        let measures = areas.flatMap { $0["measures"] as? [[String: Any]] ?? [] }
        #expect(measures.count == 47)
        #expect(measures.map { $0["number"] as? String }.last == "11.3")
        let text = try #require(measures[45]["text"] as? [String: String])
        #expect(text["zh-Hans"] == "探索打造服务在渝港人“一站式”咨询服务平台，就不同便利措施提供政策解答。")
    }

    @Test func simplifiedInputIsReportedAsSimplifiedAndRenderedInTraditional() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-hans-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let simplified = try ScriptConverterFixture.converter.toSimplified(ShippedMemoranda.text())
        try simplified.write(to: url, atomically: true, encoding: .utf8)
        let report = try ImportMemorandumCommand.report(file: url.path)
        #expect(report.script == "zh-Hans")
        #expect(report.areas[9].title.text == "医疗卫生及中医药")
        #expect(report.areas[9].title.zhHant == "醫療衞生及中醫藥")
    }

    @Test func malformedTextIsRefusedWithFileAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-bad-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try ShippedMemoranda.text().replacingOccurrences(of: "3. 探索渝港金融", with: "4. 探索渝港金融")
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try ImportMemorandumCommand.report(file: url.path)
        } throws: { error in
            (error as? CommandFailure)?.description == "\(url.path):208: 二、 expected measure 3, found 4 at line 208"
        }
    }

    @Test func unreadableAndNonUTF8FilesAreRefused() throws {
        #expect(throws: CommandFailure.self) { try ImportMemorandumCommand.report(file: "/nonexistent/memo.txt") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-latin1-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xC4, 0xE3, 0xBA, 0xC3, 0xFF]).write(to: url)
        #expect {
            try ImportMemorandumCommand.report(file: url.path)
        } throws: { error in
            (error as? CommandFailure)?.description == "\(url.path) is not UTF-8 text"
        }
    }
}
