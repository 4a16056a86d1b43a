@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SQLKit
import Search
import Testing
@testable import Tracker
import Vapor

/// Knowledge-base entries for the search tests, as officers of both sides would write them
/// (some in Traditional, some in Simplified).
let knowledgeFixtures: [(title: String, body: String, category: String)] = [
    ("港人在渝就業需要辦理就業證嗎", "自2018年起，港澳居民在內地就業不再需要辦理《台港澳人員就業證》，憑港澳居民來往內地通行證或居住證即可簽訂勞動合同。", "employment"),
    ("港澳居民居住证的申领", "在重庆居住半年以上，有合法稳定就业、稳定住所或连续就读的港澳居民，可以向居住地公安机关申领居住证。", "travel"),
    ("社會保險和強積金", "在渝就業的香港居民須參加社會保險；香港的強積金（MPF）權益不受影響，可按規定提取。", "social-security"),
    ("子女入读中小学", "持港澳居民居住证的家长，其子女可在居住地申请入读公办中小学，享有与内地学生同等待遇。", "education"),
    ("在渝開設理髮店的牌照", "開設理髮店、美容店須辦理營業執照和衞生許可；頭髮護理產品須符合國家標準。", "business"),
    ("医疗卫生服务与医保", "参加重庆城乡居民医保后，可在定点医院就医结算；香港长者医疗券可在部分内地机构使用。", "health"),
    ("律師執業與法律服務", "香港法律執業者可在渝擔任法律顧問，亦可通過粵港澳大灣區律師執業考試在內地執業。", "legal"),
    ("手機網上辦事的一站式平台", "重慶市政府的「渝快辦」平台提供一站式網上辦事，港澳居民可用回鄉證實名註冊。", "daily-life"),
    ("在這裏找到港人服務站", "港人服務站設在渝中區裏的港澳中心，提供政策諮詢。", "other"),
]

@Suite struct QueryPairTests {
    /// Traditional (or Hong Kong variant) and Simplified forms of the same query.
    static let pairs: [(String, String)] = [
        ("衞生", "卫生"), ("衛生", "卫生"), ("就業", "就业"), ("就業證", "就业证"), ("裏", "里"), ("這裏", "这里"),
        ("頭髮", "头发"), ("理髮店", "理发店"), ("醫療", "医疗"), ("醫保", "医保"), ("居住證", "居住证"),
        ("社會保險", "社会保险"), ("強積金", "强积金"), ("律師", "律师"), ("法律顧問", "法律顾问"), ("中小學", "中小学"),
        ("入讀", "入读"), ("營業執照", "营业执照"), ("網上辦事", "网上办事"), ("一站式", "一站式"), ("回鄉證", "回乡证"),
        ("通行證", "通行证"), ("長者醫療券", "长者医疗券"), ("經貿投資", "经贸投资"), ("金融機構", "金融机构"),
        ("科技創新", "科技创新"), ("青年發展", "青年发展"), ("中醫藥", "中医药"), ("港鐵學院", "港铁学院"),
        ("爭議解決", "争议解决"), ("物流樞紐", "物流枢纽"), ("文化和旅遊", "文化和旅游"),
        ("MPF", "mpf"), ("ＱＦＬＰ", "QFLP"), ("5G 網路", "5g 网路"), ("港人 就業", "港人 就业"), ("醫療 医保", "医疗 醫保"),
    ]

    @Test func traditionalAndSimplifiedQueriesGiveTheSameResultsInTheSameOrder() async throws {
        #expect(Self.pairs.count >= 30)
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            for entry in knowledgeFixtures {
                _ = try await writeEntry(officer, app, title: entry.title, body: entry.body, category: entry.category)
            }
            let search = try SearchService.shared()
            let synonyms = try await SiteSearch.synonyms(on: app.db)
            func ordered(_ q: String) async throws -> [String] {
                try await search.index(on: app.db).search(SearchQuery(q, using: search.text, synonyms: synonyms), filter: SearchFilter(),
                                                          limit: 50, offset: 0, on: app.db as! any SQLDatabase).hits.map { "\($0.kind):\($0.key)" }
            }
            for (traditional, simplified) in Self.pairs {
                let a = try await ordered(traditional), b = try await ordered(simplified)
                #expect(!a.isEmpty, "\(traditional) finds nothing")
                #expect(a == b, "\(traditional) → \(a) but \(simplified) → \(b)")
            }
        }
    }

    @Test func aTitleMatchOutranksAPassingMention() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let officer = try await Browser(app).login("cq-officer")
            for entry in knowledgeFixtures {
                _ = try await writeEntry(officer, app, title: entry.title, body: entry.body, category: entry.category)
            }
            let hits = try await SearchService.shared().search("居住證", limit: 10, on: app.db).hits
            let titled = try #require(try await Article.query(on: app.db).filter(\.$title == "港澳居民居住证的申领").first()?.requireID())
            #expect(hits.first?.key == titled.uuidString, "\(hits)")
            #expect(hits.count >= 3)
        }
    }
}
