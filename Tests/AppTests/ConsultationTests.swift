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

/// Knowledge-base entries written through the officer form.
func writeEntry(_ browser: Browser, _ app: Application, title: String, body: String, category: String = "education",
                visibility: String = "public", reviewOn: String = "2027-06-30", measures: String = "11.1, 11.2") async throws -> UUID {
    let categoryID = try #require(try await Category.query(on: app.db).filter(\.$slug == category).first()?.requireID())
    try await browser.get("/officer/kb/new")
    let (status, _) = try await browser.post("/officer/kb/new", [
        "kind": "article", "title": title, "body": body, "category": categoryID.uuidString, "visibility": visibility,
        "measures": measures, "effectiveOn": "2026-09-01", "reviewOn": reviewOn,
    ])
    #expect(status == .seeOther)
    return try #require(try await Article.query(on: app.db).filter(\.$title == title).first()?.requireID())
}

@Suite struct KnowledgeBaseTests {
    @Test func aPublicEntryShowsInBothScriptsWithItsOwnerAndReviewDate() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            let id = try await writeEntry(officer, app, title: "港澳居民子女入讀重慶中小學",
                                          body: "在渝港人子女可憑**港澳居民居住證**申請入學。\n\n[教育局](https://jw.cq.gov.cn/)")
            let (status, page, _) = try await app.get("/help/articles/\(id)")
            #expect(status == .ok)
            #expect(page.contains("<strong>港澳居民居住證</strong>"))
            #expect(page.contains("<a href=\"https://jw.cq.gov.cn/\">教育局</a>"))
            #expect(page.contains("重庆市商务委员会") || page.contains("重慶市商務委員會"))
            #expect(page.contains("2027-06-30"))
            #expect(page.contains("href=\"/measures/11.2\""))
            let (_, hans, _) = try await app.get("/help/articles/\(id)?lang=zh-Hans")
            #expect(hans.contains("港澳居民子女入读重庆中小学"))
            #expect(try await app.get("/help/education").1.contains("港澳居民子女入讀重慶中小學"))
            #expect(try await app.get("/help").1.contains("教育</a> (1)"))
        }
    }

    @Test func rawHTMLAndScriptLinksInMarkdownAreInert() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            let id = try await writeEntry(officer, app, title: "測試條目",
                                          body: "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[點我](javascript:alert(3))")
            let (_, page, _) = try await app.get("/help/articles/\(id)")
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<img src=x"))
            #expect(!page.contains("href=\"javascript:"))
        }
    }

    @Test func draftsStayOffThePublicSiteAndEditsKeepRevisions() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            let id = try await writeEntry(officer, app, title: "草稿條目", body: "未公開的內容", visibility: "draft")
            #expect(try await app.get("/help/articles/\(id)").0 == .notFound)
            #expect(try await app.get("/search?q=未公開").1.contains("找到 0 項結果"))
            try await officer.get("/officer/kb/\(id)")
            let category = try #require(try await Category.query(on: app.db).filter(\.$slug == "education").first()?.requireID())
            #expect(try await officer.post("/officer/kb/\(id)", ["kind": "article", "title": "已公開條目", "body": "公開的內容", "category": category.uuidString,
                                                                 "visibility": "public", "reviewOn": "2026-01-31"]).0 == .seeOther)
            #expect(try await app.get("/help/articles/\(id)").1.contains("已逾期，內容可能已過時"))
            let revisions = try await ArticleRevision.query(on: app.db).filter(\.$article.$id == id).sort(\.$number).all()
            #expect(revisions.map(\.title) == ["草稿條目", "已公開條目"])
            #expect(revisions.allSatisfy { $0.changedBy == "CQ-OFFICER (cq-officer)" })
            #expect(try await officer.get("/officer/kb/\(id)").1.contains("#1"))
            // Another unit may not edit it; invalid values are shown beside the fields.
            let hk = try await Browser(app).login("hk-officer")
            try await hk.get("/officer/kb")
            #expect(try await hk.post("/officer/kb/\(id)", ["title": "x"]).0 == .forbidden)
            let (invalid, page) = try await officer.post("/officer/kb/\(id)", ["title": "", "reviewOn": "someday"])
            #expect(invalid == .unprocessableEntity)
            #expect(page.contains("請填寫下次檢視日期。"))
        }
    }
}

@Suite struct SearchPageTests {
    @Test func findsMeasuresAndEntriesInAnyScriptWithMarkedSnippets() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            _ = try await writeEntry(officer, app, title: "港澳居民來往內地通行證的補領", body: "遺失通行證後可於出入境辦理補領。", category: "travel")
            let (status, page, _) = try await app.get("/search?q=" + "一站式".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(status == .ok)
            #expect(page.contains("找到 2 項結果"))
            #expect(page.contains("<mark>一站式</mark>"))
            // Simplified query, Traditional page; the synonym 回鄉證 finds the 通行證 entry.
            let (_, viaSynonym, _) = try await app.get("/search?q=" + "回乡证".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(viaSynonym.contains("港澳居民來往內地通行證的補領"))
            let (_, hans, _) = try await app.get("/search?lang=zh-Hans&q=" + "通行證".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(hans.contains("<mark>通行证</mark>"))
            // Filters and pages.
            let (_, measures, _) = try await app.get("/search?type=article&q=" + "一站式".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(measures.contains("找到 0 項結果"))
            let (_, many, _) = try await app.get("/search?q=" + "渝".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(many.contains("aria-current=\"page\">1</span>"))
            #expect(many.contains("page=2"))
            #expect(try await app.get("/search?q=x&page=0").0 == .badRequest)
            #expect(try await app.get("/search?q=x&type=secret").0 == .badRequest)
        }
    }

    @Test func snippetsAreEscaped() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            _ = try await writeEntry(officer, app, title: "腳本測試", body: "看看<script>alert('x')</script>這個腳本測試會否執行")
            let (_, page, _) = try await app.get("/search?q=" + "腳本測試".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.contains("&lt;script"))
            #expect(!page.contains("<script"))
        }
    }

    @Test func nothingFoundSuggestsAndCountsTheGapWithoutDigits() async throws {
        try await withApp { app in
            let (_, page, _) = try await app.get("/search?q=" + "科技創新合作 電話 98765432".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(page.contains("找到 0 項結果"))
            #expect(page.contains("你是否要找："))
            #expect(page.contains("科技創新"))
            #expect(page.contains("href=\"/ask\""))
            let misses = try await SearchMiss.query(on: app.db).all()
            #expect(misses.count == 1)
            #expect(misses[0].text == "科技创新合作 电话")
            _ = try await app.get("/search?q=" + "科技創新合作 電話 12345678".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(try await SearchMiss.query(on: app.db).first()?.count == 2)
        }
    }

    @Test func theAPIAnswersWithPlainParts() async throws {
        try await withApp { app in
            let (status, body, _) = try await app.get("/api/v1/search?q=QFLP")
            #expect(status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(object["total"] as? Int == 1)
            let results = try #require(object["results"] as? [[String: Any]])
            #expect(results.first?["key"] as? String == "2.2")
            let parts = try #require(results.first?["snippet"] as? [[String: Any]])
            #expect(parts.contains { $0["match"] as? Bool == true && ($0["text"] as? String)?.lowercased() == "qflp" })
        }
    }
}

@Suite struct QuestionTests {
    @Test func askReadAnswerAndPublishEndToEnd() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let person = Browser(app)
            try await person.get("/ask")
            let (created, receipt) = try await person.post("/ask", [
                "category": "education", "question": "我的孩子在重庆读小学，需要办理什么手续？", "contact": "parent@example.hk", "consent": "yes",
            ])
            #expect(created == .created)
            let reference = try #require(receipt.range(of: #"YG-Q-\d{4}-\d{6}"#, options: .regularExpression).map { String(receipt[$0]) })
            #expect(reference == "YG-Q-2026-000001")
            let code = try #require(receipt.range(of: #"<code>[A-Z2-9]{12}</code>"#, options: .regularExpression)
                .map { String(receipt[$0].dropFirst(6).dropLast(7)) })
            let stored = try #require(try await Question.query(on: app.db).first())
            #expect(stored.accessCodeHash != code)
            #expect(stored.consentVersion == Questions.consentVersion)
            #expect(stored.script == "zh-Hans")

            try await person.get("/ask/\(reference)")
            #expect(try await person.post("/ask/\(reference)", ["code": "WRONGCODE234"]).0 == .notFound)
            let (ok, status) = try await person.post("/ask/\(reference)", ["code": code])
            #expect(ok == .ok)
            #expect(status.contains("處理中"))
            #expect(status.contains("我的孩子在重慶讀小學"))

            let liaison = try await Browser(app).login("cq-liaison")
            let (_, queue) = try await liaison.get("/officer/questions")
            #expect(queue.contains(reference))
            let id = try stored.requireID()
            try await liaison.get("/officer/questions/\(id)")
            #expect(try await liaison.post("/officer/questions/\(id)", ["answer": ""]).0 == .unprocessableEntity)
            #expect(try await liaison.post("/officer/questions/\(id)", ["answer": "請向就讀學校所屬區教委提交**居住證**及出生證明。"]).0 == .seeOther)
            let (_, answered) = try await person.post("/ask/\(reference)", ["code": code.lowercased()])
            #expect(answered.contains("<strong>居住證</strong>"))

            #expect(try await liaison.post("/officer/questions/\(id)/publish").0 == .seeOther)
            let faq = try #require(try await Article.query(on: app.db).filter(\.$kind == "faq").first())
            #expect(faq.visibility == .public)
            let (_, faqPage, _) = try await app.get("/help/articles/\(faq.requireID())")
            #expect(faqPage.contains("我的孩子在重慶讀小學"))
            #expect(!faqPage.contains("parent@example.hk"))
            #expect(try await app.get("/search?q=" + "小學 手續".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).1.contains("找到 1 項結果"))
        }
    }

    @Test func contactNeedsConsentAndTheHoneypotRefuses() async throws {
        try await withApp { app in
            let person = Browser(app)
            try await person.get("/ask?lang=en")
            let (status, page) = try await person.post("/ask", ["category": "education", "question": "How do I register?", "contact": "me@example.hk"])
            #expect(status == .unprocessableEntity)
            #expect(page.contains("If you leave contact details, agree that we use them to reply."))
            #expect(page.contains("How do I register?"))
            #expect(try await person.post("/ask", ["category": "education", "question": "How do I register?", "website": "http://spam"]).0 == .badRequest)
            #expect(try await Question.query(on: app.db).count() == 0)
        }
    }

    @Test func theAPIGivesAReceiptAndTheAnswerOnlyWithTheCode() async throws {
        try await withApp { app in
            var receipt: PublicReference.Receipt?
            try await app.testing().test(.POST, "/api/v1/questions", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"category":"employment","question":"港人在渝就業要辦就業證嗎？"}"#)) { res async in
                #expect(res.status == .created)
                receipt = try? res.content.decode(PublicReference.Receipt.self)
            }
            let r = try #require(receipt)
            try await app.testing().test(.GET, "/api/v1/questions/\(r.reference)", headers: ["X-Access-Code": r.accessCode]) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"state\":\"new\""))
                #expect(res.body.string.contains("港人在渝就业要办就业证吗"))
            }
            for code in ["", "AAAAAAAAAAAA"] {
                try await app.testing().test(.GET, "/api/v1/questions/\(r.reference)", headers: ["X-Access-Code": code]) { res async in
                    #expect(res.status == .notFound)
                }
            }
            try await app.testing().test(.POST, "/api/v1/questions", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"category":"nope","question":"?"}"#)) { res async in
                #expect(res.status == .unprocessableEntity)
            }
            // Numbers go on.
            try await app.testing().test(.POST, "/api/v1/questions", headers: ["Content-Type": "application/json"],
                                         body: ByteBuffer(string: #"{"category":"employment","question":"第二個問題是甚麼？"}"#)) { res async in
                #expect((try? res.content.decode(PublicReference.Receipt.self))?.reference == "YG-Q-2026-000002")
            }
        }
    }
}

@Suite struct ConsultationAdministrationTests {
    @Test func theQueueFiltersByCategoryAndOwnerUnit() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let a = try await Questions.submit(["category": "education", "question": "入學要甚麼文件？"], converter: ScriptConverterFixture.converter,
                                               now: fixedNow, on: app.db)
            let b = try await Questions.submit(["category": "health", "question": "怎樣參加醫保？"], converter: ScriptConverterFixture.converter,
                                               now: fixedNow, on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            let (_, education) = try await officer.get("/officer/questions?category=education")
            #expect(education.contains(a.reference) && !education.contains(b.reference))
            let question = try #require(try await Question.query(on: app.db).filter(\.$reference == b.reference).first())
            try await officer.get("/officer/questions/\(question.requireID())")
            try await officer.post("/officer/questions/\(question.requireID())", ["answer": "請到社保經辦機構登記。"])
            let (_, mine) = try await officer.get("/officer/questions?owner=mine")
            #expect(mine.contains(b.reference) && !mine.contains(a.reference))
            let (_, none) = try await officer.get("/officer/questions?owner=none")
            #expect(none.contains(a.reference) && !none.contains(b.reference))
            #expect(try await officer.get("/officer/questions?owner=everyone").0 == .badRequest)
            #expect(try await officer.get("/officer/questions?category=nothing").0 == .notFound)
        }
    }

    @Test func liaisonOfficesAddAndRenameCategories() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let liaison = try await Browser(app).login("hk-liaison")
            try await liaison.get("/officer/categories")
            #expect(try await liaison.post("/officer/categories", ["slug": "housing", "nameHant": "住屋", "nameHans": "住房", "nameEn": "Housing"]).0 == .seeOther)
            #expect(try await liaison.post("/officer/categories", ["slug": "housing", "nameHant": "住屋及租務", "nameHans": "住房及租赁", "nameEn": "Housing"]).0 == .seeOther)
            let housing = try #require(try await Category.query(on: app.db).filter(\.$slug == "housing").first())
            #expect(housing.nameHant == "住屋及租務")
            #expect(try await app.get("/help?lang=zh-Hans").1.contains("住房及租赁"))
            let (bad, page) = try await liaison.post("/officer/categories", ["slug": "Not OK", "nameHant": "", "nameHans": "x", "nameEn": "x"])
            #expect(bad == .unprocessableEntity)
            #expect(page.contains("請填寫名稱（最多 50 字）。"))
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/categories")
            #expect(try await officer.post("/officer/categories", ["slug": "x-y", "nameHant": "甲", "nameHans": "甲", "nameEn": "A"]).0 == .forbidden)
        }
    }
}
