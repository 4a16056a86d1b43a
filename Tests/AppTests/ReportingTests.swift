@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SQLKit
import Testing
@testable import Tracker
import Vapor
import VaporTesting
import WorkCalendar

/// Reporting periods and due days on both sides' calendars.
@Suite struct CadenceTests {
    let cq = WorkCalendars.shipped[.cq]!, hk = WorkCalendars.shipped[.hk]!

    func rule(_ frequency: ReportingCadence.Frequency, day: Int, remind: Int = 3, escalate: Int = 10) -> CadenceRule {
        CadenceRule(frequency: frequency, dueDay: day, remindDays: remind, escalateDays: escalate, startsOn: CalendarDay("2023-05-11")!)
    }

    @Test func periodsRollOverYearsAndOverlapAcrossFrequencies() {
        #expect(ReportingPeriod("2026-12")!.next.label == "2027-01")
        #expect(ReportingPeriod("2026-Q4")!.next.label == "2027-Q1")
        #expect(ReportingPeriod("2026-Q4")!.lastDay.description == "2026-12-31")
        #expect(ReportingPeriod("2024-02")!.lastDay.description == "2024-02-29")
        #expect(ReportingPeriod.containing(CalendarDay("2026-11-29")!, .quarterly).label == "2026-Q4")
        // A monthly update counts for its quarter, and a quarterly one for its months.
        #expect(ReportingPeriod("2026-11")!.overlaps(ReportingPeriod("2026-Q4")!))
        #expect(!ReportingPeriod("2026-09")!.overlaps(ReportingPeriod("2026-Q4")!))
        #expect(ReportingPeriod("2026-Q4")!.overlappingLabels == ["2026-Q4", "2026-10", "2026-11", "2026-12"])
        #expect(ReportingPeriod("2026-13") == nil && ReportingPeriod("2026-Q5") == nil)
    }

    @Test(arguments: [
        // period, frequency, due day, Mainland due, Hong Kong due
        ("2026-09", ReportingCadence.Frequency.monthly, 5, "2026-10-08", "2026-10-05"),   // National Day week on the Mainland only
        ("2026-09", .monthly, 19, "2026-10-19", "2026-10-20"),                           // Chung Yeung (observed) in Hong Kong only
        ("2026-01", .monthly, 15, "2026-02-24", "2026-02-16"),                           // Sunday, then the Spring Festival holiday
        ("2026-01", .monthly, 14, "2026-02-14", "2026-02-16"),                           // a Saturday that is a Mainland make-up working day
        ("2026-Q4", .quarterly, 1, "2027-01-04", "2027-01-04"),                          // New Year's Day, then a weekend
        ("2026-12", .monthly, 5, "2027-01-05", "2027-01-05"),                            // across the year end
    ])
    func dueDaysMoveToTheSidesNextWorkingDay(period: String, frequency: ReportingCadence.Frequency, day: Int, mainland: String, hongKong: String) {
        let p = ReportingPeriod(period)!
        #expect(p.frequency == frequency)
        #expect(rule(frequency, day: day).dueOn(p, calendar: cq).description == mainland)
        #expect(rule(frequency, day: day).dueOn(p, calendar: hk).description == hongKong)
    }

    @Test func levelsFollowWorkingDaysBeforeAndAfterTheDueDay() {
        let r = rule(.monthly, day: 5, remind: 3, escalate: 3)
        let due = CalendarDay("2026-11-05")!   // Thursday
        func level(_ day: String) -> ReportNotice.Level? { r.level(dueOn: due, today: CalendarDay(day)!, calendar: cq) }
        #expect(level("2026-10-30") == nil)      // four working days ahead
        #expect(level("2026-11-02") == .blue)    // three
        #expect(level("2026-11-05") == .blue)    // the day itself
        #expect(level("2026-11-06") == .yellow)  // one working day late
        #expect(level("2026-11-09") == .yellow)  // two (the weekend does not count)
        #expect(level("2026-11-10") == .red)     // three
    }

    @Test func unitsOweReportsFromThePeriodTheyWereAssignedIn() {
        let r = rule(.quarterly, day: 10, remind: 5)
        let owed = r.periodsOwed(assignedOn: CalendarDay("2026-02-20")!, today: CalendarDay("2026-10-05")!, calendar: cq)
        // Q1 (due 10 April), Q2 (10 July), Q3 (due 12 October: 10 October is a Saturday
        // make-up day, so it stays, and 5 October is within five working days of it).
        #expect(owed.map(\.period.label) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(owed.map(\.dueOn.description) == ["2026-04-10", "2026-07-10", "2026-10-10"])
        #expect(r.periodsOwed(assignedOn: CalendarDay("2026-09-01")!, today: CalendarDay("2026-09-01")!, calendar: cq).isEmpty)
    }
}

/// Chasing, the report to the meeting, its approvals and exports.
@Suite struct ReportingTests {
    static func setAssigned(_ day: String, on db: Database) async throws {
        try await db.sql.update(Assignment.schema).set("created_at", to: SQLBind(noon(day))).run()
    }

    /// Two scans a day, as two workers would run them: blue before the due day, yellow after,
    /// red once three working days late, and a missed milestone red; each notice queued once,
    /// to the unit in its script and copied to its liaison office in its own.
    @Test func noticesEscalateAndAreSentOnce() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            try await a.setNoticeAddresses(on: app.db)
            try await Self.setAssigned("2026-10-12", on: app.db)
            let liaison = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            try await Reporting.setCadence(side: .cq, frequency: "monthly", dueDay: "5", remindDays: "3", escalateDays: "3", startsOn: "2023-05-11",
                                           by: liaison, on: app.db)
            try await OfficerActions.addMilestone(measure: "1.1", title: "簽約儀式", dueOn: "2026-11-09", by: liaison,
                                                  converter: ScriptConverterFixture.converter, on: app.db)
            var queued: [String: Int] = [:]
            for day in ["2026-10-30", "2026-11-02", "2026-11-05", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11"] {
                for _ in 0..<2 {
                    queued[day, default: 0] += try await Reporting.scan(today: day, now: noon(day), baseURL: nil, converter: ScriptConverterFixture.converter, on: app.db)
                }
            }
            #expect(queued == ["2026-10-30": 0, "2026-11-02": 2, "2026-11-05": 0, "2026-11-06": 2, "2026-11-09": 0, "2026-11-10": 4, "2026-11-11": 0])
            let mail = try await OutboxMessage.query(on: app.db).sort(\.$createdAt).all().map { "\($0.recipient) \($0.subject)" }.sorted()
            #expect(mail == [
                "office@cq.example （抄送）[渝港] 措施 1.1 2026-10 進展報告即將到期（2026-11-05）",
                "office@cq.example （抄送）[渝港] 措施 1.1 2026-10 進展報告已逾期（2026-11-05）",
                "office@cq.example （抄送）[渝港] 措施 1.1 2026-10 進展報告已逾期，請即處理（2026-11-05）",
                "office@cq.example （抄送）[渝港] 措施 1.1 節點「簽約儀式」已逾期，請即處理（2026-11-09）",
                "unit@cq.example [渝港] 措施 1.1 2026-10 进展报告即将到期（2026-11-05）",
                "unit@cq.example [渝港] 措施 1.1 2026-10 进展报告已逾期（2026-11-05）",
                "unit@cq.example [渝港] 措施 1.1 2026-10 进展报告已逾期，请即处理（2026-11-05）",
                "unit@cq.example [渝港] 措施 1.1 节点「签约仪式」已逾期，请即处理（2026-11-09）",
            ].sorted(), "\(mail)")

            // The unit officer sees the red notices only (the blue and yellow ones were replaced);
            // the Hong Kong liaison office sees its own side's only.
            let officer = try await FeedbackFixture.officer(a.cqOfficer, on: app)
            #expect(try await Reporting.openNotices(for: officer, on: app.db).map { "\($0.level) \($0.period ?? "milestone")" } == ["red 2026-10", "red milestone"])
            let hkNotices = try await Reporting.openNotices(for: try await FeedbackFixture.officer(a.hkLiaison, on: app), on: app.db)
            #expect(!hkNotices.isEmpty && hkNotices.allSatisfy { $0.side == .hk && $0.$unit.id == a.hkUnit.id })
            let browser = try await Browser(app).login("cq-officer")
            #expect(try await browser.get("/officer").1.contains("嚴重逾期"))

            // The report arrives and the milestone is done: both notices close.
            let draft = try ProgressDraft.validate(period: "2026-10", status: "in_progress", percent: "20", narrative: "十月完成企業對接。", evidence: nil, visibility: "internal")
            try await OfficerActions.postUpdate(draft, measure: "1.1", by: officer, converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            let milestone = try await Milestone.query(on: app.db).first()!
            try await OfficerActions.completeMilestone(milestone.requireID(), doneOn: "2026-11-11", by: officer, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            #expect(try await Reporting.openNotices(for: officer, on: app.db).isEmpty)
            #expect(try await Reporting.scan(today: "2026-11-12", now: noon("2026-11-12"), baseURL: nil, converter: ScriptConverterFixture.converter, on: app.db) == 0)
        }
    }

    /// A unit assigned in January 2024 that never reported owes every month since, and the
    /// overview counts them all; notices chase only the reports due in the last 90 days.
    @Test func longOverdueReportsAreCountedButOnlyRecentOnesChased() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            try await a.setNoticeAddresses(on: app.db)
            try await Self.setAssigned("2024-01-10", on: app.db)
            _ = try await Reporting.scan(today: "2026-11-29", now: fixedNow, baseURL: nil, converter: ScriptConverterFixture.converter, on: app.db)
            let chased = try await ReportNotice.query(on: app.db).filter(\.$unit.$id == a.cqUnit.id).sort(\.$dueOn).all()
            #expect(chased.map { "\($0.level) \($0.period!)" } == ["red 2026-08", "red 2026-09", "red 2026-10"])
            let overview = try await Dashboards.overview(today: "2026-11-29", on: app.db)
            let unit = overview.overdue.first { $0.unit.name == a.cqUnit.name }!
            #expect(unit.red + unit.yellow == 34)   // January 2024 to October 2026
        }
    }

    @Test func onlyTheSidesLiaisonOfficeSetsItsCadenceAndMistakesSaveNothing() async throws {
        try await withApp { (app: Application) async throws in
            _ = try await Accounts.make(on: app.db)
            let hk = try await Browser(app).login("hk-liaison")
            try await hk.get("/officer/reporting")
            let refused = try await hk.post("/officer/reporting", ["side": "cq", "frequency": "quarterly", "dueDay": "10", "remindDays": "5",
                                                                    "escalateDays": "10", "startsOn": "2026-01-01"])
            #expect(refused.0 == .forbidden)
            let (status, page) = try await hk.post("/officer/reporting", ["side": "hk", "frequency": "weekly", "dueDay": "31", "remindDays": "5",
                                                                           "escalateDays": "10", "startsOn": "2026-02-30"])
            #expect(status == .unprocessableEntity)
            #expect(page.contains("報送日須為 1 至 28。") && page.contains("請選擇每月或每季。") && page.contains("開始日期須為有效日期"))
            #expect(try await ReportingCadence.query(on: app.db).count() == 0)
            let saved = try await hk.post("/officer/reporting", ["side": "hk", "frequency": "quarterly", "dueDay": "10", "remindDays": "5",
                                                                  "escalateDays": "10", "startsOn": "2026-01-01"])
            #expect(saved.0 == .seeOther)
            let rules = try await Reporting.rules(on: app.db)
            #expect(rules[.hk]!.frequency == .quarterly && rules[.hk]!.dueDay == 10)
            #expect(rules[.cq]! == CadenceRule.defaults(startingOn: CalendarDay("2023-05-11")!))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "cadence.set").count() == 1)
        }
    }

    /// Backdates an update's events, as if it had been made at noon on `day`.
    static func backdate(_ update: ProgressUpdate, to day: String, on db: Database) async throws {
        let at = noon(day)
        try await db.sql.update(ProgressUpdate.schema).set("created_at", to: SQLBind(at)).set("approved_at", to: SQLBind(at))
            .where("id", .equal, SQLBind(update.requireID())).run()
        try await db.sql.update(AuditEvent.schema).set("at", to: SQLBind(at)).where("at", .greaterThan, SQLBind(noon("2026-11-20"))).run()
    }

    /// A report as of a day shows the records as they stood then; once made it is frozen,
    /// and it is public only after both liaison offices approve it, each approval audited.
    @Test func reportsStandAtTheirDayStayFrozenAndNeedBothApprovals() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let converter = ScriptConverterFixture.converter
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let first = try ProgressDraft.validate(period: "2026-10", status: "in_progress", percent: "30", narrative: "十月舉辦企業對接會。", evidence: nil, visibility: "public")
            try await Self.backdate(try await OfficerActions.postUpdate(first, measure: "1.1", by: cq, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db), to: "2026-10-15", on: app.db)
            let second = try ProgressDraft.validate(period: "2026-11", status: "delayed", percent: "40", narrative: "场地改期，对接会顺延。", evidence: nil, visibility: "public")
            try await Self.backdate(try await OfficerActions.postUpdate(second, measure: "1.1", by: cq, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db), to: "2026-11-10", on: app.db)

            let october = try await MeetingReports.build(asOf: CalendarDay("2026-10-31")!, now: fixedNow, converter: converter, on: app.db)
            let m11 = { (c: ReportContent) in c.measures.first { $0.number == "1.1" }! }
            #expect(m11(october).cq == .inProgress && m11(october).percent == 15 && october.delayed.isEmpty)
            #expect(october.areas[0].narratives.map(\.text.text) == ["十月舉辦企業對接會。"])
            let november = try await MeetingReports.build(asOf: CalendarDay("2026-11-15")!, since: CalendarDay("2026-10-31")!, now: fixedNow, converter: converter, on: app.db)
            #expect(m11(november).status == .delayed)
            #expect(november.delayed.map(\.number) == ["1.1"])
            #expect(november.delayed[0].reasons == [.init(kind: .reportedDelay, side: .cq, text: .init(text: "场地改期，对接会顺延。", script: "zh-Hans"))])
            #expect(november.changes.map { "\($0.on) \($0.measure) \($0.before ?? "") \($0.after ?? "")" } == ["2026-11-10 1.1 in_progress delayed"])
            #expect(november.updatesInPeriod == 1 && october.updatesInPeriod == 1)

            // Frozen: later work does not change the report.
            let report = try await MeetingReports.create(asOf: "2026-11-15", since: "2026-10-31", by: cq, now: fixedNow, converter: converter, on: app.db)
            let frozen = report.content
            let third = try ProgressDraft.validate(period: "2026-11", status: "in_progress", percent: "60", narrative: "對接會已舉行。", evidence: nil, visibility: "public")
            try await OfficerActions.postUpdate(third, measure: "1.1", by: cq, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            let stored = try await MeetingReport.find(report.id, on: app.db)!
            #expect(stored.content == frozen && MeetingReports.hash(stored.content) == stored.contentHash)
            #expect(try MeetingReports.content(of: stored) == november)

            // Not public until both sides approve; a unit officer and an admin cannot approve.
            let path = "/reports/\(report.id!.uuidString)"
            #expect(try await app.get(path).0 == .notFound)
            for username in ["cq-officer", "root"] {
                let b = try await Browser(app).login(username)
                try await b.get("/officer/overview")
                #expect(try await b.post("/officer/reports/\(report.id!.uuidString)/approve").0 == .forbidden)
            }
            let cqBrowser = try await Browser(app).login("cq-liaison")
            try await cqBrowser.get("/officer/reports/\(report.id!.uuidString)")
            #expect(try await cqBrowser.post("/officer/reports/\(report.id!.uuidString)/approve").0 == .seeOther)
            #expect(try await app.get(path).0 == .notFound)
            #expect(try await app.get("/reports").1.contains(report.asOf) == false)
            let hkBrowser = try await Browser(app).login("hk-liaison")
            try await hkBrowser.get("/officer/reports/\(report.id!.uuidString)")
            #expect(try await hkBrowser.post("/officer/reports/\(report.id!.uuidString)/approve").0 == .seeOther)
            let (status, page, _) = try await app.get(path + "?lang=zh-Hans")
            #expect(status == .ok && page.contains("场地改期，对接会顺延。") && !page.contains("對接會已舉行"))
            #expect(try await app.get("/reports").1.contains(report.asOf))
            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == MeetingReport.schema).sort(\.$at).all()
            #expect(events.map(\.action).sorted() == ["report.approve", "report.approve", "report.create", "report.publish"])
            #expect(events.filter { $0.action == "report.approve" }.allSatisfy { $0.after?.contains(report.contentHash) == true })
        }
    }

    @Test func reportFormRefusesBadDatesAndOnlyOfficesMakeReports() async throws {
        try await withApp { (app: Application) async throws in
            _ = try await Accounts.make(on: app.db)
            let cq = try await Browser(app).login("cq-liaison")
            try await cq.get("/officer/reports")
            let (status, page) = try await cq.post("/officer/reports", ["asOf": "2026-12-31", "since": "2027-01-01"])
            #expect(status == .unprocessableEntity && page.contains("截至日期須為今日或以前") && page.contains("「自」日期須為截至日期以前"))
            #expect(try await MeetingReport.query(on: app.db).count() == 0)
            let unit = try await Browser(app).login("cq-officer")
            #expect(try await unit.get("/officer/reports").0 == .forbidden)
            #expect(try await unit.get("/officer/overview").0 == .forbidden)
            #expect(try await cq.post("/officer/reports", ["asOf": "2026-11-29"]).0 == .seeOther)
            #expect(try await MeetingReport.query(on: app.db).count() == 1)
        }
    }

    /// The overview's charts are SVG images with a title and description, each followed by
    /// the table of its numbers.
    @Test func overviewChartsCarryTheirNumbersInTables() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let draft = try ProgressDraft.validate(period: "2026-11", status: "delayed", percent: "10", narrative: "延後。", evidence: nil, visibility: "internal")
            try await OfficerActions.postUpdate(draft, measure: "1.1", by: cq, converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            let browser = try await Browser(app).login("hk-liaison")
            let (status, page) = try await browser.get("/officer/overview")
            #expect(status == .ok)
            #expect(page.components(separatedBy: "role=\"img\"").count - 1 == 3)   // status, lights, completed (no overdue, no feedback yet)
            #expect(page.components(separatedBy: "<table class=\"data\"").count - 1 == 4)
            // The first area's Chongqing row: one delayed, six not started.
            let d = try await Dashboards.overview(today: "2026-11-29", on: app.db)
            #expect(d.areas[0].status[.cq] == [.delayed: 1, .notStarted: 6] && d.areas[0].light[.cq] == [.red: 1, .grey: 6])
            #expect(page.contains("<title>一、“一帶一路”建設和經貿投資 · 渝方 · 延誤: 1</title>"))
        }
    }

    /// The feedback figures are counted in SQL from the answers' stored working days; here they
    /// are checked against the same figures counted case by case.
    @Test func feedbackFiguresMatchACountOverTheCases() async throws {
        try await withApp { (app: Application) async throws in
            try await app.db.transaction { tx in
                var demo = DemoData(db: tx, today: CalendarDay("2026-11-29")!)
                try await demo.seed(updates: 120, cases: 400)
            }
            let figures = try await MeetingReports.feedbackFigures(after: "2025-11-29", through: "2026-11-29", fold: { $0 }, on: app.db)
            let cases = try await FeedbackCase.query(on: app.db).all()
            let received = cases.filter { $0.receivedOn > "2025-11-29" && $0.receivedOn <= "2026-11-29" }
            let answered = cases.filter { ($0.answeredOn ?? "") > "2025-11-29" && ($0.answeredOn ?? "") <= "2026-11-29" }
            #expect(figures.overall.received == received.count && received.count > 50)
            #expect(figures.overall.answered == answered.count)
            #expect(figures.overall.answeredWithinDeadline == answered.filter { $0.answeredOn! <= $0.replyDueOn }.count)
            #expect(figures.overall.medianDaysToReply == CaseRecords.median(answered.compactMap(\.replyWorkingDays)))
            #expect(figures.byArea[11]!.received == received.filter { $0.areaNumber == 11 }.count)
            #expect(figures.overall.byMonth.map(\.count).reduce(0, +) == received.count)
            #expect(!figures.byArea[11]!.terms.isEmpty && figures.byArea[11]!.terms.allSatisfy { $0.count >= 3 })
        }
    }

    @Test func exportsCarryTheReportInEveryFormat() async throws {
        try await withApp { (app: Application) async throws in
            let content = try await MeetingReports.build(asOf: CalendarDay("2026-11-29")!, now: fixedNow, converter: ScriptConverterFixture.converter, on: app.db)
            let hans = Localizer(language: .zhHans, converter: ScriptConverterFixture.converter)
            let csv = try ReportExport.render(content, as: .csv, hans)
            #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(String(decoding: csv, as: UTF8.self).contains("措施总数,47"))
            let json = try MeetingReports.decoder().decode(ReportContent.self, from: try ReportExport.render(content, as: .json, hans))
            #expect(json.headline.measures == 47 && json.measures[0].text.script == "zh-Hans" && json.measures[0].text.text.contains("鼓励两地企业"))
            let html = String(decoding: try ReportExport.render(content, as: .html, hans), as: UTF8.self)
            #expect(html.contains("<html lang=\"zh-Hans\">") && html.contains("@media print") && html.contains("一、总体情况"))
            // The XLSX is a ZIP whose parts are found through its central directory with matching CRCs.
            let xlsx = try ReportExport.render(content, as: .xlsx, hans)
            let parts = try ZIPReader.entries(xlsx)
            #expect(parts.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
                                            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"])
            #expect(String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self).contains("<sheet name=\"措施\" sheetId=\"2\""))
        }
    }
}

/// Reads a stored-entry ZIP through its central directory, checking each entry's CRC-32.
enum ZIPReader {
    struct Broken: Error {}

    static func entries(_ data: Data) throws -> [String: Data] {
        let bytes = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else { throw Broken() }
        var offset = u32(end + 16), result: [String: Data] = [:]
        for _ in 0..<u16(end + 10) {
            guard u32(offset) == 0x0201_4B50 else { throw Broken() }
            let crc = UInt32(u32(offset + 16)), size = u32(offset + 20), nameLength = u16(offset + 28), extra = u16(offset + 30), comment = u16(offset + 32)
            let local = u32(offset + 42)
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            guard u32(local) == 0x0403_4B50 else { throw Broken() }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            let body = Data(bytes[start..<(start + size)])
            guard ZIP.crc32(body) == crc else { throw Broken() }
            result[name] = body
            offset += 46 + nameLength + extra + comment
        }
        return result
    }
}
