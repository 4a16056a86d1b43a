import Consultation
import Feedback
import Foundation
import Platform
import Plot
import Tracker
import WorkCalendar

/// The liaison offices' overview (charts), the reporting cadence and what is owed, the
/// reports to the meeting with their approvals, and the published reports for the public.
package enum ReportingViews {
    package typealias Body = Node<HTML.BodyContext>

    package static let statusColors: [SideStatus: String] = [.notStarted: "#8c979f", .inProgress: "#2f7fb5", .ongoing: "#6a4fa0",
                                                     .completed: "#1e7a3c", .delayed: "#b3261e"]
    package static let lightColors: [TrafficLight: String] = [.grey: "#8c979f", .green: "#1e7a3c", .amber: "#a86f00", .red: "#b3261e"]

    package static func level(_ level: ReportNotice.Level, _ l: Localizer) -> String {
        switch level {
        case .blue: l.t("即將到期", "即将到期", "Due soon")
        case .yellow: l.t("已逾期", "已逾期", "Overdue")
        case .red: l.t("嚴重逾期", "严重逾期", "Overdue, escalated")
        }
    }

    package static func levelBadge(_ lvl: ReportNotice.Level, _ l: Localizer) -> Body {
        .span(.class("light notice-\(lvl.rawValue)"), .text(level(lvl, l)))
    }

    /// The notices on an officer's dashboard.
    package static func notices(_ notices: [OfficerDashboard.NoticeRow], _ l: Localizer) -> Body {
        .section(
            .attribute(named: "aria-labelledby", value: "notices"),
            .h2(.id("notices"), .text(l.t("催辦通知", "催办通知", "Reminders"))),
            notices.isEmpty ? .p(.class("empty"), .text(l.t("沒有待處理的催辦。", "没有待处理的催办。", "Nothing is being chased."))) : .ul(.class("notices"), .forEach(notices) { n in
                .li(levelBadge(n.level, l), .text(" "),
                    .a(.href(SiteURL.officerMeasure(n.measureNumber).path + (n.period == nil ? "#milestones" : "#report")), .text(l.measureLabel(n.measureNumber))),
                    .text(" · " + (n.period.map { l.t("\($0) 進展報告", "\($0) 进展报告", "progress report \($0)") }
                                   ?? l.t("節點", "节点", "milestone") + " " + (n.milestone.map { l.content($0.name, writtenIn: $0.script) } ?? ""))),
                    .text(" · " + l.t("限期", "限期", "due") + " " + n.dueOn),
                    .unwrap(n.unit) { .group(.text(" · "), Parts.content($0.name, writtenIn: $0.script, l)) })
            })
        )
    }

    // MARK: Overview

    package static func overview(_ d: Dashboards.Overview, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let areaNames = d.areas.map { l.areaLabel($0.number) + l.content($0.title, writtenIn: $0.script) }
        let statusRows = d.areas.indices.flatMap { i in Side.allCases.map { areaNames[i] + " · " + l.side($0) } }
        let statusSeries = SideStatus.allCases.map { status in
            Charts.Series(name: l.status(status), color: statusColors[status]!,
                          values: d.areas.flatMap { a in Side.allCases.map { a.status[$0]?[status] ?? 0 } })
        }
        let lights: [TrafficLight] = [.red, .amber, .green, .grey]
        let heatColumns = Side.allCases.flatMap { side in
            lights.map { light in
                Charts.Series(name: l.side(side) + "·" + l.light(light), color: lightColors[light]!, values: d.areas.map { $0.light[side]?[light] ?? 0 })
            }
        }
        let fb = d.feedback
        let figures: [(String, String)] = [
            (l.t("收到意見", "收到意见", "Feedback received"), "\(fb.received)"),
            (l.t("已回覆", "已回复", "Answered"), "\(fb.answered)"),
            (l.t("回覆所需工作日（中位數）", "回复所需工作日（中位数）", "Working days to reply (median)"), ReportViews.days(fb.medianDaysToReply)),
            (l.t("限期內回覆", "限期内回复", "Answered within the deadline"), ReportViews.percent(fb.answeredWithinDeadline, of: fb.answered)),
        ]
        let body: Body = .group(
            .h1(.text(l.t("總覽", "总览", "Overview"))),
            .p(.class("meta"), .text(l.t("截至", "截至", "As of") + " " + d.today + " · "),
               .a(.href(SiteURL.officerReports.path), .text(l.t("會議報告", "会议报告", "Reports to the meeting"))), .text(" · "),
               .a(.href(SiteURL.officerReporting.path), .text(l.t("報送週期及欠交報告", "报送周期及欠交报告", "Reporting cadence and reports owed")))),
            Charts.stackedBars(id: "chart-status", title: l.t("各範疇雙方狀態", "各范畴双方状态", "Status by area and side"),
                               summary: l.t("每個範疇渝方及港方各項措施的狀態數目。", "每个范畴渝方及港方各项措施的状态数目。",
                                            "How many measures of each area are in each status, for each side."),
                               rowHeader: l.t("範疇 · 一方", "范畴 · 一方", "Area · side"), rows: statusRows, series: statusSeries),
            Charts.heatMap(id: "chart-lights", title: l.t("範疇 × 雙方燈號", "范畴 × 双方灯号", "Areas × sides by traffic light"),
                           summary: l.t("每個範疇雙方各燈號的措施數目；顏色越深，數目越多。", "每个范畴双方各灯号的措施数目；颜色越深，数目越多。",
                                        "How many measures of each area each side has at each light; the darker, the more."),
                           rowHeader: l.t("範疇", "范畴", "Area"), rows: areaNames, columns: heatColumns),
            Charts.columns(id: "chart-completed", title: l.t("累計完成措施", "累计完成措施", "Measures completed over time"),
                           summary: l.t("每月月底時雙方均已確認完成的措施累計數目。", "每月月底时双方均已确认完成的措施累计数目。",
                                        "Measures signed off by both sides by the end of each month, in total."),
                           labelHeader: l.t("月份", "月份", "Month"), labels: d.completedByMonth.map(\.month),
                           series: .init(name: l.t("累計完成", "累计完成", "Completed"), color: "#1e7a3c", values: d.completedByMonth.map(\.total)), line: true),
            d.overdue.isEmpty ? .p(.class("empty"), .text(l.t("沒有逾期的進展報告。", "没有逾期的进展报告。", "No progress report is overdue."))) :
                Charts.stackedBars(id: "chart-overdue", title: l.t("各單位逾期報告", "各单位逾期报告", "Overdue reports by unit"),
                                   summary: l.t("各單位逾期未交的進展報告數目，分已逾期及嚴重逾期。", "各单位逾期未交的进展报告数目，分已逾期及严重逾期。",
                                                "Progress reports each unit owes past their due day, overdue and escalated."),
                                   rowHeader: l.t("單位", "单位", "Unit"),
                                   rows: d.overdue.map { l.content($0.unit.name, writtenIn: $0.unit.script) + " · " + l.side($0.side) },
                                   series: [.init(name: level(.yellow, l), color: "#a86f00", values: d.overdue.map(\.yellow)),
                                            .init(name: level(.red, l), color: "#b3261e", values: d.overdue.map(\.red))]),
            .section(
                .attribute(named: "aria-labelledby", value: "feedback-figures"),
                .h2(.id("feedback-figures"), .text(l.t("市民意見（近十二個月）", "市民意见（近十二个月）", "Feedback (last twelve months)"))),
                .table(.class("data"), .tbody(.forEach(figures) { .tr(.th(.attribute(named: "scope", value: "row"), .text($0.0)), .td(.class("n"), .text($0.1))) })),
                fb.byMonth.isEmpty ? .empty :
                    Charts.columns(id: "chart-feedback", title: l.t("每月收到意見", "每月收到意见", "Feedback received per month"),
                                   summary: l.t("近十二個月每月收到的意見數目。", "近十二个月每月收到的意见数目。", "Feedback received in each of the last twelve months."),
                                   labelHeader: l.t("月份", "月份", "Month"), labels: fb.byMonth.map(\.month),
                                   series: .init(name: l.t("收到", "收到", "Received"), color: "#2f7fb5", values: fb.byMonth.map(\.count)))
            )
        )
        return Layout(title: l.t("總覽", "总览", "Overview"), current: .officerOverview, l: l, body: body, officer: (o, f.csrf)).render()
    }

    // MARK: Cadence and what is owed

    package static func reporting(rules: [Side: CadenceRule], owed: [Reporting.Obligation], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let editable = Side.allCases.filter { Permissions.isLiaison(o, of: $0) || o.role == .admin }
        func frequency(_ fr: ReportingCadence.Frequency) -> String { fr == .monthly ? l.t("每月", "每月", "Monthly") : l.t("每季", "每季", "Quarterly") }
        let body: Body = .group(
            .h1(.text(l.t("報送週期及欠交報告", "报送周期及欠交报告", "Reporting cadence and reports owed"))),
            .p(.class("note"), .text(l.t(
                "獲指派措施的單位須就每個報告期提交進展；報告期後一個月的指定日為限期，遇假期順延至該方下一個工作日。限期前發出提醒（藍），逾期轉黃，逾期超過指定工作日或節點逾期轉紅，通知單位並抄送聯絡辦。",
                "获指派措施的单位须就每个报告期提交进展；报告期后一个月的指定日为限期，遇假期顺延至该方下一个工作日。限期前发出提醒（蓝），逾期转黄，逾期超过指定工作日或节点逾期转红，通知单位并抄送联络办。",
                "Each unit assigned to a measure reports on every period. The report is due on the set day of the month after the period, moved to the side's next working day after a weekend or holiday. A reminder goes out before (blue), yellow once overdue, red when overdue beyond the set working days or when a milestone is missed; the unit is told and its liaison office copied."))),
            f.errorSummary,
            .div(.class("wide"), .table(.class("data"),
                   .thead(.tr(.th(.text(l.t("一方", "一方", "Side"))), .th(.text(l.t("週期", "周期", "Frequency"))), .th(.text(l.t("報送日", "报送日", "Due day"))),
                              .th(.text(l.t("提前提醒（工作日）", "提前提醒（工作日）", "Reminder (working days before)"))),
                              .th(.text(l.t("轉紅（逾期工作日）", "转红（逾期工作日）", "Red after (working days late)"))), .th(.text(l.t("開始", "开始", "From"))))),
                   .tbody(.forEach(Side.allCases) { side in
                       let r = rules[side]!
                       return .tr(.td(.text(l.side(side))), .td(.text(frequency(r.frequency))), .td(.text("\(r.dueDay)")), .td(.text("\(r.remindDays)")),
                                  .td(.text("\(r.escalateDays)")), .td(.text(r.startsOn.description)))
                   }))),
            .forEach(editable) { side in
                let r = rules[side]!, prefix = side.rawValue + "-"
                return .section(
                    .attribute(named: "aria-labelledby", value: "cadence-\(side.rawValue)"),
                    .h2(.id("cadence-\(side.rawValue)"), .text(l.t("設定", "设定", "Set the cadence of the ") + l.side(side))),
                    f.form(action: .officerReporting,
                           .input(.type(.hidden), .name("side"), .value(side.rawValue)),
                           f.select("frequency", label: l.t("週期", "周期", "Frequency"), prefix: prefix,
                                    options: ReportingCadence.Frequency.allCases.map { ($0.rawValue, frequency($0)) }, selected: f.values["frequency"] ?? r.frequency.rawValue),
                           f.text("dueDay", label: l.t("報送日（下月第幾日，1–28）", "报送日（下月第几日，1–28）", "Due day (of the following month, 1–28)"), prefix: prefix,
                                  value: f.values["dueDay"] ?? "\(r.dueDay)"),
                           f.text("remindDays", label: l.t("提前提醒的工作日", "提前提醒的工作日", "Working days of notice before"), prefix: prefix,
                                  value: f.values["remindDays"] ?? "\(r.remindDays)"),
                           f.text("escalateDays", label: l.t("逾期多少個工作日轉紅", "逾期多少个工作日转红", "Working days late before red"), prefix: prefix,
                                  value: f.values["escalateDays"] ?? "\(r.escalateDays)"),
                           f.text("startsOn", label: l.t("開始日期", "开始日期", "Starts on"), prefix: prefix, type: .date, value: f.values["startsOn"] ?? r.startsOn.description),
                           .button(.type(.submit), .text(l.t("儲存", "保存", "Save"))))
                )
            },
            .section(
                .attribute(named: "aria-labelledby", value: "owed"),
                .h2(.id("owed"), .text(l.t("待交及逾期報告", "待交及逾期报告", "Reports due and overdue"))),
                owed.isEmpty ? .p(.class("empty"), .text(l.t("沒有待交的報告。", "没有待交的报告。", "No report is due."))) : .div(.class("wide"), .table(.class("data"),
                    .thead(.tr(.th(.text(l.t("狀況", "状况", "Standing"))), .th(.text(l.t("單位", "单位", "Unit"))), .th(.text(l.t("措施", "措施", "Measure"))),
                               .th(.text(l.t("報告期", "报告期", "Period"))), .th(.text(l.t("限期", "限期", "Due"))))),
                    .tbody(.forEach(owed) { ob in
                        .tr(.td(.unwrap(ob.level) { levelBadge($0, l) }), .td(Parts.content(ob.unit.name, writtenIn: ob.unit.script, l)),
                            .td(.a(.href(SiteURL.officerMeasure(ob.measureNumber).path), .text(ob.measureNumber))), .td(.text(ob.period.label)),
                            .td(.text(ob.dueOn.description)))
                    })))
            )
        )
        return Layout(title: l.t("報送週期", "报送周期", "Reporting cadence"), current: .officerReporting, l: l, body: body, officer: (o, f.csrf)).render()
    }

    // MARK: Reports

    package static func approvals(_ r: MeetingReport, _ l: Localizer) -> String {
        Side.allCases.map { side in
            l.side(side) + (r.approvedAt(side).map { " ✓ " + CalendarDay($0).description } ?? l.t(" 待批准", " 待批准", " to approve"))
        }.joined(separator: " · ")
    }

    package static func reports(_ list: [MeetingReport], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("會議報告", "会议报告", "Reports to the meeting"))),
            .p(.class("note"), .text(l.t("報告製作時即凍結，其後修改措施不會改變報告。雙方聯絡辦均批准後，報告在網站公開。",
                                         "报告制作时即冻结，其后修改措施不会改变报告。双方联络办均批准后，报告在网站公开。",
                                         "A report is frozen when it is made: later edits do not change it. It is published once both liaison offices approve it."))),
            list.isEmpty ? .p(.class("empty"), .text(l.t("尚未製作報告。", "尚未制作报告。", "No report yet."))) : .table(.class("data"),
                .thead(.tr(.th(.text(l.t("截至", "截至", "As of"))), .th(.text(l.t("本期自", "本期自", "Period after"))), .th(.text(l.t("批准", "批准", "Approvals"))),
                           .th(.text(l.t("公開", "公开", "Published"))))),
                .tbody(.forEach(list) { r in
                    .tr(.td(.a(.href(SiteURL.officerReport(r.id!).path), .text(r.asOf))), .td(.text(r.since ?? "—")), .td(.text(approvals(r, l))),
                        .td(.text(r.publishedAt.map { CalendarDay($0).description } ?? "—")))
                })),
            .if(o.role == .liaison || o.role == .admin, .section(
                .attribute(named: "aria-labelledby", value: "new-report"),
                .h2(.id("new-report"), .text(l.t("製作報告", "制作报告", "Make a report"))),
                f.errorSummary,
                f.form(action: .officerReports,
                       f.text("asOf", label: l.t("截至日期", "截至日期", "As of"), type: .date, value: f.values["asOf"] ?? ""),
                       f.text("since", label: l.t("本期自", "本期自", "Period after"), type: .date, value: f.values["since"] ?? "", required: false,
                              hint: l.t("可留空：上次報告的截至日期，或簽署日期。", "可留空：上次报告的截至日期，或签署日期。",
                                        "May be left empty: the previous report's date, or the signing.")),
                       .button(.type(.submit), .text(l.t("製作並凍結", "制作并冻结", "Make and freeze"))))
            ))
        )
        return Layout(title: l.t("會議報告", "会议报告", "Reports"), current: .officerReports, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func downloads(_ link: (ReportExport.Format, DisplayLanguage) -> SiteURL, _ l: Localizer) -> Body {
        .ul(.class("counts report-actions"), .forEach([DisplayLanguage.zhHant, .zhHans]) { lang in
            .li(.span(.attribute(named: "lang", value: lang.rawValue), .text(lang.selfName + "：")),
                .forEach(ReportExport.Format.allCases) { format in
                    .group(.a(.href(link(format, lang).path), .text(format.rawValue.uppercased())), .text(" "))
                })
        })
    }

    package static func report(_ r: MeetingReport, _ content: ReportContent, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let mayApprove = o.role == .liaison && o.side.map { r.approvedAt($0) == nil } == true
        let body: Body = .group(
            .h1(.text(ReportViews.title(l) + " · " + r.asOf)),
            .p(.class("meta report-actions"), .text(approvals(r, l) + " · SHA-256 " + r.contentHash.prefix(16) + "…"),
               .text(r.publishedAt == nil ? "" : " · "),
               .if(r.publishedAt != nil, .a(.href(SiteURL.report(r.id!).path), .text(l.t("公開版本", "公开版本", "Public page"))))),
            .if(mayApprove, .p(.class("report-actions"), f.button(action: .officerReportApprove(r.id!), label: l.t("批准本方", "批准本方", "Approve for our side"), className: "primary"))),
            downloads({ .officerReportDownload(r.id!, $0, $1) }, l),
            ReportViews.body(content, l)
        )
        return Layout(title: ReportViews.title(l), current: .officerReport(r.id!), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func publicReports(_ list: [MeetingReport], _ l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t("落實進展報告", "落实进展报告", "Progress reports"))),
            .p(.class("note"), .text(l.t("向渝港合作會議提交、經雙方聯絡辦批准的進展報告。", "向渝港合作会议提交、经双方联络办批准的进展报告。",
                                         "Progress reports to the Chongqing–Hong Kong Cooperation Conference, approved by both liaison offices."))),
            list.isEmpty ? .p(.class("empty"), .text(l.t("暫未有公開報告。", "暂未有公开报告。", "No report is published yet."))) :
                .ul(.forEach(list) { r in .li(.a(.href(SiteURL.report(r.id!).path), .text(ReportViews.title(l) + " · " + r.asOf))) })
        )
        return Layout(title: l.t("進展報告", "进展报告", "Progress reports"), current: .reports, l: l, body: body).render()
    }

    package static func publicReport(_ r: MeetingReport, _ content: ReportContent, _ l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(ReportViews.title(l) + " · " + r.asOf)),
            .p(.class("meta"), .text(approvals(r, l))),
            downloads({ .reportDownload(r.id!, $0, $1) }, l),
            ReportViews.body(content, l)
        )
        return Layout(title: ReportViews.title(l), current: .report(r.id!), l: l, body: body).render()
    }
}
