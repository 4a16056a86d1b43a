@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
@testable import Platform
@testable import Reporting
import Fluent
import Foundation
import Testing
import Vapor
import WorkCalendar
@testable import Tracker

/// The meeting report is joint, and public once both sides approve: its recurring words must
/// not be able to carry a person. One sender repeating their name in every subject puts
/// neither the name nor their words into any page or export of it, on either side, while a
/// word used by enough different consenting senders does appear.
@Suite struct ReportPrivacyTests {
    /// Cases from `sender` (name, e-mail), one per subject.
    static func send(_ subjects: [String], name: String, email: String?, phone: String? = nil, share: Bool, area: String = "11",
                     on app: Application) async throws {
        for (i, subject) in subjects.enumerated() {
            var s = Feedback.Submission()
            s.kind = "opinion"
            s.area = area
            s.subject = subject
            s.content = "請協助處理，謝謝。這是第\(i + 1)次來信。"
            s.name = name
            s.email = email ?? ""
            s.phone = phone ?? ""
            s.replyLanguage = "zh-Hant"
            s.consentReply = email != nil || phone != nil
            s.consentShare = share
            _ = try await Feedback.submit(s, files: app.files, config: app.config,
                                          converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
        }
    }

    /// Everything both sides and the public can read of the report: the officer page of each
    /// liaison office, the public page, and every export format through each of them.
    static func everythingReadable(_ report: MeetingReport, app: Application) async throws -> [String: String] {
        let id = try report.requireID()
        var texts: [String: String] = [:]
        let formats = ReportExport.Format.allCases.filter { $0 != .pdf || pdfReadable }
        for username in ["cq-liaison", "hk-liaison"] {
            let b = try await Browser(app).login(username)
            let (status, page) = try await b.get("/officer/reports/\(id.uuidString)")
            #expect(status == .ok, "\(username) report page")
            texts["\(username) page"] = page
            for format in formats {
                for script in format == .pdf ? ["hant"] : ["hant", "hans"] {
                    var body = Data()
                    var code = HTTPStatus.ok
                    try await app.testing().test(.GET, "/officer/reports/\(id.uuidString)/download?format=\(format.rawValue)&script=\(script)",
                                                 headers: b.cookieHeader) { res async in
                        code = res.status
                        body = Data(buffer: res.body)
                    }
                    #expect(code == .ok, "\(username) \(format) \(script): \(code)")
                    texts["\(username) \(format) \(script)"] = try readable(body, format)
                }
            }
        }
        let (status, page, _) = try await app.get("/reports/\(id.uuidString)")
        #expect(status == .ok, "public report page")
        texts["public page"] = page
        texts["public page zh-Hans"] = try await app.get("/reports/\(id.uuidString)?lang=zh-Hans").1
        for format in formats {
            for script in format == .pdf ? ["hant"] : ["hant", "hans"] {
                var body = Data()
                try await app.testing().test(.GET, "/reports/\(id.uuidString)/download?format=\(format.rawValue)&script=\(script)") { res async in
                    #expect(res.status == .ok, "public \(format) \(script)")
                    body = Data(buffer: res.body)
                }
                texts["public \(format) \(script)"] = try readable(body, format)
            }
        }
        return texts
    }

    /// The text a reader gets from an export: XLSX unzipped (all its parts), PDF through
    /// pdftotext, the others as they are.
    static func readable(_ data: Data, _ format: ReportExport.Format) throws -> String {
        switch format {
        case .xlsx:
            return try ZIPReader.entries(data).values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        case .pdf:
            return try pdfText(data)
        default:
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// PDF is printed by Chromium and read back with pdftotext, when both are installed.
    static let pdfReadable = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    static func pdfText(_ data: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yugang-pdftext-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("r.pdf"), output = folder.appendingPathComponent("r.txt")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    @Test("One sender's name and words stay out of the report; words of enough consenting senders reach it", arguments: [3, 6])
    func repeatedNameStaysOutOfTheReport(repeats: Int) async throws {
        try await withApp { (app: Application) async throws in
            app.config.feedbackPerContactPerDay = 100
            app.config.feedbackPerAddressPerHour = 100
            let a = try await Accounts.make(on: app.db)
            // One sender, the name first in every subject, with consent to share, and the same
            // again without consent.
            try await Self.send(Array(repeating: "陳大文居住證補辦", count: repeats), name: "陳大文", email: "chan.taiman@example.hk", share: true, on: app)
            try await Self.send(Array(repeating: "陳大文居住證補辦", count: repeats), name: "陳大文", email: "chan.taiman@example.hk", share: false, on: app)
            // The same name typed with a honorific, the contact given as a telephone number in another form.
            try await Self.send(Array(repeating: "陳大文先生居住證補辦", count: repeats), name: "陳大文先生", email: nil, phone: "+852 9123 4567", share: true, on: app)
            try await Self.send(Array(repeating: "陳大文先生居住證補辦", count: repeats), name: "陳大文先生", email: nil, phone: "91234567", share: true, on: app)
            // Five different senders who agreed to share: their word is a theme.
            for (i, name) in ["李小明", "黃美玲", "張志強", "劉家豪", "吳淑芬"].enumerated() {
                try await Self.send(["跨境理財通開戶"], name: name, email: "sender\(i)@example.hk", share: true, on: app)
            }
            // Four consenting senders are one too few.
            for (i, name) in ["周國華", "鄭麗珍", "何俊傑", "林詠儀"].enumerated() {
                try await Self.send(["港人子女學位申請"], name: name, email: "four\(i)@example.hk", share: true, on: app)
            }
            // Six senders without consent to share: their word never reaches the Hong Kong side or the public.
            for (i, name) in ["謝天佑", "羅嘉欣", "梁子健", "宋雅婷", "唐文傑", "許佩珊"].enumerated() {
                try await Self.send(["公積金提取困難"], name: name, email: "private\(i)@example.hk", share: false, on: app)
            }
            // Anonymous cases cannot be told apart: five of them are one sender.
            for _ in 0..<5 { try await Self.send(["社保轉移手續"], name: "", email: nil, share: true, on: app) }

            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let hk = try await FeedbackFixture.officer(a.hkLiaison, on: app)
            let report = try await MeetingReports.create(asOf: "2026-11-29", since: "2026-11-01", by: cq, now: fixedNow,
                                                         converter: ScriptConverterFixture.converter, themeMinSenders: app.config.reportThemeMinSenders, on: app.db)
            let content = try MeetingReports.content(of: report)
            let terms = content.areas.first { $0.number == 11 }!.feedback.terms
            #expect(terms.map(\.term).contains { $0.contains("跨境理財") }, "\(terms)")
            #expect(terms.first { $0.term.contains("跨境理財") }?.count == 5, "counted in senders: \(terms)")
            let kept = terms.map(\.term).joined(separator: " ")
            for word in ["居住證", "大文", "學位", "公積金", "社保"] { #expect(!kept.contains(word), "\(word) in \(terms)") }
            // Counts stay: every case received is in the figures, whatever its consent.
            #expect(content.feedback.received == 4 * repeats + 5 + 4 + 6 + 5)

            _ = try await MeetingReports.approve(report.requireID(), by: cq, now: fixedNow, on: app.db)
            _ = try await MeetingReports.approve(report.requireID(), by: hk, now: fixedNow, on: app.db)
            let texts = try await Self.everythingReadable(report, app: app)
            let places: Int = texts.count
            #expect(places >= 28)
            for (place, text) in texts {
                let leaks: [String] = ["陳大文", "陈大文", "大文", "居住證補辦", "居住证补办", "公積金提取", "公积金提取", "學位申請", "学位申请", "社保轉移", "社保转移",
                                       "chan.taiman", "example.hk"]
                for leak in leaks {
                    #expect(!text.contains(leak), "\(leak) in \(place)")
                }
                // The words of five consenting senders are there, in the reader's script.
                if place.contains("pdf") {
                    #expect(text.count > 200, "the PDF's text was read: \(place)")
                } else {
                    #expect(text.contains("跨境理財") || text.contains("跨境理财"), "theme missing in \(place)")
                }
            }
        }
    }

    @Test func aHigherThresholdKeepsFewerWordsAndNoneBelowFive() async throws {
        try await withApp { (app: Application) async throws in
            app.config.feedbackPerAddressPerHour = 100
            for (i, name) in ["李小明", "黃美玲", "張志強", "劉家豪", "吳淑芬"].enumerated() {
                try await Self.send(["跨境理財通開戶"], name: name, email: "sender\(i)@example.hk", share: true, on: app)
            }
            let day = CalendarDay("2026-11-29")!
            let five = try await MeetingReports.build(asOf: day, since: CalendarDay("2026-11-01")!, now: fixedNow,
                                                      converter: ScriptConverterFixture.converter, themeMinSenders: 5, on: app.db)
            let six = try await MeetingReports.build(asOf: day, since: CalendarDay("2026-11-01")!, now: fixedNow,
                                                     converter: ScriptConverterFixture.converter, themeMinSenders: 6, on: app.db)
            let three = try await MeetingReports.build(asOf: day, since: CalendarDay("2026-11-01")!, now: fixedNow,
                                                       converter: ScriptConverterFixture.converter, themeMinSenders: 3, on: app.db)
            #expect(!five.areas[10].feedback.terms.isEmpty)
            #expect(six.areas[10].feedback.terms.isEmpty)
            // Below five is never honoured.
            #expect(three.areas[10].feedback.terms == five.areas[10].feedback.terms)
        }
        #expect(try AppConfig.fromEnvironment([:]).reportThemeMinSenders == 5)
        #expect(try AppConfig.fromEnvironment(["REPORT_THEME_MIN_SENDERS": "8"]).reportThemeMinSenders == 8)
        #expect(throws: (any Error).self) { try AppConfig.fromEnvironment(["REPORT_THEME_MIN_SENDERS": "4"]) }
        #expect(throws: (any Error).self) { try AppConfig.fromEnvironment(["REPORT_THEME_MIN_SENDERS": "five"]) }
    }

    /// The retention purge masks with the same routine: a Home Return Permit number typed into
    /// the text does not survive it.
    @Test func thePurgeMasksEveryIdentifier() async throws {
        try await withApp { (app: Application) async throws in
            var s = FeedbackFixture.submission()
            s.subject = "陳大文回鄉證H12345678補辦"
            s.content = "我的回鄉證H12345678已過期，舊證編號12345678901，電話138-0013-8000，身份證A123456(7)。"
            let c = try await FeedbackFixture.submit(s, on: app)
            c.state = .closed
            c.closedAt = fixedNow.addingTimeInterval(-800 * 86_400)
            try await c.update(on: app.db)
            try await (app.db as! SQLDatabase).raw("UPDATE feedback_cases SET updated_at = \(bind: fixedNow.addingTimeInterval(-800 * 86_400))").run()
            let purged = try await CaseRecords.purge(retentionDays: 730, files: app.files, now: fixedNow, on: app.db)
            #expect(purged == 1)
            let after = try #require(try await FeedbackCase.find(c.id, on: app.db))
            let m = PersonalData.mask
            #expect(after.subject == "\(m)回鄉證\(m)補辦")
            #expect(after.content == "我的回鄉證\(m)已過期，舊證編號\(m)，電話\(m)，身份證\(m)。")
            #expect(after.name == nil && after.email == nil && after.phone == nil)
        }
    }
}

import SQLKit
