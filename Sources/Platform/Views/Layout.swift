import Memorandum
import Plot
import Vapor

/// The frame every public page shares: `lang`, skip link, header with the language switch,
/// main content and footer.
package struct Layout {
    package let title: String
    /// Path of this page, for the language switch.
    package let current: SiteURL
    package let l: Localizer
    package let body: Node<HTML.BodyContext>
    /// The logged-in officer and the session's CSRF token, on officer pages.
    package var officer: (Officer, String)? = nil

    package func render() -> String {
        let siteName = l.t("渝港合作", "渝港合作", "Chongqing–Hong Kong Cooperation")
        let html = HTML(
            .attribute(named: "lang", value: l.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title + " · " + siteName),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .if(officer != nil, .script(.src(SiteURL.officerScript.path), .attribute(named: "defer", value: "defer")))
            ),
            .body(
                .unwrap(officer) { o, csrf in
                    .group(.attribute(named: "data-idle-seconds", value: String(Int(o.idleSeconds))), .attribute(named: "data-csrf", value: csrf))
                },
                .a(.class("skip"), .href("#main"), .text(l.t("跳至內容", "跳至内容", "Skip to content"))),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text(siteName)),
                    .nav(
                        .attribute(named: "aria-label", value: l.t("主選單", "主菜单", "Main")),
                        .ul(
                            .li(.a(.href(SiteURL.home.path), .text(l.t("合作措施", "合作措施", "Measures")))),
                            .li(.a(.href(SiteURL.agreement.path), .text(l.t("備忘錄全文", "备忘录全文", "Full text")))),
                            .li(.a(.href(SiteURL.knowledgeBase.path), .text(l.t("政策解答", "政策解答", "Policy answers")))),
                            .li(.a(.href(SiteURL.search("").path), .text(l.t("搜尋", "搜索", "Search")))),
                            .li(.a(.href(SiteURL.ask.path), .text(l.t("提問", "提问", "Ask")))),
                            .li(.a(.href(SiteURL.feedback.path), .text(l.t("意見", "意见", "Feedback")))),
                            .li(.a(.href(SiteURL.reports.path), .text(l.t("進展報告", "进展报告", "Reports")))),
                            .unwrap(officer) { o, csrf in officerNav(o, csrf) }
                        )
                    ),
                    .nav(
                        .class("languages"),
                        .attribute(named: "aria-label", value: l.t("語言", "语言", "Language")),
                        .ul(.forEach(DisplayLanguage.allCases) { lang in
                            .li(lang == l.language
                                ? .span(.attribute(named: "aria-current", value: "true"), .attribute(named: "lang", value: lang.rawValue), .text(lang.selfName))
                                : .a(.href(current.path(lang: lang)), .attribute(named: "lang", value: lang.rawValue), .attribute(named: "hreflang", value: lang.rawValue), .text(lang.selfName)))
                        })
                    )
                ),
                .main(.id("main"), body),
                .if(officer != nil, .element(named: "dialog", nodes: [
                    .id("idle-warning"), .attribute(named: "aria-labelledby", value: "idle-title"),
                    .h2(.id("idle-title"), .text(l.t("登入即將逾時", "登录即将超时", "Your session is about to end"))),
                    .p(.text(l.t("你已有一段時間沒有操作，兩分鐘後會自動登出。", "你已有一段时间没有操作，两分钟后会自动退出。",
                                 "You have been inactive for a while; you will be logged out in two minutes."))),
                    .button(.id("idle-continue"), .type(.button), .text(l.t("繼續工作", "继续工作", "Stay logged in"))),
                ])),
                .footer(
                    .class("site"),
                    .if(officer == nil, .p(.a(.href(SiteURL.login.path), .text(l.t("工作人員登入", "工作人员登录", "Officer log-in"))))),
                    .p(.text(l.t(
                        "渝港合作會議：重慶市人民政府港澳事務辦公室、香港特別行政區政府政制及內地事務局",
                        "渝港合作会议：重庆市人民政府港澳事务办公室、香港特别行政区政府政制及内地事务局",
                        "Chongqing–Hong Kong Cooperation Conference: Hong Kong and Macao Affairs Office of the Chongqing Municipal People's Government; Constitutional and Mainland Affairs Bureau, HKSAR Government"
                    )))
                )
            )
        )
        return html.render()
    }

    private func officerNav(_ o: Officer, _ csrf: String) -> Node<HTML.ListContext> {
        .group(
            .li(.a(.href(SiteURL.officer.path), .text(l.t("工作台", "工作台", "Dashboard")))),
            .if(o.mayViewDashboards, .group(
                .li(.a(.href(SiteURL.officerOverview.path), .text(l.t("總覽", "总览", "Overview")))),
                .li(.a(.href(SiteURL.officerReports.path), .text(l.t("會議報告", "会议报告", "Meeting reports")))),
                .li(.a(.href(SiteURL.officerReporting.path), .text(l.t("報送週期", "报送周期", "Reporting cadence"))))
            )),
            .if(o.role == .admin, .group(
                .li(.a(.href(SiteURL.officerUsers.path), .text(l.t("帳戶", "账户", "Accounts")))),
                .li(.a(.href(SiteURL.officerUnits.path), .text(l.t("單位", "单位", "Units"))))
            )),
            .li(.a(.href(SiteURL.officerArticles.path), .text(l.t("政策解答條目", "政策解答条目", "Entries")))),
            .li(.a(.href(SiteURL.officerQuestions.path), .text(l.t("公眾提問", "公众提问", "Questions")))),
            .li(.a(.href(SiteURL.officerCases.path), .text(l.t("意見個案", "意见个案", "Feedback cases")))),
            .if(o.role == .admin, .group(
                .li(.a(.href(SiteURL.officerAccessLog.path), .text(l.t("跨境查閱紀錄", "跨境查阅纪录", "Access log")))),
                .li(.a(.href(SiteURL.officerPersonalData.path), .text(l.t("查閱資料要求", "查阅资料要求", "Access requests")))),
                .li(.a(.href(SiteURL.officerCalendars.path), .text(l.t("工作日曆", "工作日历", "Calendars"))))
            )),
            .li(.a(.href(SiteURL.officerTokens.path), .text(l.t("API 權杖", "API 令牌", "API tokens")))),
            .li(.a(.href(SiteURL.twoFactor.path), .text(l.t("雙重驗證", "双重验证", "Two-step log-in")))),
            .li(FormContext(csrf: csrf, l: l).button(action: .logout, label: l.t("登出", "退出登录", "Log out") + " · " + o.displayName, className: "link"))
        )
    }

    package init(title: String, current: SiteURL, l: Localizer, body: Node<HTML.BodyContext>, officer: (Officer, String)? = nil) {
        self.title = title
        self.current = current
        self.l = l
        self.body = body
        self.officer = officer
    }
}

extension Localizer {
    package func status(_ s: SideStatus) -> String {
        switch s {
        case .notStarted: return t("未開展", "未开展", "Not started")
        case .inProgress: return t("推進中", "推进中", "In progress")
        case .ongoing: return t("持續進行", "持续进行", "Ongoing")
        case .completed: return t("已完成", "已完成", "Completed")
        case .delayed: return t("延誤", "延误", "Delayed")
        }
    }

    package func side(_ s: Side) -> String {
        switch s {
        case .cq: return t("渝方", "渝方", "Chongqing side")
        case .hk: return t("港方", "港方", "Hong Kong side")
        }
    }

    package func light(_ light: TrafficLight) -> String {
        switch light {
        case .grey: return t("未開展", "未开展", "Not started")
        case .green: return t("進度正常", "进度正常", "On track")
        case .amber: return t("節點將至", "节点将至", "Milestone due soon")
        case .red: return t("已逾期", "已逾期", "Overdue")
        }
    }

    package func measureLabel(_ number: String) -> String { t("措施 \(number)", "措施 \(number)", "Measure \(number)") }

    package func areaLabel(_ number: Int) -> String {
        language == .en ? "Area \(number)" : ChineseNumeral.format(number) + "、"
    }
}

/// Pieces several pages use.
package enum Parts {
    package static func progress(_ percent: Int, label: String) -> Node<HTML.BodyContext> {
        .element(named: "progress", nodes: [
            .attribute(named: "max", value: "100"),
            .attribute(named: "value", value: String(percent)),
            .attribute(named: "aria-label", value: label),
            .text("\(percent)%"),
        ])
    }

    package static func statusBadge(_ status: SideStatus, _ l: Localizer) -> Node<HTML.BodyContext> {
        .span(.class("status status-\(status.rawValue)"), .text(l.status(status)))
    }

    package static func lightBadge(_ light: TrafficLight, _ l: Localizer) -> Node<HTML.BodyContext> {
        .span(.class("light light-\(light.rawValue)"), .text(l.light(light)))
    }

    /// Content in the reader's script, marked with its language.
    package static func content<Context: HTML.BodyContext>(_ text: String, writtenIn script: String, _ l: Localizer) -> Node<Context> {
        .span(.attribute(named: "lang", value: l.contentLang), .text(l.content(text, writtenIn: script)))
    }
}
