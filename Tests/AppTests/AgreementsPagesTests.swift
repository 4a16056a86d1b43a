@testable import Agreements
@testable import App
import Fluent
import Foundation
import Memorandum
@testable import Platform
import Testing
@testable import Tracker
import Vapor

/// The pages of agreements over time: an officer imports a document (pasted or from a PDF,
/// preview, store), maps its measures to the previous meeting's, and the public reads the
/// mechanisms, their meetings and documents.
@Suite struct AgreementsPagesTests {
    // MARK: Fixtures

    /// The memorandum of a second meeting of 渝港合作會議, with a page number the PDF left behind
    /// (a warning). Measure 1.1 carries over measure 1.1 of the first meeting.
    static let secondMeeting = """
    渝港高層會晤暨渝港合作會議第二次會議
    備忘錄

    為進一步深化重慶市和香港特別行政區的交流和合作，重慶市人
    民政府與香港特別行政區政府於 2025 年 6 月 12 日在香港舉行
    渝港高層會晤暨渝港合作會議第二次會議。
    雙方同意在經貿投資、科技創新和青年發展三個領域深化合作，
    合作項目詳見附件。
    重慶市人民政府              香港特別行政區政府
    副市長（簽字）              政務司司長（簽字）
    2025 年 6 月 12 日          2025 年 6 月 12 日
    附件
    渝港高層會晤暨渝港合作會議第二次會議同意的具體合作措施
    一、經貿投資
    1. 鼓勵兩地企業建立戰略夥伴關係，聯合開發“一帶一路”
    沿線市場，繼續推動兩地企業協作參與“一帶一路”項目建設。
    2. 支持重慶企業在香港設立區域總部。
    - 2 -
    二、科技創新
    1. 推動兩地高校和科研機構共建聯合實驗室。
    2. 支持香港科技園公司與重慶合作建設創新基地。
    三、青年發展
    1. 每年組織兩地青年交流團，促進青年互訪。
    """

    /// The first meeting of another mechanism, in Simplified script.
    static let otherMechanism = """
    粤港合作联席会议第一次会议
    备忘录

    广东省人民政府与香港特别行政区政府于 2025 年 3 月 5 日在广州举行粤港合作联席会议第一次会议。
    双方同意的合作项目详见附件。
    广东省人民政府              香港特别行政区政府
    2025 年 3 月 5 日           2025 年 3 月 5 日
    附件
    一、经贸合作
    1. 支持两地企业共同开拓国际市场。
    2. 便利两地货物通关。
    二、创新科技
    1. 共建粤港科技创新走廊。
    """

    static func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

    /// The import form's fields for the second meeting's memorandum into 渝港合作會議.
    static func importFields(_ text: String = secondMeeting, action: String, extra: [String: String] = [:]) -> [String: String] {
        ["text": text, "mechanism": "yugang", "meetingNumber": "2", "heldOn": "2025-06-12", "place": "香港", "kind": "memorandum",
         "action": action].merging(extra) { $1 }
    }

    static func officer(_ username: String, on db: Database) async throws -> Officer {
        let user = try #require(try await User.query(on: db).filter(\.$username == username).with(\.$unit).first())
        var o = try Officer(user)
        if let unitID = o.unitID {
            o.mechanismIDs = Set(try await UnitMechanism.query(on: db).filter(\.$unit.$id == unitID).all().map(\.mechanismID))
        }
        return o
    }

    /// Stores the second meeting's memorandum through the form as the Hong Kong liaison office.
    static func importSecondMeeting(_ app: Application) async throws -> Browser {
        let b = try await Browser(app).login("hk-liaison")
        try await b.get(SiteURL.officerAgreementImport.path)
        let (status, _) = try await b.post(SiteURL.officerAgreementImport.path, importFields(action: "store", extra: ["confirmWarnings": "yes"]))
        #expect(status == .seeOther)
        #expect(b.lastLocation == SiteURL.officerAgreementLineage("yugang-2").path)
        return b
    }

    // MARK: The import journey

    @Test func pastedTextIsPreviewedStoredAndShownOnThePublicPage() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let document = try MemorandumParser.parse(Self.secondMeeting)
            #expect(document.measures.count == 5)
            #expect(!document.warnings.isEmpty, "the fixture leaves the parser something to warn about")

            let b = try await Browser(app).login("hk-liaison")
            let (formStatus, form) = try await b.get(SiteURL.officerAgreementImport.path)
            #expect(formStatus == .ok)
            #expect(form.contains("enctype=\"multipart/form-data\""))
            #expect(form.contains("<option value=\"yugang\" selected=\"selected\">"))

            // Preview: the structure beside the text, the warnings with their lines; nothing stored.
            let (status, preview) = try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(action: "preview"))
            #expect(status == .ok)
            #expect(preview.contains("3 個領域，5 項措施"))
            for m in document.measures { #expect(preview.contains("id=\"preview-\(m.number)\""), "measure \(m.number) in the preview") }
            #expect(Self.count("<li id=\"preview-", in: preview) == 5)
            #expect(preview.contains("提示（\(document.warnings.count)）"))
            for w in document.warnings {
                #expect(preview.contains("href=\"#line-\(w.line)\""), "warning of line \(w.line)")
                #expect(preview.contains("id=\"line-\(w.line)\""), "line \(w.line) of the numbered text")
            }
            #expect(preview.contains("經貿投資"))
            #expect(preview.contains("value=\"store\""))
            #expect(preview.contains("儲存後會成為所選合作機制該次會議的新文件"))
            #expect(try await Agreement.query(on: app.db).count() == 1)

            // Store: the document of meeting 2, then on to its lineage.
            let (stored, _) = try await b.post(SiteURL.officerAgreementImport.path,
                                               Self.importFields(action: "store", extra: ["confirmWarnings": "yes"]))
            #expect(stored == .seeOther)
            #expect(b.lastLocation == SiteURL.officerAgreementLineage("yugang-2").path)
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").with(\.$signedAt).first())
            #expect(agreement.signedAt?.number == 2)
            #expect(agreement.signedAt?.place == "香港")
            #expect(agreement.signedAt?.heldOn == "2025-06-12")
            #expect(agreement.kind == .memorandum)
            #expect(try await Measure.query(on: app.db).filter(\.$agreement.$id == agreement.requireID()).count() == 5)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "agreement.import").filter(\.$actor == "HK-LIAISON (hk-liaison)").count() == 1)

            // The public page of the document lists its measures, each linked to its page.
            let (publicStatus, page, _) = try await app.get(SiteURL.agreementDocument("yugang-2").path)
            #expect(publicStatus == .ok)
            for m in document.measures {
                #expect(page.contains("href=\"\(SiteURL.measure("yugang-2." + m.number).path)\""), "link to measure \(m.number)")
            }
            #expect(page.contains("支持重慶企業在香港設立區域總部。"))
            #expect(try await app.get(SiteURL.measure("yugang-2.3.1").path).0 == .ok)
            let (_, mechanism, _) = try await app.get(SiteURL.mechanism("yugang").path)
            #expect(mechanism.contains("第二次會議"))
            #expect(mechanism.contains("href=\"/agreements/yugang-2\""))
            #expect(mechanism.contains("<li id=\"meeting-2\" value=\"2\">"))
            #expect(mechanism.contains("於 2025-06-12 舉行 · 香港"))

            // The officers' list shows it with its lineage page.
            let (_, list) = try await b.get(SiteURL.officerAgreements.path)
            #expect(list.contains("<code>yugang-2</code>"))
            #expect(list.contains("href=\"/officer/agreements/yugang-2/lineage\""))
            #expect(list.contains("href=\"/officer/agreements/import\""))
        }
    }

    /// A work plan in three levels: groups, printed numbers and the units each measure names.
    static let threeLevel = """
    渝港高層會晤暨渝港合作會議第三次會議
    備忘錄

    雙方同意以下合作措施。

    重慶市人民政府              香港特別行政區政府
    副市長（簽字）              政務司司長（簽字）
    2026 年 5 月 8 日           2026 年 5 月 8 日

    附件
    具體合作措施
    一、文化旅遊
    （一）推廣兩地旅遊資源。
    1. 聯合舉辦旅遊推介會（市文化旅遊委牽頭）
    2. 互相宣傳特色旅遊線路（市文化旅遊委、香港旅遊發展局負責）。
    （二）支持兩地博物館合辦展覽（牽頭單位：市文物局；配合單位：香港康樂及文化事務署）。
    二、青年交流
    （一）擴大實習計劃。
    1. 每年提供實習名額。
    """

    @Test func theStructureShowsGroupsPrintedNumbersAndNamedUnits() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let document = try MemorandumParser.parse(Self.threeLevel)
            #expect(document.measures.contains { $0.group != nil }, "the fixture has groups")
            #expect(document.measures.contains { !$0.leadUnits.isEmpty }, "the fixture names lead units")
            let b = try await Browser(app).login("cq-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            let (status, page) = try await b.post(SiteURL.officerAgreementImport.path,
                                                  Self.importFields(Self.threeLevel, action: "preview", extra: ["meetingNumber": "3", "kind": "work_plan"]))
            #expect(status == .ok)
            #expect(page.contains("三級編號格式"))
            for m in document.measures {
                #expect(page.contains("id=\"preview-\(m.number)\""))
                if let group = m.group { #expect(page.contains(group), "group of \(m.number)") }
                if let label = m.label, label != String(m.item) { #expect(page.contains("原文編號「\(label)」"), "label of \(m.number)") }
                if !m.leadUnits.isEmpty {
                    #expect(page.contains("文中牽頭單位：<span lang=\"zh-Hant\">\(m.leadUnits.joined(separator: "、"))</span>"), "leads of \(m.number)")
                }
                if !m.supportingUnits.isEmpty {
                    #expect(page.contains("文中配合單位：<span lang=\"zh-Hant\">\(m.supportingUnits.joined(separator: "、"))</span>"), "supports of \(m.number)")
                }
            }
            // Stored as a work plan: its kind on the public pages.
            var fields = Self.importFields(Self.threeLevel, action: "store", extra: ["meetingNumber": "3", "kind": "work_plan", "confirmWarnings": "yes"])
            fields["heldOn"] = "2026-05-08"
            #expect(try await b.post(SiteURL.officerAgreementImport.path, fields).0 == .seeOther)
            let (_, mechanism, _) = try await app.get(SiteURL.mechanism("yugang").path)
            #expect(mechanism.contains("年度工作計劃"))
            let stored = try #require(try await Agreement.query(on: app.db).filter(\.$kind == .workPlan).first())
            let (_, publicPage, _) = try await app.get(SiteURL.agreementDocument(stored.slug).path)
            for m in document.measures where m.group != nil {
                #expect(publicPage.contains(m.group!), "group of \(m.number) on the public page")
            }
        }
    }

    @Test func aRevisionOfTheSameDocumentShowsTheMeasuresSideBySide() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let b = try await Self.importSecondMeeting(app)
            // The same text again: nothing to store.
            let (_, same) = try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(action: "preview"))
            #expect(same.contains("相同的文字已儲存為 yugang-2 第 1 版"))

            let revised = Self.secondMeeting
                .replacingOccurrences(of: "2. 支持重慶企業在香港設立區域總部。", with: "2. 支持重慶企業在香港設立區域總部和研發中心。")
                .replacingOccurrences(of: "三、青年發展\n1. 每年組織兩地青年交流團，促進青年互訪。",
                                      with: "三、青年發展\n1. 每年組織兩地青年交流團，促進青年互訪。\n2. 支持兩地青年創業。")
            let (status, preview) = try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(revised, action: "preview"))
            #expect(status == .ok)
            #expect(preview.contains("yugang-2 第 2 版"))
            #expect(preview.contains("<caption>逐項改動</caption>"))
            #expect(preview.contains("<td>改寫</td><td>1.2</td><td>支持重慶企業在香港設立區域總部。</td><td>支持重慶企業在香港設立區域總部和研發中心。</td>"))
            #expect(preview.contains("<td>新增</td><td>3.2</td><td>—</td><td>支持兩地青年創業。</td>"))
            #expect(try await AgreementRevision.query(on: app.db).count() == 2)

            let (stored, _) = try await b.post(SiteURL.officerAgreementImport.path,
                                               Self.importFields(revised, action: "store", extra: ["confirmWarnings": "yes"]))
            #expect(stored == .seeOther)
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").first())
            #expect(agreement.revision == 2)
            #expect(try await Measure.query(on: app.db).filter(\.$agreement.$id == agreement.requireID()).count() == 6)
        }
    }

    @Test func aTextThatCannotBeReadShowsItsLineAndStoresNothing() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let broken = Self.secondMeeting.replacingOccurrences(of: "三、青年發展", with: "五、青年發展")
            let expected = try #require(#expect(throws: MemorandumParseError.self) { try MemorandumParser.parse(broken) })
            let b = try await Browser(app).login("cq-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            for action in ["preview", "store"] {
                let (status, page) = try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(broken, action: action))
                #expect(status == .unprocessableEntity)
                #expect(page.contains("第 \(expected.line) 行無法讀取，沒有儲存任何內容"))
                #expect(page.contains("五、青年發展"), "the text is kept to correct it")
                #expect(!page.contains("value=\"store\""), "no preview, nothing to store")
            }
            #expect(try await Agreement.query(on: app.db).count() == 1)
            #expect(try await Meeting.query(on: app.db).count() == 1)

            // Every other field is checked too, and all mistakes are shown at once.
            let (status, page) = try await b.post(SiteURL.officerAgreementImport.path, [
                "text": "", "mechanism": "new", "mechanismName": "", "mechanismSlug": "Bad Slug", "meetingNumber": "0",
                "heldOn": "2025-02-30", "kind": "minutes", "action": "preview",
            ])
            #expect(status == .unprocessableEntity)
            for message in ["請貼上文件的文字，或選擇其 PDF。", "請填寫新合作機制的名稱", "網址代號只可包含小寫英文字母", "請填寫會議屆次",
                            "日期的格式須為 2025-06-12。", "請選擇文件類別。"] {
                #expect(page.contains(message), "\(message)")
            }
        }
    }

    // MARK: PDF

    @Test func aPDFIsReadWithPdftotextAndPreviewed() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let b = try await Browser(app).login("hk-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            var fields = Self.importFields("", action: "preview")
            fields["text"] = ""
            let pdf = PDFFixture.text(Self.secondMeeting)
            let (status, page) = try await b.postMultipart(SiteURL.officerAgreementImport.path, fields,
                                                           files: [("pdf", "yugang-2025-second-meeting.pdf", pdf)])
            #expect(status == .ok)
            #expect(page.contains("3 個領域，5 項措施"))
            #expect(page.contains("支持香港科技園公司與重慶合作建設創新基地。"), "the extracted text in the field")
            #expect(page.contains("name=\"sourceName\" value=\"yugang-2025-second-meeting.pdf\""))

            // Stored straight from the PDF, with the file's name kept beside the text.
            fields["action"] = "store"
            fields["confirmWarnings"] = "yes"
            let (stored, _) = try await b.postMultipart(SiteURL.officerAgreementImport.path, fields,
                                                        files: [("pdf", "yugang-2025-second-meeting.pdf", pdf)])
            #expect(stored == .seeOther)
            let revision = try #require(try await AgreementRevision.query(on: app.db).filter(\.$sourceName == "yugang-2025-second-meeting.pdf").first())
            #expect(revision.sourceText.contains("每年組織兩地青年交流團"))
        }
    }

    @Test func aPDFOfImagesOnlyOrNotAPDFIsRefusedWithItsReason() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let b = try await Browser(app).login("hk-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            let (status, page) = try await b.postMultipart(SiteURL.officerAgreementImport.path, Self.importFields("", action: "preview"),
                                                           files: [("pdf", "scan.pdf", PDFFixture.imageOnly())])
            #expect(status == .unprocessableEntity)
            #expect(page.contains("這份 PDF 只有圖像（例如掃描檔），沒有可抽取的文字：請貼上文件的文字。"))
            #expect(page.contains("aria-describedby=\"pdf-error\""))

            let (notPDF, notPDFPage) = try await b.postMultipart(SiteURL.officerAgreementImport.path, Self.importFields("", action: "preview"),
                                                                 files: [("pdf", "memo.pdf", Data("not a PDF at all".utf8))])
            #expect(notPDF == .unprocessableEntity)
            #expect(notPDFPage.contains("無法以 PDF 讀取這個檔案"))
            // In the reader's language, when storing straight away too.
            let (english, englishPage) = try await b.postMultipart(SiteURL.officerAgreementImport.path + "?lang=en",
                                                                   Self.importFields("", action: "store"),
                                                                   files: [("pdf", "scan.pdf", PDFFixture.imageOnly())])
            #expect(english == .unprocessableEntity)
            #expect(englishPage.contains("This PDF holds only images"))
            #expect(try await Agreement.query(on: app.db).count() == 1)
        }
        // Without pdftotext, the reason is said (the page says it in the reader's language).
        await #expect(throws: PDFText.Failure.missingTool) {
            try await PDFText.extract(PDFFixture.text("渝港"), tool: "/nonexistent/pdftotext")
        }
        await #expect(throws: PDFText.Failure.imagesOnly) { try await PDFText.extract(PDFFixture.imageOnly()) }
        // A damaged PDF, and a program that does not finish: each refused with its reason.
        await #expect(throws: PDFText.Failure.unreadable) { try await PDFText.extract(Data("%PDF-1.4\nnothing else".utf8)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yugang-slow-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let slow = folder.appendingPathComponent("pdftotext").path
        FileManager.default.createFile(atPath: slow, contents: Data("#!/bin/sh\nexec sleep 30\n".utf8), attributes: [.posixPermissions: 0o755])
        let started = ContinuousClock.now
        await #expect(throws: PDFText.Failure.timedOut) {
            try await PDFText.extract(PDFFixture.text("渝港"), tool: slow, timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        // Full-width glyphs: pdftotext spaces the ASCII words apart as they stand on the page.
        let words = try await PDFText.extract(PDFFixture.text("YUGANG 2025")).split(whereSeparator: \.isWhitespace)
        #expect(words == ["YUGANG", "2025"])
    }

    // MARK: Confirmation

    @Test func warningsThatNeedConfirmationAreStoredOnlyWithTheBoxTicked() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let o = try await Self.officer("hk-liaison", on: app.db)
            var input = AgreementImport.Input()
            input.text = Self.secondMeeting
            input.mechanism = "yugang"
            input.meetingNumber = "2"
            var check = try await AgreementImport.check(input, for: o, converter: ScriptConverterFixture.converter, on: app.db)
            #expect(check.errors.isEmpty)
            // The parser's verdict, whatever the text: one warning asks for confirmation.
            check.document = try Self.needingConfirmation(#require(check.document))
            #expect(check.document?.needsConfirmation == true)
            do {
                _ = try await AgreementImport.store(check, by: o, on: app.db)
                Issue.record("stored without confirmation")
            } catch AppError.invalid(let errors) {
                #expect(errors["confirmWarnings"] != nil)
            }
            #expect(try await Agreement.query(on: app.db).count() == 1)
            check.input.confirmed = true
            #expect(try await AgreementImport.store(check, by: o, on: app.db) == "yugang-2")

            // Through the form: a paragraph between an area heading and its first measure.
            let text = try #require(Self.textNeedingConfirmation(), "a text this parser asks to confirm")
            let b = try await Browser(app).login("hk-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            let (_, preview) = try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(text, action: "preview", extra: ["meetingNumber": "3"]))
            #expect(preview.contains("name=\"confirmWarnings\""))
            #expect(preview.contains("class=\"warning confirm\""))
            let fields = Self.importFields(text, action: "store", extra: ["meetingNumber": "3"])
            let (status, page) = try await b.post(SiteURL.officerAgreementImport.path, fields)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("部分提示須確認：核對後請勾選「我已核對上述提示」。"))
            #expect(page.contains("name=\"confirmWarnings\""))
            #expect(try await b.post(SiteURL.officerAgreementImport.path, fields.merging(["confirmWarnings": "yes"]) { $1 }).0 == .seeOther)
        }
    }

    @Test func theWarningsAreInTheReadersLanguage() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let warning = try #require(try MemorandumParser.parse(Self.secondMeeting).warnings.first { $0.code == .pageNumberDropped })
            #expect(warning.message == "page number 「- 2 -」 dropped")
            let b = try await Browser(app).login("hk-liaison")
            try await b.get(SiteURL.officerAgreementImport.path)
            let expectations: [(DisplayLanguage, String)] = [
                (.zhHant, "已刪去頁碼「- 2 -」。"),
                (.zhHans, "已删去页码“- 2 -”。"),
                (.en, "Page number 「- 2 -」 dropped."),
            ]
            for (lang, text) in expectations {
                let (status, preview) = try await b.post(SiteURL.officerAgreementImport.path(lang: lang), Self.importFields(action: "preview"))
                #expect(status == .ok)
                #expect(preview.contains("<html lang=\"\(lang.rawValue)\">"))
                // In the page's language, so without a `lang` of its own.
                #expect(preview.contains("<span class=\"message\">\(text)</span>"), "\(lang)")
                #expect(!preview.contains(warning.message), "\(lang): the parser's English")
            }
            // A warning without a code (stored before codes existed) keeps its English, marked so.
            var old = AgreementImport.Preview.Warning(line: 15, message: "something the parser said", needsConfirmation: false)
            let hans = Localizer(language: .zhHans, converter: ScriptConverterFixture.converter)
            #expect(OfficerAgreementViews.warningText(old, hans).render() == "<span lang=\"en\">something the parser said</span>")
            old.code = .pageNumberDropped
            old.values = ["text": "- 3 -"]
            #expect(OfficerAgreementViews.warningText(old, hans).render() == "<span class=\"message\">已删去页码“- 3 -”。</span>")
        }
    }

    /// `d` with one more warning, one that needs confirmation (through its encoded form, the
    /// way the parser's result travels).
    static func needingConfirmation(_ d: MemorandumDocument) throws -> MemorandumDocument {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(d)) as? [String: Any])
        var warnings = object["warnings"] as? [[String: Any]] ?? []
        warnings.append(["line": 15, "message": "「2. 支持重慶企業…」 might continue measure 1", "needsConfirmation": true])
        object["warnings"] = warnings
        return try JSONDecoder().decode(MemorandumDocument.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// A text the parser reads only with an officer's confirmation: a paragraph between an area
    /// heading and its first measure (a heading of its own, or the area's introduction?).
    static func textNeedingConfirmation() -> String? {
        let text = secondMeeting.replacingOccurrences(of: "二、科技創新\n", with: "二、科技創新\n加強創新合作\n")
        return (try? MemorandumParser.parse(text))?.needsConfirmation == true ? text : nil
    }

    // MARK: Who may

    @Test func unitOfficersAndViewersMayNotImportOrMap() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            for username in ["cq-officer", "viewer"] {
                let b = try await Browser(app).login(username)
                let (listStatus, list) = try await b.get(SiteURL.officerAgreements.path)
                #expect(listStatus == .ok, "\(username) reads the list")
                #expect(list.contains("<code>yugang-1</code>"))
                #expect(!list.contains("href=\"/officer/agreements/import\""))
                #expect(!list.contains("/lineage\""))
                #expect(try await b.get(SiteURL.officerAgreementImport.path).0 == .forbidden, "\(username)")
                #expect(try await b.post(SiteURL.officerAgreementImport.path, Self.importFields(action: "store")).0 == .forbidden, "\(username)")
                #expect(try await b.get(SiteURL.officerAgreementLineage("yugang-1").path).0 == .forbidden, "\(username)")
                #expect(try await b.post(SiteURL.officerAgreementLineage("yugang-1").path, ["stamp": "none"]).0 == .forbidden, "\(username)")
            }
            #expect(try await Agreement.query(on: app.db).count() == 1)
            // Not logged in: to the log-in page.
            #expect(try await app.get(SiteURL.officerAgreementImport.path).0 == .seeOther)
        }
    }

    @Test func officersSeeAndImportIntoTheirOwnMechanismsOnly() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            // The Chongqing liaison office starts another mechanism; it belongs to it from then on.
            let cq = try await Browser(app).login("cq-liaison")
            try await cq.get(SiteURL.officerAgreementImport.path)
            let newMechanism = ["text": Self.otherMechanism, "mechanism": "new", "mechanismName": "粤港合作联席会议", "mechanismSlug": "yuegang",
                                "meetingNumber": "", "kind": "memorandum"]
            let (previewStatus, preview) = try await cq.post(SiteURL.officerAgreementImport.path, newMechanism.merging(["action": "preview"]) { $1 })
            #expect(previewStatus == .ok)
            #expect(preview.contains("2 個領域，3 項措施"))
            #expect(try await cq.post(SiteURL.officerAgreementImport.path, newMechanism.merging(["action": "store"]) { $1 }).0 == .seeOther)
            #expect(cq.lastLocation == SiteURL.officerAgreementLineage("yuegang-1").path)
            let yuegang = try #require(try await Mechanism.query(on: app.db).filter(\.$slug == "yuegang").first())
            #expect(yuegang.script == "zh-Hans")
            #expect(try await cq.get(SiteURL.officerAgreementLineage("yuegang-1").path).0 == .ok)
            // The address and the name are taken now.
            let (again, againPage) = try await cq.post(SiteURL.officerAgreementImport.path, newMechanism.merging(["action": "preview"]) { $1 })
            #expect(again == .unprocessableEntity)
            #expect(againPage.contains("已有同名的合作機制"))
            #expect(againPage.contains("這個網址代號已被使用。"))

            // An officer of a unit of that mechanism alone.
            let unit = Unit(name: "广东省人民政府港澳事务办公室", side: .cq, script: "zh-Hans")
            try await unit.create(on: app.db)
            try await UnitMechanism(unitID: unit.requireID(), mechanismID: yuegang.requireID()).create(on: app.db)
            let user = User(username: "gd-liaison", displayName: "GD", passwordHash: try Bcrypt.hash(Accounts.password, cost: 4), role: .liaison,
                            unitID: unit.id, mustChangePassword: false, side: .cq)
            try await user.create(on: app.db)
            let gd = try await Browser(app).login("gd-liaison")
            let (_, list) = try await gd.get(SiteURL.officerAgreements.path)
            #expect(list.contains("<code>yuegang-1</code>"))
            #expect(!list.contains("yugang-1"))
            let (_, form) = try await gd.get(SiteURL.officerAgreementImport.path)
            #expect(form.contains("value=\"yuegang\""))
            #expect(!form.contains("value=\"yugang\""))
            #expect(try await gd.get(SiteURL.officerAgreementLineage("yugang-1").path).0 == .notFound)
            #expect(try await gd.post(SiteURL.officerAgreementLineage("yugang-1").path, ["stamp": "none"]).0 == .notFound)
            let (status, page) = try await gd.post(SiteURL.officerAgreementImport.path, Self.importFields(action: "store"))
            #expect(status == .unprocessableEntity)
            #expect(page.contains("請選擇你所屬的合作機制。"))
            #expect(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").count() == 0)

            // And the other way round: Chongqing's unit officer does not see 粵港's documents.
            let (_, officerList) = try await Browser(app).login("cq-officer").get(SiteURL.officerAgreements.path)
            #expect(officerList.contains("yugang-1"))
            #expect(!officerList.contains("yuegang-1"))
        }
    }

    // MARK: Lineage

    @Test func theLineageFormConfirmsTheMappingAndRefusesMistakes() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let b = try await Self.importSecondMeeting(app)
            let path = SiteURL.officerAgreementLineage("yugang-2").path
            let (status, page) = try await b.get(path)
            #expect(status == .ok)
            #expect(page.contains("仍然有效的較早措施（47 項）"))
            #expect(page.contains("name=\"stamp\" value=\"none\""))

            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$slug == "yugang-2").first())
            let proposal = try await Lineage.proposal(for: agreement.requireID(), converter: ScriptConverterFixture.converter, on: app.db)
            let first = try #require(proposal.rows.first { $0.predecessor.key == "1.1" })
            #expect(first.outcome == .continued)
            #expect(first.successors == ["1.1"])
            #expect(page.contains("name=\"\(LineageForm.successorsField(first.predecessor.id))\" id=\"\(LineageForm.successorsField(first.predecessor.id))\" value=\"1.1\""))

            var fields = ["stamp": proposal.stamp]
            for row in proposal.rows {
                fields[LineageForm.outcomeField(row.predecessor.id)] = row.outcome.rawValue
                fields[LineageForm.successorsField(row.predecessor.id)] = row.successors.joined(separator: ", ")
            }
            // A continued measure must name what it became; an unknown outcome is refused too.
            var wrong = fields
            wrong[LineageForm.successorsField(first.predecessor.id)] = ""
            let (refused, refusedPage) = try await b.post(path, wrong)
            #expect(refused == .unprocessableEntity)
            #expect(refusedPage.contains("aria-describedby=\"\(LineageForm.successorsField(first.predecessor.id))-error\""))
            wrong[LineageForm.outcomeField(first.predecessor.id)] = "vanished"
            #expect(try await b.post(path, wrong).0 == .unprocessableEntity)
            #expect(try await MeasureLink.query(on: app.db).count() == 0)

            // Confirmed: the links are stored and the page says so.
            #expect(try await b.post(path, fields).0 == .seeOther)
            #expect(try await MeasureLink.query(on: app.db).count() == proposal.rows.count)
            let (_, confirmed) = try await b.get(path)
            #expect(confirmed.contains("已確認"))
            #expect(!confirmed.contains("name=\"stamp\" value=\"none\""))
            // The same form again, its stamp stale: someone confirmed meanwhile.
            let (stale, stalePage) = try await b.post(path, fields)
            #expect(stale == .conflict)
            #expect(stalePage.contains("error-summary"))

            // A first document has nothing to map.
            let (_, firstPage) = try await b.get(SiteURL.officerAgreementLineage("yugang-1").path)
            #expect(firstPage.contains("沒有仍然有效的較早措施，毋須對應。"))
        }
        #expect(LineageForm.numbers("3.1, 3.2、３．３ 3.1；4.1") == ["3.1", "3.2", "3.3", "4.1"])
    }

    @Test func theOfficerPagesInThreeLanguages() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let b = try await Browser(app).login("cq-liaison")
            let expectations: [(DisplayLanguage, [String])] = [
                (.zhHant, ["協議文件", "匯入文件", "措施承接：", "沒有仍然有效的較早措施"]),
                (.zhHans, ["协议文件", "导入文件", "措施承接：", "没有仍然有效的较早措施"]),
                (.en, ["Agreements", "Import a document", "Lineage: ", "No earlier measure is in force"]),
            ]
            for (lang, texts) in expectations {
                var all = ""
                for url in [SiteURL.officerAgreements, .officerAgreementImport, .officerAgreementLineage("yugang-1")] {
                    let (status, page) = try await b.get(url.path(lang: lang))
                    #expect(status == .ok, "\(url.path) \(lang)")
                    #expect(page.contains("<html lang=\"\(lang.rawValue)\">"), "\(url.path) \(lang)")
                    all += page
                }
                for text in texts { #expect(all.contains(text), "\(lang): \(text)") }
            }
        }
    }

    // MARK: Public pages

    @Test func thePublicPagesInThreeLanguages() async throws {
        try await withApp { app in
            let expectations: [(lang: String, texts: [String])] = [
                ("zh-Hant", ["合作機制", "渝港合作會議", "第一次會議", "47 項措施", "整體進度", "重慶市人民政府"]),
                ("zh-Hans", ["合作机制", "渝港合作会议", "第一次会议", "47 项措施", "整体进度", "重庆市人民政府"]),
                ("en", ["Cooperation mechanisms", "Meetings", "held on 2023-05-11", "47 measures", "Overall progress", "Memorandum"]),
            ]
            for (lang, texts) in expectations {
                var all = ""
                for url in [SiteURL.mechanisms, .mechanism("yugang"), .agreementDocument("yugang-1")] {
                    let (status, page, headers) = try await app.get(url.path(lang: DisplayLanguage(tag: lang)!))
                    #expect(status == .ok, "\(url.path) \(lang)")
                    #expect(page.contains("<html lang=\"\(lang)\">"), "\(url.path) \(lang)")
                    #expect(headers.contentType == .html)
                    all += page
                }
                for text in texts { #expect(all.contains(text), "\(lang): \(text)") }
            }
            let (_, list, _) = try await app.get(SiteURL.mechanisms.path)
            #expect(list.contains("href=\"/mechanisms/yugang\""))
            let (_, mechanism, _) = try await app.get(SiteURL.mechanism("yugang").path)
            #expect(mechanism.contains("href=\"/agreements/yugang-1\""))
            #expect(mechanism.contains("<li>香港特別行政區政府</li>") || mechanism.contains(">香港特別行政區政府</span></li>"))
            let (_, document, _) = try await app.get(SiteURL.agreementDocument("yugang-1").path)
            #expect(Self.count("id=\"measure-", in: document) == 47)
            #expect(Self.count("<section class=\"area\"", in: document) == 11)
            #expect(document.contains("href=\"/measures/11.2\""))
            #expect(document.contains("href=\"/mechanisms/yugang\""))
            #expect(try await app.get(SiteURL.mechanism("nothing").path).0 == .notFound)
            #expect(try await app.get(SiteURL.agreementDocument("nothing-1").path).0 == .notFound)
        }
    }
}

/// PDFs written by hand, small enough to read: text in a CID font with a ToUnicode map (what
/// `pdftotext` reads), and a page holding one image and no text.
enum PDFFixture {
    /// `text`, a line of the page per line, each character one glyph of a font `pdftotext`
    /// maps back to Unicode.
    static func text(_ text: String) -> Data {
        let lines = text.components(separatedBy: "\n")
        var codes: [Character: Int] = [:]
        for c in lines.joined() where codes[c] == nil { codes[c] = codes.count + 1 }
        let shown = lines.map { line in "<" + line.map { String(format: "%04X", codes[$0]!) }.joined() + "> Tj T*" }
        let content = (["BT", "/F1 10 Tf", "14 TL", "40 800 Td"] + shown + ["ET"]).joined(separator: "\n")
        var map = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                   "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def", "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        let pairs = codes.sorted { $0.value < $1.value }
        for start in stride(from: 0, to: pairs.count, by: 100) {
            let block = pairs[start..<min(start + 100, pairs.count)]
            map.append("\(block.count) beginbfchar")
            for (c, code) in block {
                map.append(String(format: "<%04X> <", code) + String(c).utf16.map { String(format: "%04X", $0) }.joined() + ">")
            }
            map.append("endbfchar")
        }
        map += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return assemble([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream(content),
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
            stream(map.joined(separator: "\n")),
        ])
    }

    /// One page with a 2×2 grey image drawn over it, as a scanner leaves it.
    static func imageOnly() -> Data {
        assemble([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            stream("q 595 0 0 842 0 0 cm /Im1 Do Q"),
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u{7F}\u{7F}\u{7F}\u{7F}\nendstream",
        ])
    }

    static func stream(_ content: String) -> String { "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream" }

    /// The objects numbered from 1, with the cross-reference table their byte offsets need.
    static func assemble(_ objects: [String]) -> Data {
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n\(object)\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }
}
