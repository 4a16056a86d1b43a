import Crypto
import Feedback
import Foundation
import Platform
import Plot
import Tracker

/// The report to the meeting: the HTML body (shown inside the site and as a standalone file
/// for printing and PDF) and the tables CSV and XLSX are made of. Everything is rendered from
/// the frozen `ReportContent`.
package enum ReportViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func title(_ l: Localizer) -> String {
        l.t("合作措施落實進展報告", "合作措施落实进展报告", "Progress report on the cooperation measures")
    }

    package static func kind(_ raw: String, _ l: Localizer) -> String {
        FeedbackCase.Kind(rawValue: raw).map { FeedbackViews.kindName($0, l) } ?? raw
    }

    package static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "—" : String(format: "%.0f%%", Double(part) / Double(whole) * 100)
    }

    package static func days(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }

    package static func text(_ t: ReportContent.Text, _ l: Localizer) -> String { l.content(t.text, writtenIn: t.script) }

    /// What a change in the period was, in words.
    package static func describe(_ c: ReportContent.Change, _ l: Localizer) -> String {
        func status(_ raw: String?) -> String { raw.flatMap(SideStatus.init(rawValue:)).map(l.status) ?? "—" }
        switch c.kind {
        case "side.status": return l.t("狀態", "状态", "Status") + ": " + status(c.before) + " → " + status(c.after)
        case "signoff": return l.t("確認完成", "确认完成", "Signed off")
        case "signoff.revoke": return l.t("撤回完成確認", "撤回完成确认", "Sign-off withdrawn")
        case "milestone.add":
            return l.t("新增節點", "新增节点", "New milestone") + ": " + (c.title.map { text($0, l) } ?? "") + " (" + (c.after ?? "") + ")"
        default: return l.t("節點完成", "节点完成", "Milestone done") + ": " + (c.title.map { text($0, l) } ?? "")
        }
    }

    package static func reason(_ r: ReportContent.Reason, _ l: Localizer) -> String {
        switch r.kind {
        case .milestoneMissed:
            return l.side(r.side) + " · " + l.t("節點逾期", "节点逾期", "Milestone missed") + ": " + (r.text.map { text($0, l) } ?? "") + " (" + (r.dueOn ?? "") + ")"
        case .reportedDelay:
            return l.side(r.side) + " · " + l.t("報告延誤", "报告延误", "Reported delayed") + ": "
                + (r.text.map { text($0, l) } ?? l.t("未有公開說明。", "未有公开说明。", "No public explanation yet."))
        }
    }

    /// The report's content as a page section (inside the site's layout or a standalone file).
    package static func body(_ c: ReportContent, _ l: Localizer) -> Body {
        let h = c.headline, f = c.feedback
        let headline: [(String, String)] = [
            (l.t("措施總數", "措施总数", "Measures"), "\(h.measures)"),
            (l.status(.completed), "\(h.completed)"), (l.status(.ongoing), "\(h.ongoing)"), (l.status(.inProgress), "\(h.inProgress)"),
            (l.status(.notStarted), "\(h.notStarted)"), (l.status(.delayed), "\(h.delayed)"),
            (l.t("平均完成度", "平均完成度", "Average completion"), "\(h.percent)%"),
            (l.t("已完成節點", "已完成节点", "Milestones done"), "\(c.milestonesDone)"),
            (l.t("逾期未完成節點", "逾期未完成节点", "Milestones missed"), "\(c.milestonesMissed)"),
            (l.t("期內進展報告", "期内进展报告", "Progress updates in the period"), "\(c.updatesInPeriod)"),
            (l.t("期內收到意見", "期内收到意见", "Feedback received in the period"), "\(f.received)"),
            (l.t("期內已回覆意見", "期内已回复意见", "Feedback answered in the period"), "\(f.answered)"),
            (l.t("回覆所需工作日（中位數）", "回复所需工作日（中位数）", "Working days to reply (median)"), days(f.medianDaysToReply)),
            (l.t("限期內回覆", "限期内回复", "Answered within the deadline"), percent(f.answeredWithinDeadline, of: f.answered)),
        ]
        return .div(
            .class("report"),
            .p(.class("meta"), .text(text(c.agreementTitle, l) + (c.meeting.flatMap { c.agreementTitle.text.contains($0) ? nil : " · " + $0 } ?? ""))),
            .p(.class("meta"), .text(l.t("截至", "截至", "As of") + " " + c.asOf + " · " + l.t("本期自", "本期自", "Period after") + " " + c.since)),
            .section(
                .attribute(named: "aria-labelledby", value: "r-headline"),
                .h2(.id("r-headline"), .text(l.t("一、總體情況", "一、总体情况", "1. Headline figures"))),
                .table(.class("figures"), .tbody(.forEach(headline) { .tr(.th(.attribute(named: "scope", value: "row"), .text($0.0)), .td(.text($0.1))) }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-areas"),
                .h2(.id("r-areas"), .text(l.t("二、各範疇進展", "二、各范畴进展", "2. Progress by area"))),
                .forEach(c.areas) { area(area: $0, l) }
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-completed"),
                .h2(.id("r-completed"), .text(l.t("三、已完成措施", "三、已完成措施", "3. Measures completed"))),
                c.completed.isEmpty ? .p(.class("empty"), .text(l.t("未有。", "未有。", "None."))) : .table(
                    .thead(.tr(.th(.text(l.t("措施", "措施", "Measure"))), .th(.text(l.t("內容", "内容", "Text"))), .th(.text(l.t("完成日期", "完成日期", "Completed on"))))),
                    .tbody(.forEach(c.completed) { m in .tr(.td(.text(m.number)), .td(.text(text(m.text, l))), .td(.text(m.completedOn ?? "—"))) }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-delayed"),
                .h2(.id("r-delayed"), .text(l.t("四、延誤措施及原因", "四、延误措施及原因", "4. Delayed measures and why"))),
                c.delayed.isEmpty ? .p(.class("empty"), .text(l.t("未有。", "未有。", "None."))) : .ul(.class("delayed"), .forEach(c.delayed) { d in
                    .li(.strong(.text(l.measureLabel(d.number))), .text(" " + text(d.text, l)),
                        .ul(.forEach(d.reasons) { .li(.text(reason($0, l))) }))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-changes"),
                .h2(.id("r-changes"), .text(l.t("五、本期變動", "五、本期变动", "5. What changed in the period"))),
                c.changes.isEmpty ? .p(.class("empty"), .text(l.t("未有。", "未有。", "None."))) : .table(
                    .thead(.tr(.th(.text(l.t("日期", "日期", "Date"))), .th(.text(l.t("措施", "措施", "Measure"))), .th(.text(l.t("一方", "一方", "Side"))),
                               .th(.text(l.t("變動", "变动", "Change"))))),
                    .tbody(.forEach(c.changes) { ch in
                        .tr(.td(.text(ch.on)), .td(.text(ch.measure)), .td(.text(ch.side.map(l.side) ?? "—")), .td(.text(describe(ch, l))))
                    }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-feedback"),
                .h2(.id("r-feedback"), .text(l.t("六、市民意見", "六、市民意见", "6. Feedback from the public"))),
                f.byMonth.isEmpty ? .p(.class("empty"), .text(l.t("本期未有意見。", "本期未有意见。", "No feedback in the period."))) : .table(
                    .thead(.tr(.th(.text(l.t("月份", "月份", "Month"))), .th(.text(l.t("收到", "收到", "Received"))))),
                    .tbody(.forEach(f.byMonth) { .tr(.td(.text($0.month)), .td(.text("\($0.count)"))) }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-annex"),
                .h2(.id("r-annex"), .text(l.t("附表：全部措施", "附表：全部措施", "Annex: every measure"))),
                .table(.class("annex"),
                       .thead(.tr(.th(.text(l.t("措施", "措施", "Measure"))), .th(.text(l.t("整體", "整体", "Overall"))), .th(.text("%")),
                                  .th(.text(l.side(.cq))), .th(.text(l.side(.hk))), .th(.text(l.t("燈號", "灯号", "Light"))))),
                       .tbody(.forEach(c.measures) { m in
                           .tr(.td(.text(m.number)), .td(.text(l.status(m.status))), .td(.text("\(m.percent)")), .td(.text(l.status(m.cq))),
                               .td(.text(l.status(m.hk))), .td(.text(l.light(m.light))))
                       }))
            )
        )
    }

    package static func area(area a: ReportContent.AreaSection, _ l: Localizer) -> Body {
        let fb = a.feedback
        return .section(
            .class("area"),
            .h3(.text(l.areaLabel(a.number) + text(a.title, l))),
            .p(.text(l.t("措施 \(a.counts.measures) 項：已完成 \(a.counts.completed)、延誤 \(a.counts.delayed)、平均完成度 \(a.counts.percent)%。",
                         "措施 \(a.counts.measures) 项：已完成 \(a.counts.completed)、延误 \(a.counts.delayed)、平均完成度 \(a.counts.percent)%。",
                         "\(a.counts.measures) measures: \(a.counts.completed) completed, \(a.counts.delayed) delayed, \(a.counts.percent)% on average."))),
            a.narratives.isEmpty ? .p(.class("empty"), .text(l.t("未有公開進展。", "未有公开进展。", "No public update yet."))) : .ul(.forEach(a.narratives) { n in
                .li(.strong(.text(l.measureLabel(n.measure) + " · " + l.side(n.side) + " · " + text(n.unit, l) + " · " + n.period + " · " + l.status(n.status) + " \(n.percent)%")),
                    .br(), .text(text(n.text, l)))
            }),
            .if(fb.received > 0, .p(.class("feedback"), .text(
                l.t("期內意見 \(fb.received) 宗（已回覆 \(fb.answered)）", "期内意见 \(fb.received) 宗（已回复 \(fb.answered)）", "\(fb.received) feedback cases (\(fb.answered) answered)")
                + "：" + fb.byKind.sorted { $0.key < $1.key }.map { kind($0.key, l) + " \($0.value)" }.joined(separator: "、")
                + (fb.measures.isEmpty ? "" : l.t("；涉及措施 ", "；涉及措施 ", "; measures raised: ") + fb.measures.map { "\($0.term)（\($0.count)）" }.joined(separator: "、"))
                + (fb.terms.isEmpty ? "" : l.t("；常見詞語 ", "；常见词语 ", "; recurring words: ")
                    + fb.terms.map { l.content($0.term, writtenIn: "zh-Hant") + "（\($0.count)）" }.joined(separator: "、")))))
        )
    }

    /// The standalone file's own stylesheet; served, it is allowed by its hash in the
    /// Content-Security-Policy (`styleHash`).
    /// A Simplified report is set in a Simplified Chinese face, a Traditional one in the Hong Kong
    /// face (not the Taiwan forms); Debian's fonts-noto-cjk has both, which `scripts/install-deps` installs.
    package static let inlineStyle = "body { font: 15px/1.6 sans-serif; color: #1d2329; margin: 1.5rem; }"
        + " :is(body, [lang]):lang(zh-Hans) { font-family: \"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"Noto Serif CJK SC\", sans-serif; }"
        + " :is(body, [lang]):lang(zh-Hant) { font-family: \"Noto Sans CJK HK\", \"Noto Sans HK\", \"Source Han Sans HK\", \"Noto Serif CJK HK\", sans-serif; }"
        + Stylesheet.report

    /// The standalone document's language: Traditional is Hong Kong's (`zh-Hant-HK`), so that
    /// readers and fonts choose the Hong Kong forms.
    package static func documentLanguage(_ l: Localizer) -> String {
        l.language == .zhHant ? "zh-Hant-HK" : l.language.rawValue
    }
    package static let styleHash = "sha256-" + Data(SHA256.hash(data: Data(inlineStyle.utf8))).base64EncodedString()

    /// A complete HTML document with its own print stylesheet, for files and PDF.
    package static func standalone(_ c: ReportContent, _ l: Localizer) -> String {
        let document = HTML(
            .attribute(named: "lang", value: documentLanguage(l)),
            .head(.meta(.charset(.utf8)), .title(title(l) + " · " + c.asOf),
                  .raw("<style>" + inlineStyle + "</style>")),
            .body(.main(.h1(.text(title(l))), body(c, l)))
        )
        return document.render()
    }

    // MARK: Tables (CSV, XLSX)

    package typealias Sheet = Spreadsheet.Sheet
    package typealias Cell = Spreadsheet.Cell

    package static func sheets(_ c: ReportContent, _ l: Localizer) -> [Sheet] {
        let h = c.headline, f = c.feedback
        func n(_ v: Int) -> Cell { .number(Double(v)) }
        let summary: [[Cell]] = [
            [.text(l.t("截至", "截至", "As of")), .text(c.asOf)], [.text(l.t("本期自", "本期自", "Period after")), .text(c.since)],
            [.text(l.t("措施總數", "措施总数", "Measures")), n(h.measures)], [.text(l.status(.completed)), n(h.completed)],
            [.text(l.status(.ongoing)), n(h.ongoing)], [.text(l.status(.inProgress)), n(h.inProgress)],
            [.text(l.status(.notStarted)), n(h.notStarted)], [.text(l.status(.delayed)), n(h.delayed)],
            [.text(l.t("平均完成度", "平均完成度", "Average completion")), n(h.percent)],
            [.text(l.t("已完成節點", "已完成节点", "Milestones done")), n(c.milestonesDone)],
            [.text(l.t("逾期未完成節點", "逾期未完成节点", "Milestones missed")), n(c.milestonesMissed)],
            [.text(l.t("期內進展報告", "期内进展报告", "Progress updates in the period")), n(c.updatesInPeriod)],
            [.text(l.t("期內收到意見", "期内收到意见", "Feedback received")), n(f.received)],
            [.text(l.t("期內已回覆意見", "期内已回复意见", "Feedback answered")), n(f.answered)],
            [.text(l.t("回覆所需工作日（中位數）", "回复所需工作日（中位数）", "Working days to reply (median)")), f.medianDaysToReply.map { .number($0) } ?? .text("—")],
            [.text(l.t("限期內回覆", "限期内回复", "Answered within the deadline")), n(f.answeredWithinDeadline)],
        ]
        let narratives = Dictionary(grouping: c.areas.flatMap(\.narratives), by: \.measure)
        func latest(_ m: String, _ side: Side) -> Cell { .text(narratives[m]?.first { $0.side == side }.map { text($0.text, l) } ?? "") }
        let delays = Dictionary(uniqueKeysWithValues: c.delayed.map { ($0.number, $0.reasons.map { reason($0, l) }.joined(separator: "\n")) })
        return [
            Sheet(name: l.t("摘要", "摘要", "Summary"), header: [l.t("項目", "项目", "Item"), l.t("數值", "数值", "Value")], rows: summary),
            Sheet(name: l.t("措施", "措施", "Measures"),
                  header: [l.t("措施", "措施", "Measure"), l.t("內容", "内容", "Text"), l.t("整體", "整体", "Overall"), "%", l.t("燈號", "灯号", "Light"),
                           l.side(.cq), l.side(.hk), l.t("完成日期", "完成日期", "Completed on"), l.t("延誤原因", "延误原因", "Why delayed"),
                           l.side(.cq) + l.t("最新進展", "最新进展", " latest update"), l.side(.hk) + l.t("最新進展", "最新进展", " latest update")],
                  rows: c.measures.map { m in
                      [.text(m.number), .text(text(m.text, l)), .text(l.status(m.status)), n(m.percent), .text(l.light(m.light)),
                       .text(l.status(m.cq)), .text(l.status(m.hk)), .text(m.completedOn ?? ""), .text(delays[m.number] ?? ""),
                       latest(m.number, .cq), latest(m.number, .hk)]
                  }),
            Sheet(name: l.t("本期變動", "本期变动", "Changes"),
                  header: [l.t("日期", "日期", "Date"), l.t("措施", "措施", "Measure"), l.t("一方", "一方", "Side"), l.t("變動", "变动", "Change")],
                  rows: c.changes.map { [.text($0.on), .text($0.measure), .text($0.side.map(l.side) ?? ""), .text(describe($0, l))] }),
            Sheet(name: l.t("市民意見", "市民意见", "Feedback"),
                  header: [l.t("範疇", "范畴", "Area"), l.t("收到", "收到", "Received"), l.t("已回覆", "已回复", "Answered"),
                           l.t("涉及措施", "涉及措施", "Measures raised"), l.t("常見詞語", "常见词语", "Recurring words")],
                  rows: c.areas.map { a in
                      [.text(l.areaLabel(a.number) + text(a.title, l)), n(a.feedback.received), n(a.feedback.answered),
                       .text(a.feedback.measures.map { "\($0.term) (\($0.count))" }.joined(separator: ", ")),
                       .text(a.feedback.terms.map { l.content($0.term, writtenIn: "zh-Hant") + " (\($0.count))" }.joined(separator: ", "))]
                  }),
        ]
    }

    /// Every table, one after another, each under its name: one CSV file for Excel.
    package static func csvRows(_ c: ReportContent, _ l: Localizer) -> [[String]] {
        sheets(c, l).enumerated().flatMap { index, sheet in
            (index == 0 ? [] : [[]]) + [[sheet.name], sheet.header] + sheet.rows.map { $0.map(\.string) }
        }
    }
}
