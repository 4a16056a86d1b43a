@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
import Memorandum
@testable import Platform
@testable import Reporting
import Testing
import Vapor
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

    /// Runs `yugang import-memorandum` with `arguments` against `app`; true when it succeeded.
    func run(_ arguments: [String], on app: Application) async throws -> Bool {
        app.exitStatus = 0
        var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["yugang import-memorandum"] + arguments))
        context.application = app
        try await ImportMemorandumCommand().run(using: &context)
        return app.exitStatus == 0
    }

    @Test func aTextReadWithDoubtsIsStoredOnlyOnceConfirmed() async throws {
        try await withApp { app in
            // The second meeting's memorandum, where measure 4.1 lost its full stop: the parser
            // starts 4.2 at its number but says so.
            var text = try ShippedMemoranda.text().replacingOccurrences(of: "第一次會議", with: "第二次會議")
            text = text.replacingOccurrences(of: "推進重慶內陸國際物流樞紐和口岸高地\n\n建設。", with: "推進重慶內陸國際物流樞紐和口岸高地\n\n建設")
            let document = try MemorandumParser.parse(text)
            #expect(document.needsConfirmation && document.measures.count == 47)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-doubt-\(UUID()).txt")
            defer { try? FileManager.default.removeItem(at: url) }
            try text.write(to: url, atomically: true, encoding: .utf8)
            let before = try await Agreement.query(on: app.db).count()

            #expect(try await run([url.path], on: app) == false)
            #expect(try await run([url.path, "--confirm", "--kind", "minutes"], on: app) == false)
            #expect(try await run([url.path, "--confirm", "--mechanism", "Not A Slug"], on: app) == false)
            #expect(try await Agreement.query(on: app.db).count() == before)

            #expect(try await run([url.path, "--confirm", "--meeting", "2"], on: app))
            let stored = try #require(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").with(\.$signedAt).first())
            #expect(stored.signedAt?.number == 2 && stored.kind == .memorandum)
            #expect(try await Measure.query(on: app.db).filter(\.$agreement.$id == stored.requireID()).count() == 47)
        }
    }
}
