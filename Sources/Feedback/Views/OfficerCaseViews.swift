import Consultation
import Foundation
import Platform
import Plot
import Tracker
import WorkCalendar

/// Officer pages of the feedback channel. Lists mask personal data; the case page shows it.
package enum OfficerCaseViews {
    package typealias Body = Node<HTML.BodyContext>

    /// Red when past, amber within two days, for a deadline still owed.
    package static func deadline(_ due: String, owed: Bool, today: String, _ l: Localizer) -> Body {
        guard owed, let d = CalendarDay(due), let t = CalendarDay(today) else { return .text(due) }
        if d < t { return .span(.class("light light-red"), .text(due + " · " + l.t("已逾期", "已逾期", "overdue"))) }
        if d.ordinal - t.ordinal <= 2 { return .span(.class("light light-amber"), .text(due + " · " + l.t("將到期", "将到期", "due soon"))) }
        return .text(due)
    }

    package static func actionName(_ a: CaseWorkflow.Action, _ l: Localizer) -> String {
        switch a {
        case .triage: l.t("分流並確認收悉", "分流并确认收悉", "Triage and acknowledge")
        case .assign: l.t("交負責單位", "交负责单位", "Assign to a unit")
        case .accept: l.t("接手處理", "接手处理", "Accept")
        case .decline: l.t("退回聯絡辦", "退回联络办", "Decline (back to the liaison office)")
        case .requestInformation: l.t("請發送人補充資料", "请发送人补充资料", "Ask the sender for information")
        case .answer: l.t("回覆發送人", "回复发送人", "Reply to the sender")
        case .close: l.t("結案", "结案", "Close")
        case .merge: l.t("與另一個案合併", "与另一个案合并", "Merge into another case")
        case .spam: l.t("標為濫發", "标为滥发", "Mark as spam")
        case .note: l.t("內部備註", "内部备注", "Internal note")
        case .linkMeasure: l.t("連結合作措施", "连结合作措施", "Link to a measure")
        }
    }

    package static func list(_ cases: [FeedbackCase], filter: String, today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let filters: [(String, String)] = [("open", l.t("未完成", "未完成", "Open")), ("all", l.t("全部", "全部", "All"))]
            + CaseState.allCases.map { ($0.rawValue, FeedbackViews.stateName($0, l)) }
        let body: Body = .group(
            .h1(.text(l.t("意見個案", "意见个案", "Feedback cases"))),
            .p(.a(.href(SiteURL.officerCaseStatistics.path), .text(l.t("統計", "统计", "Statistics"))), .text(" · "),
               .a(.href(SiteURL.officerCaseTemplates.path), .text(l.t("回覆範本", "回复范本", "Reply templates"))), .text(" · "),
               .a(.href(SiteURL.officerCasesCSV.path), .text(l.t("下載 CSV（個人資料已遮蔽）", "下载 CSV（个人资料已遮蔽）", "Download CSV (personal data masked)")))),
            .form(.method(.get), .action(SiteURL.officerCases.path), .class("filters"),
                  .div(.class("field"), .label(.for("c-state"), .text(l.t("狀態", "状态", "State"))),
                       .select(.attribute(named: "name", value: "state"), .id("c-state"), .forEach(filters) { option in
                           .element(named: "option", nodes: [.attribute(named: "value", value: option.0),
                                                             option.0 == filter ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(option.1)])
                       })),
                  .button(.type(.submit), .text(l.t("篩選", "筛选", "Filter")))),
            cases.isEmpty ? .p(.class("empty"), .text(l.t("沒有個案。", "没有个案。", "No cases."))) :
            .table(.class("cases"),
                   .thead(.tr(.th(.text(l.t("編號", "编号", "Reference"))), .th(.text(l.t("類型", "类型", "Kind"))),
                              .th(.text(l.t("範疇", "范畴", "Area"))), .th(.text(l.t("主題", "主题", "Subject"))),
                              .th(.text(l.t("狀態", "状态", "State"))), .th(.text(l.t("負責單位", "负责单位", "Unit"))),
                              .th(.text(l.t("確認收悉期限", "确认收悉期限", "Acknowledge by"))), .th(.text(l.t("回覆期限", "回复期限", "Reply by"))))),
                   .tbody(.forEach(cases) { c in
                       .tr(.td(.a(.href(SiteURL.officerCase(c.id!).path), .text(c.reference))),
                           .td(.text(FeedbackViews.kindName(c.kind, l))),
                           .td(.text(c.areaNumber.map(String.init) ?? l.t("其他", "其他", "Other"))),
                           .td(.attribute(named: "lang", value: l.contentLang),
                               .text(l.content(PersonalData.masked(c.subject, known: [c.name, c.email, c.phone]), writtenIn: c.script))),
                           .td(.text(FeedbackViews.stateName(c.state, l))),
                           .td(c.unit.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text(c.reassignDueOn.map { l.t("須於 ", "须于 ", "reassign by ") + $0 } ?? "—")),
                           .td(deadline(c.acknowledgeDueOn, owed: c.acknowledgedAt == nil && c.state.isOpen, today: today, l)),
                           .td(deadline(c.replyDueOn, owed: c.state.isOpen && c.state != .awaitingRequester, today: today, l)))
                   }))
        )
        return Layout(title: l.t("意見個案", "意见个案", "Feedback cases"), current: .officerCases, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func actionForm(_ c: FeedbackCase, _ action: CaseWorkflow.Action, _ f: FormContext, _ nodes: Node<HTML.FormContext>...) -> Body {
        .section(.class("case-action"),
                 .h3(.text(actionName(action, f.l))),
                 .form(.method(.post), .action(SiteURL.officerCase(c.id!).path),
                       .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                       .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                       .input(.type(.hidden), .name("version"), .value(String(c.version))),
                       .group(nodes),
                       .button(.type(.submit), .class("secondary"), .text(actionName(action, f.l)))))
    }

    package static func show(_ c: FeedbackCase, messages: [CaseMessage], units: [Unit], templates: [ResponseTemplate], measures: [String],
                     actions: [CaseWorkflow.Action], today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let id = c.id!
        // Every action form has a `text` field: values and errors sent back belong to the form
        // of the action that failed (a chosen reply template fills the answer's).
        func context(_ action: CaseWorkflow.Action) -> FormContext {
            (f.values["action"] ?? CaseWorkflow.Action.answer.rawValue) == action.rawValue ? f : FormContext(csrf: f.csrf, l: l)
        }
        func text(_ action: CaseWorkflow.Action, _ label: String) -> Node<HTML.FormContext> {
            context(action).textarea("text", label: label, prefix: action.rawValue + "-", rows: 5)
        }
        let body: Body = .group(
            .nav(.class("crumbs"), .a(.href(SiteURL.officerCases.path), .text(l.t("意見個案", "意见个案", "Feedback cases")))),
            .h1(.text(c.reference)),
            f.errorSummary,
            .dl(.class("case-facts"),
                .dt(.text(l.t("狀態", "状态", "State"))), .dd(.strong(.text(FeedbackViews.stateName(c.state, l)))),
                .dt(.text(l.t("類型", "类型", "Kind"))), .dd(.text(FeedbackViews.kindName(c.kind, l))),
                .dt(.text(l.t("範疇", "范畴", "Area"))), .dd(.text(c.areaNumber.map(String.init) ?? l.t("其他", "其他", "Other"))),
                .dt(.text(l.t("建議分流", "建议分流", "Suggested routing"))),
                .dd(.text(c.suggestedArea.map { l.t("範疇 ", "范畴 ", "Area ") + String($0) } ?? "—"),
                    .unwrap(c.suggestionConfidence) { conf in
                        .text(String(format: " · %@ %.0f%%", l.t("信心", "信心", "confidence"), conf * 100)
                              + (conf < CaseClassifier.threshold ? " · " + l.t("不確定，請人手判斷", "不确定，请人手判断", "uncertain: decide yourself") : ""))
                    },
                    .unwrap(c.suggestedUnit) { .group(.text(" · "), Parts.content($0.name, writtenIn: $0.script, l)) }),
                .dt(.text(l.t("負責單位", "负责单位", "Unit"))), .dd(c.unit.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text("—")),
                .dt(.text(l.t("收到日期", "收到日期", "Received"))), .dd(.text(c.receivedOn)),
                .dt(.text(l.t("確認收悉期限", "确认收悉期限", "Acknowledge by"))),
                .dd(deadline(c.acknowledgeDueOn, owed: c.acknowledgedAt == nil && c.state.isOpen, today: today, l)),
                .dt(.text(l.t("回覆期限", "回复期限", "Reply by"))),
                .dd(deadline(c.replyDueOn, owed: c.state.isOpen && c.state != .awaitingRequester, today: today, l),
                    .text(" (" + l.t("以", "以", "working days of the ") + l.side(c.holdingSide) + l.t("工作日計", "工作日计", "") + ")")),
                .unwrap(c.reassignDueOn) { .group(.dt(.text(l.t("須重新指派", "须重新指派", "Reassign by"))), .dd(deadline($0, owed: c.unit == nil, today: today, l))) },
                .unwrap(c.mergedInto) { .group(.dt(.text(l.t("已併入", "已并入", "Merged into"))), .dd(.a(.href(SiteURL.officerCase($0.id!).path), .text($0.reference)))) },
                .unwrap(c.rating) { .group(.dt(.text(l.t("評分", "评分", "Rating"))), .dd(.text("\($0) / 5"))) },
                .if(!measures.isEmpty, .group(.dt(.text(l.t("相關措施", "相关措施", "Measures"))),
                                              .dd(.forEach(measures) { .group(.a(.href(SiteURL.officerMeasure($0).path), .text($0)), .text(" ")) })))),
            .h2(.text(l.t("內容", "内容", "Content"))),
            .h3(.attribute(named: "lang", value: c.script), .text(c.subject)),
            .p(.class("case-content"), .attribute(named: "lang", value: c.script), .text(c.content)),
            .h2(.text(l.t("發送人", "发送人", "Sender"))),
            .if(c.personalDataPurgedAt != nil, .p(.text(l.t("個人資料已按保存期限刪除。", "个人资料已按保存期限删除。", "Personal data was deleted at the end of the retention period.")))),
            .dl(.dt(.text(l.t("姓名", "姓名", "Name"))), .dd(.text(c.name ?? "—")),
                .dt(.text(l.t("電郵", "电邮", "E-mail"))), .dd(.text(c.email ?? "—")),
                .dt(.text(l.t("電話", "电话", "Telephone"))), .dd(.text(c.phone ?? "—")),
                .dt(.text(l.t("回覆語言", "回复语言", "Reply in"))), .dd(.text(c.replyLanguage)),
                .dt(.text(l.t("同意用聯絡資料回覆", "同意用联络资料回复", "Contact may be used to reply"))), .dd(.text(c.consentReply ? "✓" : "✗")),
                .dt(.text(l.t("同意與港方分享", "同意与港方分享", "May be shared with the Hong Kong side"))), .dd(.text(c.consentShare ? "✓" : "✗")),
                .dt(.text(l.t("同意條款版本", "同意条款版本", "Consent wording"))), .dd(.text(c.consentVersion + " · " + CalendarDays.iso(c.consentAt)))),
            .if(!c.attachments.isEmpty, .group(
                .h2(.text(l.t("附件", "附件", "Attachments"))),
                .ul(.forEach(c.attachments) { a in
                    .li(.a(.href(SiteURL.officerCaseAttachment(id, a.id!).path), .text(a.originalName)),
                        .text(" · \(a.mediaType) · \((a.size + 1023) / 1024) KB"))
                }))),
            .h2(.text(l.t("往來紀錄", "往来纪录", "Messages and notes"))),
            .if(messages.isEmpty, .p(.text(l.t("暫時未有。", "暂时未有。", "None yet.")))),
            .ol(.class("messages"), .forEach(messages) { m in
                .li(.class("message-\(m.author.rawValue)"),
                    .p(.class("meta"), .text((m.author == .requester ? l.t("發送人", "发送人", "Sender") : (m.user?.displayName ?? ""))
                                             + " · " + (m.toRequester ? l.t("發送人可見", "发送人可见", "seen by the sender") : l.t("內部", "内部", "internal"))
                                             + " · " + (m.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""))),
                    .p(.attribute(named: "lang", value: m.script), .text(m.text)))
            }),
            .if(!actions.isEmpty, .h2(.text(l.t("處理", "处理", "Handle the case")))),
            .forEach(actions) { action in
                switch action {
                case .triage:
                    return actionForm(c, action, f,
                                      context(action).select("area", label: l.t("範疇", "范畴", "Area"), prefix: "triage-",
                                               options: (1...11).map { (String($0), String($0)) } + [("other", l.t("其他", "其他", "Other"))],
                                               selected: (c.areaNumber ?? c.suggestedArea).map(String.init) ?? "other"),
                                      text(action, l.t("給發送人的確認訊息（可留空）", "给发送人的确认讯息（可留空）", "Acknowledgement to the sender (optional)")))
                case .assign:
                    return actionForm(c, action, f,
                                      context(action).select("unit", label: l.t("負責單位", "负责单位", "Unit"), prefix: "assign-",
                                               options: units.map { ($0.id!.uuidString, l.side($0.side) + " · " + l.content($0.name, writtenIn: $0.script)) },
                                               selected: (c.$unit.id ?? c.$suggestedUnit.id)?.uuidString))
                case .decline: return actionForm(c, action, f, text(action, l.t("原因", "原因", "Reason")))
                case .requestInformation: return actionForm(c, action, f, text(action, l.t("需要補充的資料", "需要补充的资料", "What the sender should add")))
                case .answer:
                    return .group(
                        .if(!templates.isEmpty, .p(.class("templates"), .text(l.t("回覆範本：", "回复范本：", "Templates: ")),
                                                   .forEach(readersTemplates(templates, l)) { t in
                                                       .group(.a(.href(SiteURL.officerCase(id).path + "?template=" + t.id!.uuidString + "#answer-text"),
                                                                 .attribute(named: "lang", value: l.contentLang), .text(l.content(t.title, writtenIn: t.script))), .text(" "))
                                                   })),
                        actionForm(c, action, f, text(action, l.t("回覆", "回复", "Reply"))))
                case .close: return actionForm(c, action, f, text(action, l.t("結案訊息（可留空）", "结案讯息（可留空）", "Closing message (optional)")))
                case .merge: return actionForm(c, action, f, context(action).text("target", label: l.t("另一個案的編號", "另一个案的编号", "Reference of the other case"), prefix: "merge-"))
                case .note: return actionForm(c, action, f, text(action, l.t("備註", "备注", "Note")))
                case .linkMeasure: return actionForm(c, action, f, context(action).text("measure", label: l.t("措施編號（例如 11.3）", "措施编号（例如 11.3）", "Measure (e.g. 11.3)"), prefix: "link-"))
                case .accept, .spam: return actionForm(c, action, f)
                }
            }
        )
        return Layout(title: c.reference, current: .officerCase(id), l: l, body: body, officer: (o, f.csrf)).render()
    }

    /// A template kept in both scripts reads the same once converted: offer the one written in
    /// the reader's script.
    package static func readersTemplates(_ templates: [ResponseTemplate], _ l: Localizer) -> [ResponseTemplate] {
        var byTitle: [String: ResponseTemplate] = [:]
        var order: [String] = []
        for t in templates {
            let title = l.content(t.title, writtenIn: t.script)
            if byTitle[title] == nil { order.append(title) }
            if byTitle[title] == nil || t.script == l.contentLang { byTitle[title] = t }
        }
        return order.compactMap { byTitle[$0] }
    }

    package static func table(_ caption: String, _ head: [String], _ rows: [[String]]) -> Body {
        .table(.caption(.text(caption)), .thead(.tr(.forEach(head) { .th(.text($0)) })),
               .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) }))
    }

    package static func statistics(_ s: CaseRecords.Statistics, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let days = { (d: Double?) in d.map { String(format: "%.1f", $0) } ?? "—" }
        let body: Body = .group(
            .h1(.text(l.t("意見個案統計", "意见个案统计", "Feedback statistics"))),
            .dl(.dt(.text(l.t("個案總數", "个案总数", "Cases"))), .dd(.text(String(s.total))),
                .dt(.text(l.t("確認收悉所需工作天（中位數）", "确认收悉所需工作日（中位数）", "Working days to acknowledge (median)"))), .dd(.text(days(s.medianDaysToAcknowledge))),
                .dt(.text(l.t("回覆所需工作天（中位數）", "回复所需工作日（中位数）", "Working days to reply (median)"))), .dd(.text(days(s.medianDaysToReply))),
                .dt(.text(l.t("重開比率", "重开比率", "Reopen rate"))), .dd(.text(String(format: "%.0f%%", s.reopenRate * 100)))),
            table(l.t("按範疇", "按范畴", "By area"), [l.t("範疇", "范畴", "Area"), l.t("個案", "个案", "Cases")], s.byArea.map { [$0.0, String($0.1)] }),
            table(l.t("按類型", "按类型", "By kind"), [l.t("類型", "类型", "Kind"), l.t("個案", "个案", "Cases")],
                  s.byKind.map { [FeedbackCase.Kind(rawValue: $0.0).map { FeedbackViews.kindName($0, l) } ?? $0.0, String($0.1)] }),
            table(l.t("按月份", "按月份", "By month"), [l.t("月份", "月份", "Month"), l.t("個案", "个案", "Cases")], s.byMonth.map { [$0.0, String($0.1)] }),
            table(l.t("按單位：期限內回覆", "按单位：期限内回复", "By unit: replies within the deadline"),
                  [l.t("單位", "单位", "Unit"), l.t("已回覆", "已回复", "Replied"), l.t("期限內", "期限内", "Within deadline"), "%"],
                  s.withinDeadlineByUnit.map { [l.content($0.unit, writtenIn: "zh-Hant"), String($0.replied), String($0.withinDeadline),
                                                 String(format: "%.0f%%", Double($0.withinDeadline) * 100 / Double(max(1, $0.replied)))] }),
            table(l.t("按合作措施", "按合作措施", "By measure"), [l.t("措施", "措施", "Measure"), l.t("個案", "个案", "Cases")], s.perMeasure.map { [$0.0, String($0.1)] })
        )
        return Layout(title: l.t("意見個案統計", "意见个案统计", "Feedback statistics"), current: .officerCaseStatistics, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func accessLog(_ rows: [PersonalDataAccess], questions: [QuestionDataAccess] = [], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        // Cases and questions in one list, latest first.
        let entries = (rows.map { ($0.at, $0.user.username, $0.feedbackCase.reference, $0.what) }
                       + questions.map { ($0.at, $0.user.username, $0.question.reference, $0.what) })
            .sorted { ($0.0 ?? .distantPast) > ($1.0 ?? .distantPast) }
        let body: Body = .group(
            .h1(.text(l.t("跨境查閱紀錄", "跨境查阅纪录", "Cross-boundary access log"))),
            .p(.text(l.t("港方用戶每次查看個案或提問者個人資料的紀錄（各最近 500 項）。", "港方用户每次查看个案或提问者个人资料的纪录（各最近 500 项）。",
                         "Each time a Hong Kong-side user saw the personal data of a case or of a question's asker (latest 500 of each)."))),
            table(l.t("紀錄", "纪录", "Entries"), [l.t("時間", "时间", "Time"), l.t("用戶", "用户", "User"), l.t("個案或提問", "个案或提问", "Case or question"), l.t("內容", "内容", "What")],
                  entries.map { [$0.0.map { ISO8601DateFormatter().string(from: $0) } ?? "", $0.1, $0.2, $0.3] })
        )
        return Layout(title: l.t("跨境查閱紀錄", "跨境查阅纪录", "Cross-boundary access log"), current: .officerAccessLog, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func personalData(officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("查閱資料要求", "查阅资料要求", "Personal data access request"))),
            .p(.text(l.t("匯出以某電郵或電話提交的所有個案及往來訊息、提問及回覆（JSON）。電話號碼不論怎樣輸入（有否 +852、+86、空格）都視為同一人。匯出會記入審計紀錄。",
                         "导出以某电邮或电话提交的所有个案及往来讯息、提问及回复（JSON）。电话号码不论怎样输入（有否 +852、+86、空格）都视为同一人。导出会记入审计纪录。",
                         "Export every case sent with an e-mail address or telephone number, with its messages, and every question asked with it and its answer (JSON). A telephone number is one person however it was typed (with or without +852 or +86, spaces). The export is audited."))),
            f.errorSummary,
            f.form(action: .officerPersonalData,
                   f.text("contact", label: l.t("電郵或電話", "电邮或电话", "E-mail or telephone")),
                   .button(.type(.submit), .class("primary"), .text(l.t("匯出", "导出", "Export"))))
        )
        return Layout(title: l.t("查閱資料要求", "查阅资料要求", "Personal data access request"), current: .officerPersonalData, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func templates(_ templates: [ResponseTemplate], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let anyKind = l.t("任何類型", "任何类型", "Any kind"), anyArea = l.t("任何範疇", "任何范畴", "Any area")
        let body: Body = .group(
            .h1(.text(l.t("回覆範本", "回复范本", "Reply templates"))),
            .p(.text(l.t("處理個案時，符合個案類型及範疇的範本會列在回覆欄上方。", "处理个案时，符合个案类型及范畴的范本会列在回复栏上方。",
                         "On a case, the templates for its kind and area are offered above the reply."))),
            .table(.thead(.tr(.th(.text(l.t("名稱", "名称", "Name"))), .th(.text(l.t("類型", "类型", "Kind"))), .th(.text(l.t("範疇", "范畴", "Area"))),
                              .th(.text(l.t("內容", "内容", "Text"))))),
                   .tbody(.forEach(templates) { t in
                       .tr(.td(.attribute(named: "lang", value: t.script), .text(t.title)),
                           .td(.text(t.kind.map { FeedbackViews.kindName($0, l) } ?? anyKind)),
                           .td(.text(t.areaNumber.map(String.init) ?? anyArea)),
                           .td(.attribute(named: "lang", value: t.script), .text(t.text)))
                   })),
            .if(o.role == .admin || o.role == .liaison, .group(
                .h2(.text(l.t("新增範本", "新增范本", "New template"))),
                f.errorSummary,
                f.form(action: .officerCaseTemplates,
                       f.select("kind", label: l.t("類型", "类型", "Kind"), options: [("", anyKind)] + FeedbackCase.Kind.allCases.map { ($0.rawValue, FeedbackViews.kindName($0, l)) }),
                       f.select("area", label: l.t("範疇", "范畴", "Area"), options: [("", anyArea)] + (1...11).map { (String($0), String($0)) }),
                       f.text("title", label: l.t("名稱", "名称", "Name")),
                       f.textarea("text", label: l.t("內容（以你書寫的字體儲存，顯示時按讀者轉換）", "内容（以你书写的字体保存，显示时按读者转换）",
                                                     "Text (stored in the script you write, converted for each reader)"), rows: 6),
                       .button(.type(.submit), .class("primary"), .text(l.t("儲存", "保存", "Save")))))
            )
        )
        return Layout(title: l.t("回覆範本", "回复范本", "Reply templates"), current: .officerCaseTemplates, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func calendars(_ overrides: [CalendarOverride], shippedYears: [(Side, [Int])], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("工作日曆", "工作日历", "Working-day calendars"))),
            .p(.text(l.t("內地（含調休補班日）及香港的公眾假期隨系統提供，覆蓋年份：", "内地（含调休补班日）及香港的公众假期随系统提供，覆盖年份：",
                         "The Mainland's (with make-up working days) and Hong Kong's holidays ship with the system for: ")
                     + shippedYears.map { l.side($0.0) + " " + ($0.1.first.map(String.init) ?? "") + "–" + ($0.1.last.map(String.init) ?? "") }.joined(separator: "；"))),
            .p(.text(l.t("公佈新一年的安排後，請在此加入；加入的日子會取代系統提供的資料。", "公布新一年的安排后，请在此加入；加入的日子会取代系统提供的资料。",
                         "When a new year's arrangement is announced, add it here; these days replace the shipped data."))),
            overrides.isEmpty ? .p(.class("empty"), .text(l.t("未有修改。", "未有修改。", "No changes yet."))) :
            .table(.thead(.tr(.th(.text(l.t("方", "方", "Side"))), .th(.text(l.t("日期", "日期", "Date"))), .th(.text(l.t("類別", "类别", "Kind"))),
                              .th(.text(l.t("名稱", "名称", "Name"))), .th(.text("")))),
                   .tbody(.forEach(overrides) { row in
                       .tr(.td(.text(l.side(row.side))), .td(.text(row.day)),
                           .td(.text(row.kind == "work" ? l.t("補班日", "补班日", "Make-up working day") : l.t("休息日", "休息日", "Day off"))),
                           .td(.text(row.name)),
                           .td(f.button(action: .officerCalendarDelete(row.id!), label: l.t("刪除", "删除", "Delete"))))
                   })),
            .h2(.text(l.t("加入或修改一天", "加入或修改一天", "Add or change a day"))),
            f.errorSummary,
            f.form(action: .officerCalendars,
                   f.select("side", label: l.t("方", "方", "Side"), options: Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   f.text("day", label: l.t("日期（YYYY-MM-DD）", "日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)")),
                   f.select("kind", label: l.t("類別", "类别", "Kind"),
                            options: [("off", l.t("休息日", "休息日", "Day off")), ("work", l.t("補班日（週末上班）", "补班日（周末上班）", "Make-up working day (a weekend day worked)"))]),
                   f.text("name", label: l.t("名稱", "名称", "Name")),
                   .button(.type(.submit), .class("primary"), .text(l.t("儲存", "保存", "Save"))))
        )
        return Layout(title: l.t("工作日曆", "工作日历", "Working-day calendars"), current: .officerCalendars, l: l, body: body, officer: (o, f.csrf)).render()
    }
}
