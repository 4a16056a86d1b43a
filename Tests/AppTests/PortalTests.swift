@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

@Suite struct PortalTests {
    @Test func homeShowsTheAgreementAndItsElevenAreasInTraditionalByDefault() async throws {
        try await withApp { app in
            let (status, html, headers) = try await app.get("/")
            #expect(status == .ok)
            #expect(headers.contentType == .html)
            #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"zh-Hant\">"))
            #expect(html.contains("渝港高層會晤暨渝港合作會議第一次會議 備忘錄"))
            for (n, title) in [(1, "“一帶一路”建設和經貿投資"), (10, "醫療衞生及中醫藥"), (11, "便利港人在內地發展")] {
                #expect(html.contains("<a href=\"/areas/\(n)\">"))
                #expect(html.contains(title))
            }
            #expect(html.contains("共 7 項措施"))
            #expect(html.contains("<span class=\"light light-grey\">未開展</span> 47"))
        }
    }

    @Test func simplifiedAndEnglishInterfacesWithTheRightLangAndScript() async throws {
        try await withApp { app in
            let (_, hans, _) = try await app.get("/?lang=zh-Hans")
            #expect(hans.contains("<html lang=\"zh-Hans\">"))
            #expect(hans.contains("医疗卫生及中医药"))
            #expect(!hans.contains("醫療衞生"))
            #expect(hans.contains("合作领域"))
            let (_, en, _) = try await app.get("/?lang=en")
            #expect(en.contains("<html lang=\"en\">"))
            #expect(en.contains("Areas of cooperation"))
            // Content stays Chinese on English pages, marked with its own language.
            #expect(en.contains("<span lang=\"zh-Hant\">醫療衞生及中醫藥</span>"))
        }
    }

    @Test func languageChoiceIsRememberedInACookie() async throws {
        try await withApp { app in
            var cookie = ""
            try await app.testing().test(.GET, "/areas/2?lang=zh-Hans") { res async in
                #expect(res.headers.setCookie?[DisplayLanguage.cookieName]?.string == "zh-Hans")
                #expect(res.headers.setCookie?[DisplayLanguage.cookieName]?.isHTTPOnly == true)
                cookie = "lang=zh-Hans"
            }
            let (_, next, _) = try await app.get("/measures/10.2", headers: ["Cookie": cookie])
            #expect(next.contains("<html lang=\"zh-Hans\">"))
            #expect(next.contains("进一步开放重庆医疗服务市场"))
            // An unknown value changes nothing.
            let (_, unknown, _) = try await app.get("/?lang=xx", headers: ["Cookie": cookie])
            #expect(unknown.contains("<html lang=\"zh-Hans\">"))
        }
    }

    @Test func languageSwitchLinksKeepThePage() async throws {
        try await withApp { app in
            let (_, html, _) = try await app.get("/measures/11.2")
            #expect(html.contains("href=\"/measures/11.2?lang=zh-Hans\""))
            #expect(html.contains("href=\"/measures/11.2?lang=en\""))
            #expect(html.contains("<span aria-current=\"true\" lang=\"zh-Hant\">繁體</span>"))
        }
    }

    @Test func areaPageListsItsMeasuresWithStatus() async throws {
        try await withApp { app in
            let (status, html, _) = try await app.get("/areas/1")
            #expect(status == .ok)
            #expect(html.contains("一、“一帶一路”建設和經貿投資"))
            for item in 1...7 { #expect(html.contains("href=\"/measures/1.\(item)\"")) }
            #expect(!html.contains("href=\"/measures/1.8\""))
            #expect(html.contains("status status-not_started"))
        }
    }

    @Test func measurePageShowsTextSidesMilestonesAndUpdates() async throws {
        try await withApp { app in
            let (status, html, _) = try await app.get("/measures/11.2")
            #expect(status == .ok)
            #expect(html.contains("<h1>措施 11.2</h1>"))
            #expect(html.contains("探索打造服務在渝港人“一站式”諮詢服務平台，就不同便利措施提供政策解答。"))
            #expect(html.contains("<h3>渝方</h3>"))
            #expect(html.contains("<h3>港方</h3>"))
            #expect(html.contains("工作節點"))
            #expect(html.contains("尚未公佈進展。"))
        }
    }

    @Test func agreementPageHasTheWholeText() async throws {
        try await withApp { app in
            let (_, html, _) = try await app.get("/agreement")
            let document = try MemorandumFixture.document()
            #expect(html.contains(document.preamble[3]))
            for measure in document.measures { #expect(html.contains(measure.text), "measure \(measure.number)") }
            #expect(html.contains("重慶市人民政府"))
            #expect(html.contains("政務司司長"))
        }
    }

    @Test("Unknown areas and measures are a 404 page in the reader's language", arguments: [
        "/measures/12.1", "/measures/1.8", "/measures/abc", "/measures/1.1.1", "/areas/12", "/areas/0", "/areas/x", "/nowhere",
    ])
    func notFound(path: String) async throws {
        try await withApp { app in
            let (status, html, headers) = try await app.get(path)
            #expect(status == .notFound)
            #expect(headers.contentType == .html)
            #expect(html.contains("找不到這個頁面。"))
            let (_, en, _) = try await app.get(path + "?lang=en")
            #expect(en.contains("There is no such page."))
        }
    }

    @Test func stylesheetAndHealth() async throws {
        try await withApp { app in
            let (css, body, headers) = try await app.get("/styles.css")
            #expect(css == .ok)
            #expect(headers.contentType?.subType == "css")
            #expect(body.contains("progress"))
            #expect(try await app.get("/health/live").0 == .ok)
            let (ready, text, _) = try await app.get("/health/ready")
            #expect(ready == .ok)
            // It names the database this instance uses (the suite runs on both).
            #expect(text == "ready\ndatabase: \(TestDatabase.isPostgres ? "postgresql" : "sqlite")\n")
        }
    }
}
