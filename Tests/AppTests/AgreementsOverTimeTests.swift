@testable import App
import Fluent
import Foundation
import Memorandum
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor
import WorkCalendar

/// A mechanism across its meetings, and several mechanisms on one platform.
@Suite struct AgreementsOverTimeTests {
    /// The second meeting's memorandum: the first one's text, with measure 4.3 done with and
    /// 4.2 reworded.
    static func secondMeetingText() throws -> String {
        var text = try ShippedMemoranda.text()
        text = text.replacingOccurrences(of: "第一次會議", with: "第二次會議")
        text = text.replacingOccurrences(of: "2023 年 5 月 11 日", with: "2025 年 6 月 20 日")
        text = text.replacingOccurrences(of: "3. 通過“窄改寬”增加客機腹倉載貨量。", with: "")
        text = text.replacingOccurrences(of: "2. 鼓勵開展物流及貿易招商工作", with: "2. 繼續鼓勵開展物流及貿易招商工作")
        return text
    }

    static func officer(_ user: User, on app: Application) async throws -> Officer {
        var o = try await Officer(User.query(on: app.db).filter(\.$id == user.requireID()).with(\.$unit).first()!)
        if let unitID = o.unitID {
            o.mechanismIDs = Set(try await UnitMechanism.query(on: app.db).filter(\.$unit.$id == unitID).all().map(\.mechanismID))
        }
        return o
    }

    static func importSecondMeeting(on app: Application) async throws -> Agreement {
        let text = try secondMeetingText()
        let outcome = try await AgreementImporter.store(try MemorandumParser.parse(text), sourceText: text, sourceName: "second.txt",
                                                        script: .traditional, actor: "test", on: app.db)
        #expect(outcome == .created(revision: 1))
        return try #require(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").with(\.$signedAt).first())
    }

    @Test func theSecondMeetingsMemorandumCarriesTheFirstOnesMeasuresWithTheirHistory() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let cq = try await Self.officer(a.cqLiaison, on: app)
            let hk = try await Self.officer(a.hkLiaison, on: app)
            let converter = ScriptConverterFixture.converter
            let report = try ProgressDraft.validate(period: "2025-05", status: "in_progress", percent: "40", narrative: "已引入三家香港物流企業。",
                                                    evidence: nil, visibility: "public")
            try await OfficerActions.postUpdate(report, measure: "4.2", by: cq, converter: converter, now: app.clock.now(),
                                                observers: app.progressObservers, on: app.db)

            let second = try await Self.importSecondMeeting(on: app)
            #expect(second.signedAt?.number == 2 && second.signedAt?.title == "第二次會議")
            #expect(try await Measure.query(on: app.db).filter(\.$agreement.$id == second.requireID()).count() == 46)
            // The first memorandum's measures keep their addresses; the second's carry its slug.
            let first = try #require(try await MeasureKey.find("4.2", on: app.db))
            #expect(first.$agreement.id != second.id)
            #expect(try await MeasureKey.find("yugang-2.4.2", on: app.db)?.text.hasPrefix("繼續鼓勵") == true)
            // The home page shows the memorandum in force now.
            let (_, home, _) = try await app.get("/")
            #expect(home.contains("第二次會議"))

            let proposal = try await Lineage.proposal(for: second.requireID(), converter: converter, on: app.db)
            #expect(proposal.rows.count == 47)
            let rows = Dictionary(uniqueKeysWithValues: proposal.rows.map { ($0.predecessor.key, $0) })
            #expect(rows["4.3"]?.outcome == .dropped && rows["4.3"]?.successors == [])
            #expect(rows["4.2"]?.outcome == .continued && rows["4.2"]?.successors == ["4.2"])
            #expect(rows["11.2"]?.outcome == .continued && rows["11.2"]?.successors == ["11.2"])
            #expect(proposal.rows.filter { $0.outcome == .continued }.count == 46)

            // A unit officer may not confirm; a liaison officer of either side may.
            let unitOfficer = try await Self.officer(a.cqOfficer, on: app)
            let decisions = proposal.rows.map { Lineage.Decision(predecessorID: $0.predecessor.id, outcome: $0.outcome, successors: $0.successors) }
            await #expect(throws: AppError.self) {
                try await Lineage.confirm(decisions, agreementID: second.requireID(), stamp: proposal.stamp, by: unitOfficer, on: app.db)
            }
            try await Lineage.confirm(decisions, agreementID: second.requireID(), stamp: proposal.stamp, by: hk, on: app.db)
            #expect(try await MeasureLink.query(on: app.db).count() == 47)

            // The continued measure starts where its predecessor stood, and shows its history.
            let detail = try #require(try await PortalQueries.measure("yugang-2.4.2", on: app.db, today: app.clock.today))
            #expect(detail.measure.sides.first { $0.side == .cq }?.percent == 40)
            #expect(detail.predecessors.map(\.step.measure.key) == ["4.2"])
            #expect(detail.predecessors.first?.updates.map(\.narrative) == ["已引入三家香港物流企業。"])
            let (status, page, _) = try await app.get("/measures/yugang-2.4.2")
            #expect(status == .ok && page.contains("已引入三家香港物流企業") && page.contains("延續自"))
            let (_, dropped, _) = try await app.get("/measures/4.3")
            #expect(dropped.contains("不再延續"))

            // The report to the meeting covers the new memorandum and says what became of the old one's measures.
            let content = try await MeetingReports.build(asOf: CalendarDay("2026-11-29")!, now: fixedNow, converter: converter, on: app.db)
            #expect(content.agreementTitle.text.contains("第二次會議") && content.measures.count == 46)
            #expect(content.sinceLastMeeting?.count == 47 && content.unmapped == 0)
            #expect(content.sinceLastMeeting?.first { $0.measure == "4.3" }?.outcome == "dropped")
            #expect(content.sinceLastMeeting?.first { $0.measure == "4.2" }?.into == ["4.2"])
            #expect(content.measures.first { $0.number == "4.2" }?.cq == .inProgress)

            // A form shown before the confirmation is stale now: nothing is changed.
            await #expect(throws: AppError.self) {
                try await Lineage.confirm(decisions, agreementID: second.requireID(), stamp: proposal.stamp, by: cq, on: app.db)
            }
            let again = try await Lineage.proposal(for: second.requireID(), converter: converter, on: app.db)
            #expect(again.rows.allSatisfy { $0.confirmed })
        }
    }

    @Test func aMappingThatDoesNotAddUpIsRefusedWhole() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let hk = try await Self.officer(a.hkLiaison, on: app)
            let second = try await Self.importSecondMeeting(on: app)
            let proposal = try await Lineage.proposal(for: second.requireID(), converter: ScriptConverterFixture.converter, on: app.db)
            var decisions = proposal.rows.map { Lineage.Decision(predecessorID: $0.predecessor.id, outcome: $0.outcome, successors: $0.successors) }
            decisions[0].outcome = .split
            decisions[1].successors = ["99.9"]
            decisions[2].outcome = .completed
            do {
                try await Lineage.confirm(decisions, agreementID: second.requireID(), stamp: proposal.stamp, by: hk, on: app.db)
                Issue.record("a wrong mapping was stored")
            } catch AppError.invalid(let errors) {
                #expect(errors.fields.count == 3)
            }
            #expect(try await MeasureLink.query(on: app.db).count() == 0)
        }
    }

    @Test func twoOfficersConfirmingAtOnceGetOneSuccessAndOneConflict() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let cq = try await Self.officer(a.cqLiaison, on: app)
            let hk = try await Self.officer(a.hkLiaison, on: app)
            let second = try await Self.importSecondMeeting(on: app)
            let id = try second.requireID()
            let proposal = try await Lineage.proposal(for: id, converter: ScriptConverterFixture.converter, on: app.db)
            let decisions = proposal.rows.map { Lineage.Decision(predecessorID: $0.predecessor.id, outcome: $0.outcome, successors: $0.successors) }
            let (x, y) = await ConcurrencyTests.together(app,
                { db in try await Lineage.confirm(decisions, agreementID: id, stamp: proposal.stamp, by: cq, on: db) },
                { db in try await Lineage.confirm(decisions, agreementID: id, stamp: proposal.stamp, by: hk, on: db) })
            #expect(ConcurrencyTests.succeeded(x) != ConcurrencyTests.succeeded(y))
            #expect(ConcurrencyTests.isConflict(x) || ConcurrencyTests.isConflict(y))
            #expect(try await MeasureLink.query(on: app.db).count() == 47)
        }
    }

    /// A second mechanism (粵港) beside 渝港: its own mainland office and unit; the Hong Kong
    /// liaison office belongs to both.
    @Test func officersOfOneMechanismCannotReadOrChangeAnothers() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            var text = try ShippedMemoranda.text().replacingOccurrences(of: "渝港高層會晤暨渝港合作會議", with: "粵港合作聯席會議")
            text = text.replacingOccurrences(of: "第一次會議", with: "第二十一次會議")
            _ = try await AgreementImporter.store(try MemorandumParser.parse(text), sourceText: text, sourceName: nil, script: .traditional,
                                                  into: .init(mechanismSlug: "yuegang", mechanismName: "粵港合作聯席會議"), actor: "test", on: app.db)
            let yuegang = try #require(try await Mechanism.query(on: app.db).filter(\.$slug == "yuegang").first())
            let document = try #require(try await Agreement.query(on: app.db).filter(\.$mechanism.$id == yuegang.requireID()).first())
            #expect(document.slug == "yuegang-21")
            let key = "yuegang-21.1.1"
            #expect(try await MeasureKey.find(key, on: app.db) != nil)

            // 粵港's mainland office and one of its units, with an officer each.
            let office = App.Unit(name: "廣東省人民政府港澳事務辦公室", side: .cq, script: "zh-Hant", isLiaisonOffice: true)
            let unit = App.Unit(name: "廣東省商務廳", side: .cq, script: "zh-Hant")
            let hash = try Bcrypt.hash(Accounts.password, cost: 4)
            for (u, username, role) in [(office, "gd-liaison", UserRole.liaison), (unit, "gd-officer", .unitOfficer)] {
                try await u.create(on: app.db)
                try await UnitMechanism.join(unitID: u.requireID(), mechanismIDs: [yuegang.requireID()], on: app.db)
                try await User(username: username, displayName: username, passwordHash: hash, role: role, unitID: u.id, mustChangePassword: false)
                    .create(on: app.db)
            }
            let measure = try #require(try await MeasureKey.find(key, on: app.db))
            try await Assignment(measureID: measure.requireID(), unitID: unit.requireID(), role: .lead).create(on: app.db)
            let cq = try await Self.officer(a.cqLiaison, on: app)
            try await OfficerActions.addMilestone(measure: "1.1", title: "渝港節點", dueOn: "2026-12-31", by: cq, converter: ScriptConverterFixture.converter, on: app.db)
            let milestone = try #require(try await Milestone.query(on: app.db).filter(\.$title == "渝港節點").first())
            let draft = try ProgressDraft.validate(period: "2026-11", status: "in_progress", percent: "10", narrative: "渝港進展。", evidence: nil, visibility: "internal")
            let update = try await OfficerActions.postUpdate(draft, measure: "1.1", by: try await Self.officer(a.cqOfficer, on: app),
                                                             converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)

            let report = ["period": "2026-11", "status": "in_progress", "percent": "20", "narrative": "進展。", "visibility": "internal"]
            // The other mechanism's measures are not found, whatever the route; their own are.
            for (username, own, other) in [("gd-liaison", key, "1.1"), ("gd-officer", key, "1.1"), ("cq-liaison", "1.1", key), ("cq-officer", "1.1", key)] {
                let browser = Browser(app)
                try await browser.login(username)
                #expect(try await browser.get("/officer/measures/\(own)").0 == .ok, "\(username) reads \(own)")
                #expect(try await browser.get("/officer/measures/\(other)").0 == .notFound, "\(username) reads \(other)")
                for path in ["updates", "milestones", "signoff", "signoff/revoke"] {
                    let status = try await browser.post("/officer/measures/\(other)/\(path)", report.merging(["title": "x", "dueOn": "2026-12-31"]) { a, _ in a }).0
                    #expect(status == .notFound, "\(username) posts \(path) on \(other)")
                }
                #expect(try await browser.post("/officer/measures/\(other)/assignments", ["unit": unit.id!.uuidString, "role": "lead"]).0 == .notFound)
                if username.hasPrefix("gd") {
                    #expect(try await browser.post("/officer/milestones/\(milestone.id!.uuidString)/done").0 != .seeOther)
                    #expect(try await browser.post("/officer/updates/\(update.id!.uuidString)/publish").0 == .notFound)
                }
            }
            // The API holds the same line: a token of 粵港's officer writes to its measure, not to 渝港's.
            let api = WriteAPITests()
            let token = try await api.token(for: "gd-officer", on: app)
            let json = #"{"period":"2026-11","status":"ongoing","percent":30,"narrative":"粵港進展","visibility":"internal"}"#
            #expect(try await api.post(app, "/api/v1/measures/1.1/updates", token: token, json: json).0 == .notFound)
            #expect(try await api.post(app, "/api/v1/measures/\(key)/updates", token: token, json: json).0 == .created)

            // Each dashboard lists the measures of its own mechanisms; a report of one is not found by the other.
            let gd = Browser(app)
            try await gd.login("gd-liaison")
            let gdHome = try await gd.get("/officer").1
            #expect(gdHome.contains("/officer/measures/\(key)") && !gdHome.contains("/officer/measures/1.1\""))
            let cqBrowser = Browser(app)
            try await cqBrowser.login("cq-liaison")
            let cqHome = try await cqBrowser.get("/officer").1
            #expect(cqHome.contains("/officer/measures/1.1\"") && !cqHome.contains("yuegang"))
            let frozen = try await MeetingReports.create(asOf: "2026-11-29", since: nil, by: cq, now: fixedNow, converter: ScriptConverterFixture.converter, on: app.db)
            #expect(try await gd.get("/officer/reports/\(frozen.id!.uuidString)").0 == .notFound)
            #expect(try await cqBrowser.get("/officer/reports/\(frozen.id!.uuidString)").0 == .ok)
            #expect(!(try await gd.get("/officer/reports").1.contains(frozen.id!.uuidString)))
            let gdOfficer = try await Self.officer(try #require(try await User.query(on: app.db).filter(\.$username == "gd-liaison").first()), on: app)
            await #expect(throws: AppError.self) {
                try await MeetingReports.create(asOf: "2026-11-29", since: nil, agreementID: try await PortalQueries.currentAgreement(on: app.db).requireID(),
                                                by: gdOfficer, now: fixedNow, converter: ScriptConverterFixture.converter, on: app.db)
            }

            // Search across both, or in one mechanism's measures.
            let (_, everywhere, _) = try await app.get("/search?q=%E7%AA%84%E6%94%B9%E5%AF%AC")
            #expect(everywhere.contains("/measures/4.3\"") && everywhere.contains("/measures/\(document.slug).4.3\""))
            let (_, inOne, _) = try await app.get("/search?q=%E7%AA%84%E6%94%B9%E5%AF%AC&category=yuegang")
            #expect(!inOne.contains("/measures/4.3\"") && inOne.contains("/measures/\(document.slug).4.3\"") && inOne.contains("粵港合作聯席會議"))

            // The Hong Kong liaison office takes part in both.
            let hk = Browser(app)
            try await hk.login("hk-liaison")
            #expect(try await hk.get("/officer/measures/1.1").0 == .ok)
            #expect(try await hk.get("/officer/measures/\(key)").0 == .ok)
            let hkHome = try await hk.get("/officer").1
            #expect(hkHome.contains("/officer/measures/\(key)") && hkHome.contains("/officer/measures/1.1\""))
            #expect(try await Milestone.find(milestone.id, on: app.db)?.doneOn == nil)
            #expect(try await ProgressUpdate.find(update.id, on: app.db)?.visibility == .internal)
        }
    }

    /// Units a measure's text names are proposed for an officer to confirm, matched by name or alias in either script.
    @Test func unitsTheTextNamesAreProposedAndConfirmedAsAssignments() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            var text = try Self.secondMeetingText()
            text = text.replacingOccurrences(of: "推動“重慶國際物流樞紐園區建設”。", with: "推動“重慶國際物流樞紐園區建設”。（牽頭單位：市商務委；配合單位：香港貿發局）")
            _ = try await AgreementImporter.store(try MemorandumParser.parse(text), sourceText: text, sourceName: nil, script: .traditional,
                                                  actor: "test", on: app.db)
            let measure = try #require(try await MeasureKey.find("yugang-2.4.2", on: app.db))
            #expect(measure.namedLeads == ["市商務委"] && measure.namedSupports == ["香港貿發局"])

            // The lead is found by its name (the unit's full name holds it, in the other script);
            // the supporting unit goes by a short name nobody has recorded yet.
            let hk = Browser(app)
            try await hk.login("hk-liaison")
            var page = try await hk.get("/officer/measures/yugang-2.4.2").1
            #expect(page.contains("市商務委</span> → <span lang=\"zh-Hant\">重慶市商務委員會") && page.contains("沒有相符的已知單位"))
            #expect(!page.contains("name=\"unit\" value=\"\(a.hkUnit.id!.uuidString)\""))
            let admin = Browser(app)
            try await admin.login("root")
            try await admin.get("/officer/units")
            try await admin.post("/officer/units/\(a.hkUnit.id!.uuidString)/contacts", ["email": "", "webhook": "", "aliases": "香港贸发局、貿發局"])
            let aliases = try await App.Unit.find(a.hkUnit.id, on: app.db)?.aliases
            #expect(aliases == ["香港贸发局", "貿發局"])
            page = try await hk.get("/officer/measures/yugang-2.4.2").1
            #expect(!page.contains("沒有相符的已知單位"))
            #expect(page.contains("name=\"unit\" value=\"\(a.hkUnit.id!.uuidString)\""))
            try await hk.post("/officer/measures/yugang-2.4.2/assignments", ["unit": a.hkUnit.id!.uuidString, "role": "support"])
            let assigned = try await Assignment.query(on: app.db).filter(\.$measure.$id == measure.requireID()).all()
            #expect(assigned.map(\.$unit.id) == [a.hkUnit.id] && assigned.first?.role == .support)
            #expect(try await hk.get("/officer/measures/yugang-2.4.2").1.contains("✓"))
        }
    }
}
