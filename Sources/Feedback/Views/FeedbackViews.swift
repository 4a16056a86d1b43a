import Platform
import Plot
import Tracker

/// The public pages of the feedback channel.
package enum FeedbackViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func kindName(_ k: FeedbackCase.Kind, _ l: Localizer) -> String {
        switch k {
        case .opinion: l.t("意見", "意见", "Opinion")
        case .suggestion: l.t("建議", "建议", "Suggestion")
        case .complaint: l.t("投訴", "投诉", "Complaint")
        case .compliment: l.t("讚賞", "赞赏", "Compliment")
        }
    }

    package static func stateName(_ s: CaseState, _ l: Localizer) -> String {
        switch s {
        case .new: l.t("已收到", "已收到", "Received")
        case .triaged: l.t("已分流", "已分流", "Triaged")
        case .assigned: l.t("已交負責單位", "已交负责单位", "Assigned to a unit")
        case .inProgress: l.t("處理中", "处理中", "Being handled")
        case .awaitingRequester: l.t("等待你補充資料", "等待你补充资料", "Waiting for your information")
        case .answered: l.t("已回覆", "已回复", "Answered")
        case .closed: l.t("已結案", "已结案", "Closed")
        case .reopened: l.t("已重開", "已重开", "Reopened")
        case .merged: l.t("已與另一個案合併", "已与另一个案合并", "Merged with another case")
        case .spam: l.t("不予處理", "不予处理", "Not handled")
        }
    }

    package static func areaOptions(_ areas: [Area], _ l: Localizer) -> [(value: String, label: String)] {
        [("", l.t("請選擇", "请选择", "Choose"))]
            + areas.map { (String($0.number), "\($0.number). " + l.content($0.title, writtenIn: "zh-Hant")) }
            + [("other", l.t("其他", "其他", "Other"))]
    }


    package static func form(areas: [Area], form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("意見及建議", "意见及建议", "Opinions and suggestions"))),
            .p(.text(l.t("在重慶生活、工作、求學的香港居民，歡迎就渝港合作及在渝生活提出意見。你會收到個案編號和查閱碼，憑兩者跟進個案；我們會在 10 個工作天內回覆。",
                         "在重庆生活、工作、求学的香港居民，欢迎就渝港合作及在渝生活提出意见。你会收到个案编号和查阅码，凭两者跟进个案；我们会在 10 个工作日内回复。",
                         "Hong Kong people living, working or studying in Chongqing are welcome to send opinions on Chongqing–Hong Kong cooperation and life in Chongqing. You will get a reference and an access code to follow your case; we reply within 10 working days."))),
            f.errorSummary,
            .form(.method(.post), .action(SiteURL.feedback.path), .enctype(.multipartData),
                  .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                  f.select("kind", label: l.t("類型", "类型", "Kind"),
                           options: [("", l.t("請選擇", "请选择", "Choose"))] + FeedbackCase.Kind.allCases.map { ($0.rawValue, kindName($0, l)) }),
                  f.select("area", label: l.t("範疇", "范畴", "Area"), options: areaOptions(areas, l)),
                  f.text("subject", label: l.t("主題", "主题", "Subject")),
                  f.textarea("content", label: l.t("內容", "内容", "Your feedback"), rows: 8,
                             hint: l.t("請勿在內容中填寫身份證號碼等個人資料。", "请勿在内容中填写身份证号码等个人资料。", "Please do not put identity card numbers or other personal data in the text.")),
                  FormContext.fieldset(l.t("聯絡資料（可留空）", "联络资料（可留空）", "Contact details (optional)"),
                      f.text("name", label: l.t("姓名", "姓名", "Name"), required: false, autocomplete: "name"),
                      f.text("email", label: l.t("電郵", "电邮", "E-mail"), type: .email, required: false, autocomplete: "email"),
                      f.text("phone", label: l.t("電話", "电话", "Telephone"), type: .tel, required: false, autocomplete: "tel"),
                      f.select("replyLanguage", label: l.t("回覆語言", "回复语言", "Reply in"),
                               options: [("zh-Hant", "繁體中文"), ("zh-Hans", "简体中文"), ("en", "English")], selected: l.language.rawValue)
                  ),
                  FormContext.fieldset(l.t("同意事項（不剔選亦可提交）", "同意事项（不勾选亦可提交）", "Consent (you can send without it)"),
                      f.checkbox("consentReply", label: l.t("(a) 我同意你們使用以上聯絡資料回覆我。", "(a) 我同意你们使用以上联络资料回复我。",
                                                            "(a) I agree that you use the contact details above to reply to me.")),
                      f.checkbox("consentShare", label: l.t("(b) 我同意把個案（包括我的個人資料）交香港特區政府相關部門跟進。", "(b) 我同意把个案（包括我的个人资料）交香港特区政府相关部门跟进。",
                                                            "(b) I agree that the case, with my personal data, is shared with the Hong Kong SAR Government's offices concerned."))
                  ),
                  .div(.class("field"),
                       .label(.for("attachments"), .text(l.t("附件（最多 3 個 PDF、JPEG 或 PNG 檔案，每個不超過 5 MB）", "附件（最多 3 个 PDF、JPEG 或 PNG 文件，每个不超过 5 MB）",
                                                              "Attachments (up to 3 PDF, JPEG or PNG files, 5 MB each)"))),
                       .unwrap(f.errors["attachments"]) { .p(.class("field-error"), .id("attachments-error"), .text($0.text(l))) },
                       .selfClosedElement(named: "input", attributes: [
                           .type(.file), .name("attachments[]"), .id("attachments"), .attribute(named: "multiple", value: "multiple"),
                           .attribute(named: "accept", value: "application/pdf,image/jpeg,image/png"),
                       ] + (f.errors["attachments"] != nil ? [.attribute(named: "aria-describedby", value: "attachments-error")] : []))),
                  .div(.class("hp"), .attribute(named: "aria-hidden", value: "true"),
                       .label(.for("website"), .text("Website")),
                       .input(.type(.text), .name("website"), .id("website"), .attribute(named: "tabindex", value: "-1"), .attribute(named: "autocomplete", value: "off"))),
                  .button(.type(.submit), .class("primary"), .text(l.t("提交", "提交", "Send"))))
        )
        return Layout(title: l.t("意見及建議", "意见及建议", "Opinions and suggestions"), current: .feedback, l: l, body: body).render()
    }

    package static func receipt(_ r: PublicReference.Receipt, l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t("已收到你的意見", "已收到你的意见", "Your feedback has been received"))),
            .p(.text(l.t("請記下以下資料，查閱碼只顯示這一次。", "请记下以下资料，查阅码只显示这一次。", "Write these down: the access code is shown only now."))),
            .dl(.dt(.text(l.t("個案編號", "个案编号", "Reference"))), .dd(.code(.text(r.reference))),
                .dt(.text(l.t("查閱碼", "查阅码", "Access code"))), .dd(.code(.text(r.accessCode)))),
            .p(.a(.href(SiteURL.feedbackCase(r.reference).path), .text(l.t("跟進個案", "跟进个案", "Follow your case"))))
        )
        return Layout(title: r.reference, current: .feedback, l: l, body: body).render()
    }

    /// The code goes with every action form, so the sender types it once.
    package static func codeForm(_ f: FormContext, _ reference: String, _ action: String, _ code: String, _ nodes: Node<HTML.FormContext>...) -> Body {
        .form(.method(.post), .action(SiteURL.feedbackAction(reference, action).path),
              .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
              .input(.type(.hidden), .name("code"), .value(code)),
              .group(nodes))
    }

    package static func follow(reference: String, state: FeedbackController.FollowState?, code: String, failed: Bool, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(reference)),
            .unwrap(state, { s in
                let c = s.c
                return .group(
                    f.errorSummary,
                    .dl(.dt(.text(l.t("狀態", "状态", "Status"))), .dd(.strong(.text(stateName(c.state, l)))),
                        .dt(.text(l.t("類型", "类型", "Kind"))), .dd(.text(kindName(c.kind, l))),
                        .dt(.text(l.t("收到日期", "收到日期", "Received"))), .dd(.text(c.receivedOn)),
                        .if(c.state.isOpen, .group(.dt(.text(l.t("預計回覆日期", "预计回复日期", "Reply due by"))), .dd(.text(c.replyDueOn))))),
                    .h2(.text(l.t("主題", "主题", "Subject"))),
                    .p(.attribute(named: "lang", value: l.contentLang), .text(l.content(c.subject, writtenIn: c.script))),
                    .h2(.text(l.t("往來訊息", "往来讯息", "Messages"))),
                    .if(s.messages.isEmpty, .p(.text(l.t("暫時未有。", "暂时未有。", "None yet.")))),
                    .ol(.class("messages"), .forEach(s.messages) { m in
                        .li(.class("message-\(m.author.rawValue)"),
                            .p(.class("meta"), .text((m.author == .officer ? l.t("回覆", "回复", "Reply") : l.t("你的補充", "你的补充", "You added"))
                                                     + " · " + (m.createdAt.map(CalendarDays.iso) ?? ""))),
                            .p(.attribute(named: "lang", value: l.contentLang), .text(l.content(m.text, writtenIn: m.script))))
                    }),
                    .if(![.closed, .merged, .spam].contains(c.state), codeForm(f, c.reference, "add", code,
                        f.textarea("text", label: l.t("補充資料", "补充资料", "Add information"), rows: 4),
                        .button(.type(.submit), .text(l.t("送出", "送出", "Send"))))),
                    .if((c.state == .answered || c.state == .closed) && c.rating == nil, codeForm(f, c.reference, "rate", code,
                        f.select("rating", label: l.t("你對回覆的評分（5 為最滿意）", "你对回复的评分（5 为最满意）", "Rate the answer (5 is best)"),
                                 options: [("5", "5"), ("4", "4"), ("3", "3"), ("2", "2"), ("1", "1")]),
                        .button(.type(.submit), .text(c.state == .answered ? l.t("評分並結案", "评分并结案", "Rate and close") : l.t("評分", "评分", "Rate"))))),
                    .if(s.canReopen, codeForm(f, c.reference, "reopen", code,
                        .p(.text(l.t("結案後 30 日內可重開個案。", "结案后 30 日内可重开个案。", "You can reopen the case within 30 days of its closing."))),
                        .button(.type(.submit), .class("secondary"), .text(l.t("重開個案", "重开个案", "Reopen the case")))))
                )
            }, else: .group(
                .if(failed, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                 .p(.text(l.t("個案編號或查閱碼不正確。", "个案编号或查阅码不正确。", "The reference or access code is not right."))))),
                f.form(action: .feedbackCase(reference),
                       f.text("code", label: l.t("查閱碼", "查阅码", "Access code"), autocomplete: "off"),
                       .button(.type(.submit), .text(l.t("查看", "查看", "Show"))))
            ))
        )
        return Layout(title: reference, current: .feedbackCase(reference), l: l, body: body).render()
    }
}
