@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct LoginTests {
    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = Browser(app)
            try await browser.get("/login")
            let (wrong, wrongPage) = try await browser.post("/login", ["username": "cq-officer", "password": "not the password"])
            let (unknown, unknownPage) = try await browser.post("/login", ["username": "nobody", "password": "not the password"])
            #expect(wrong == .unauthorized)
            #expect(unknown == .unauthorized)
            #expect(wrongPage.contains("用戶名或密碼不正確，或帳戶已暫時鎖定"))
            #expect(unknownPage == wrongPage.replacingOccurrences(of: "value=\"cq-officer\"", with: "value=\"nobody\""))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "login.failed").count() == 2)
            #expect(try await browser.get("/officer").0 == .seeOther)
        }
    }

    @Test func logInGivesANewSessionAndLogOutEndsIt() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = Browser(app)
            try await browser.get("/login")
            let before = browser.cookies["yugang_session"]
            #expect(before != nil)
            try await browser.login("cq-officer")
            let after = try #require(browser.cookies["yugang_session"])
            #expect(after != before)
            #expect(browser.lastLocation == "/officer")
            let (status, page) = try await browser.get("/officer")
            #expect(status == .ok)
            #expect(page.contains("本單位的措施"))
            try await browser.post("/logout")
            #expect(try await browser.get("/officer").0 == .seeOther)
            // The old session cookie is worth nothing now.
            browser.cookies["yugang_session"] = after
            #expect(try await browser.get("/officer").0 == .seeOther)
        }
    }

    @Test func aOneTimePasswordMustBeChangedFirst() async throws {
        try await withApp { app in
            let password = try #require(try await Bootstrap.createAdmin(on: app.db))
            let browser = Browser(app)
            try await browser.login("admin", password: password)
            #expect(browser.lastLocation == "/officer/password")
            #expect(try await browser.get("/officer").0 == .seeOther)
            #expect(browser.lastLocation == "/officer/password")
            try await browser.get("/officer/password")
            let (short, page) = try await browser.post("/officer/password", ["current": password, "new": "short", "confirm": "short"])
            #expect(short == .unprocessableEntity)
            #expect(page.contains("密碼須至少 12 個字元。"))
            #expect(page.contains("aria-invalid=\"true\""))
            let (ok, _) = try await browser.post("/officer/password", ["current": password, "new": "a much longer secret", "confirm": "a much longer secret"])
            #expect(ok == .seeOther)
            #expect(try await browser.get("/officer").0 == .ok)
        }
    }

    @Test func nextAfterLogInStaysOnThisSite() {
        #expect(AccountsController.safeNext("/officer/measures/1.1") == "/officer/measures/1.1")
        #expect(AccountsController.safeNext("//evil.example") == "/officer")
        #expect(AccountsController.safeNext("https://evil.example") == "/officer")
        #expect(AccountsController.safeNext(nil) == "/officer")
    }

    @Test func formsWithoutTheCSRFTokenAreRefusedAndSaveNothing() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = try await Browser(app).login("cq-officer")
            let form = ["period": "2026-11", "status": "in_progress", "percent": "20", "narrative": "進展", "visibility": "internal"]
            let (status, page) = try await browser.post("/officer/measures/1.1/updates", form, csrf: false)
            #expect(status == .forbidden)
            #expect(page.contains("表格已過期"))
            let (wrong, _) = try await browser.post("/officer/measures/1.1/updates", form.merging([CSRF.field: "forged"]) { $1 }, csrf: false)
            #expect(wrong == .forbidden)
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
            // A log-in form without the token is refused too.
            #expect(try await Browser(app).post("/login", ["username": "cq-officer", "password": Accounts.password], csrf: false).0 == .forbidden)
        }
    }
}

@Suite struct ProgressWorkflowTests {
    let form = ["period": "2026-11", "status": "in_progress", "percent": "40",
                "narrative": "已與香港貿發局舉辦對接會，渝企 30 家參與。", "evidence": "https://www.example.gov.hk/news/1", "visibility": "public"]

    @Test func aUnitsPublicUpdateWaitsForItsLiaisonOffice() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/measures/1.1")
            let (status, _) = try await officer.post("/officer/measures/1.1/updates", form)
            #expect(status == .seeOther)
            let update = try #require(try await ProgressUpdate.query(on: app.db).first())
            #expect(update.visibility == .internal)
            #expect(update.publishRequested)
            #expect(update.side == .cq)
            #expect(update.script == "zh-Hant")
            // Not public yet, but the side's status moved.
            #expect(!(try await app.get("/measures/1.1").1.contains("渝企 30 家參與")))
            #expect(try await app.get("/measures/1.1").1.contains("<span class=\"status status-in_progress\">推進中</span> 40%"))

            let liaison = try await Browser(app).login("cq-liaison")
            let (_, dashboard) = try await liaison.get("/officer")
            #expect(dashboard.contains("待批准公開的進展"))
            #expect(try await liaison.post("/officer/updates/\(update.requireID())/publish").0 == .seeOther)
            let publicPage = try await app.get("/measures/1.1").1
            #expect(publicPage.contains("渝企 30 家參與"))
            #expect(publicPage.contains("https://www.example.gov.hk/news/1"))
            let simplified = try await app.get("/measures/1.1?lang=zh-Hans").1
            #expect(simplified.contains("已与香港贸发局举办对接会"))

            let actions = try await AuditEvent.query(on: app.db).filter(\.$measureID == update.$measure.id).all().map(\.action)
            #expect(Set(actions) == ["progress.create", "side.status", "progress.publish"])
            let (_, officerPage) = try await liaison.get("/officer/measures/1.1")
            #expect(officerPage.contains("progress.publish"))
            #expect(officerPage.contains("CQ-LIAISON (cq-liaison)"))
        }
    }

    @Test func invalidFormValuesComeBackBesideTheFieldsAndNothingIsSaved() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/measures/1.1?lang=en")
            var bad = form
            bad["percent"] = "140"
            bad["period"] = "November"
            bad["evidence"] = "javascript:alert(1)"
            let (status, page) = try await officer.post("/officer/measures/1.1/updates", bad)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("Percent must be a whole number from 0 to 100."))
            #expect(page.contains("The period must be a month (2026-11) or a quarter (2026-Q4)."))
            #expect(page.contains("Evidence must be http:// or https:// links"))
            #expect(page.contains("id=\"u-percent\"") && page.contains("value=\"140\""))
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "progress.create").count() == 0)
        }
    }

    @Test func completedOnlyAfterBothLiaisonOfficesSignOff() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            var done = form
            done["status"] = "completed"
            done["percent"] = "100"
            let cq = try await Browser(app).login("cq-liaison")
            try await cq.get("/officer/measures/1.1")
            // Sign-off before the side is reported completed is refused.
            #expect(try await cq.post("/officer/measures/1.1/signoff").0 == .unprocessableEntity)
            #expect(try await cq.post("/officer/measures/1.1/updates", done).0 == .seeOther)
            #expect(try await cq.post("/officer/measures/1.1/signoff").0 == .seeOther)
            #expect(try await app.get("/measures/1.1").1.contains("<p class=\"state\"><span class=\"status status-in_progress\">"))

            let hk = try await Browser(app).login("hk-liaison")
            try await hk.get("/officer/measures/1.1")
            #expect(try await hk.post("/officer/measures/1.1/updates", done).0 == .seeOther)
            #expect(try await hk.post("/officer/measures/1.1/signoff").0 == .seeOther)
            let page = try await app.get("/measures/1.1").1
            #expect(page.contains("<p class=\"state\"><span class=\"status status-completed\">已完成</span>"))
            #expect(try await app.get("/").1.contains("已完成 1"))

            // A later update that is no longer complete withdraws that side's sign-off.
            var reopened = form
            reopened["visibility"] = "internal"
            #expect(try await hk.post("/officer/measures/1.1/updates", reopened).0 == .seeOther)
            #expect(!(try await app.get("/measures/1.1").1.contains("<p class=\"state\"><span class=\"status status-completed\">")))
        }
    }

    @Test func anOverdueMilestoneTurnsTheMeasureRed() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/measures/1.1")
            #expect(try await officer.post("/officer/measures/1.1/milestones", ["title": "簽訂合作備忘錄", "dueOn": "2026-11-20"]).0 == .seeOther)
            let page = try await app.get("/measures/1.1").1
            #expect(page.contains("<span class=\"light light-red\">已逾期</span>"))
            #expect(page.contains("簽訂合作備忘錄"))
            #expect(try await officer.post("/officer/measures/1.1/milestones", ["title": "", "dueOn": "2026-02-30"]).0 == .unprocessableEntity)
            let milestone = try #require(try await Milestone.query(on: app.db).first())
            #expect(try await officer.post("/officer/milestones/\(milestone.requireID())/done").0 == .seeOther)
            #expect(try await app.get("/measures/1.1").1.contains("已完成於 2026-11-29"))
            #expect(!(try await app.get("/measures/1.1").1.contains("light-red")))
        }
    }
}
