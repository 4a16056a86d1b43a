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
        l.t(ReportingText.progressReportOnCooperationMeasures)
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
        case "side.status": return l.t(ReportingText.status) + ": " + status(c.before) + " → " + status(c.after)
        case "signoff": return l.t(ReportingText.signedOff)
        case "signoff.revoke": return l.t(ReportingText.signOffWithdrawn)
        case "milestone.add":
            return l.t(ReportingText.newMilestone) + ": " + (c.title.map { text($0, l) } ?? "") + " (" + (c.after ?? "") + ")"
        default: return l.t(ReportingText.milestoneDone) + ": " + (c.title.map { text($0, l) } ?? "")
        }
    }

    package static func reason(_ r: ReportContent.Reason, _ l: Localizer) -> String {
        switch r.kind {
        case .milestoneMissed:
            return l.side(r.side) + " · " + l.t(ReportingText.milestoneMissed) + ": " + (r.text.map { text($0, l) } ?? "") + " (" + (r.dueOn ?? "") + ")"
        case .reportedDelay:
            return l.side(r.side) + " · " + l.t(ReportingText.reportedDelayed) + ": "
                + (r.text.map { text($0, l) } ?? l.t(ReportingText.noPublicExplanationYet))
        }
    }

    /// The report's content as a page section (inside the site's layout or a standalone file).
    package static func body(_ c: ReportContent, _ l: Localizer) -> Body {
        let h = c.headline, f = c.feedback
        let headline: [(String, String)] = [
            (l.t(ReportingText.measures), "\(h.measures)"),
            (l.status(.completed), "\(h.completed)"), (l.status(.ongoing), "\(h.ongoing)"), (l.status(.inProgress), "\(h.inProgress)"),
            (l.status(.notStarted), "\(h.notStarted)"), (l.status(.delayed), "\(h.delayed)"),
            (l.t(ReportingText.averageCompletion), "\(h.percent)%"),
            (l.t(ReportingText.milestonesDone), "\(c.milestonesDone)"),
            (l.t(ReportingText.milestonesMissed), "\(c.milestonesMissed)"),
            (l.t(ReportingText.progressUpdatesInPeriod), "\(c.updatesInPeriod)"),
            (l.t(ReportingText.feedbackReceivedInPeriod), "\(f.received)"),
            (l.t(ReportingText.feedbackAnsweredInPeriod), "\(f.answered)"),
            (l.t(ReportingText.workingDaysToReplyMedian), days(f.medianDaysToReply)),
            (l.t(ReportingText.answeredWithinDeadline), percent(f.answeredWithinDeadline, of: f.answered)),
        ]
        return .div(
            .class("report"),
            .p(.class("meta"), .text(text(c.agreementTitle, l) + (c.meeting.flatMap { c.agreementTitle.text.contains($0) ? nil : " · " + $0 } ?? ""))),
            .p(.class("meta"), .text(l.t(ReportingText.asOf) + " " + c.asOf + " · " + l.t(ReportingText.periodAfter) + " " + c.since)),
            .section(
                .attribute(named: "aria-labelledby", value: "r-headline"),
                .h2(.id("r-headline"), .text(l.t(ReportingText.n1HeadlineFigures))),
                .table(.class("figures"), .tbody(.forEach(headline) { .tr(.th(.attribute(named: "scope", value: "row"), .text($0.0)), .td(.text($0.1))) }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-areas"),
                .h2(.id("r-areas"), .text(l.t(ReportingText.n2ProgressByArea))),
                .forEach(c.areas) { area(area: $0, l) }
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-completed"),
                .h2(.id("r-completed"), .text(l.t(ReportingText.n3MeasuresCompleted))),
                c.completed.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.none))) : .table(
                    .thead(.tr(.th(.text(l.t(ReportingText.measure))), .th(.text(l.t(ReportingText.text))), .th(.text(l.t(ReportingText.completedOn))))),
                    .tbody(.forEach(c.completed) { m in .tr(.td(.text(m.number)), .td(.text(text(m.text, l))), .td(.text(m.completedOn ?? "—"))) }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-delayed"),
                .h2(.id("r-delayed"), .text(l.t(ReportingText.n4DelayedMeasuresAndWhy))),
                c.delayed.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.none))) : .ul(.class("delayed"), .forEach(c.delayed) { d in
                    .li(.strong(.text(l.measureLabel(d.number))), .text(" " + text(d.text, l)),
                        .ul(.forEach(d.reasons) { .li(.text(reason($0, l))) }))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-changes"),
                .h2(.id("r-changes"), .text(l.t(ReportingText.n5WhatChangedInPeriod))),
                c.changes.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.none))) : .table(
                    .thead(.tr(.th(.text(l.t(ReportingText.date))), .th(.text(l.t(ReportingText.measure))), .th(.text(l.t(ReportingText.side))),
                               .th(.text(l.t(ReportingText.change))))),
                    .tbody(.forEach(c.changes) { ch in
                        .tr(.td(.text(ch.on)), .td(.text(ch.measure)), .td(.text(ch.side.map(l.side) ?? "—")), .td(.text(describe(ch, l))))
                    }))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "r-feedback"),
                .h2(.id("r-feedback"), .text(l.t(ReportingText.n6FeedbackFromPublic))),
                f.byMonth.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noFeedbackInPeriod))) : .table(
                    .thead(.tr(.th(.text(l.t(ReportingText.month))), .th(.text(l.t(ReportingText.received))))),
                    .tbody(.forEach(f.byMonth) { .tr(.td(.text($0.month)), .td(.text("\($0.count)"))) }))
            ),
            .unwrap(c.sinceLastMeeting.flatMap { $0.isEmpty && (c.unmapped ?? 0) == 0 ? nil : $0 }) { carried in
                .section(
                    .attribute(named: "aria-labelledby", value: "r-lineage"),
                    .h2(.id("r-lineage"), .text(l.t(ReportingText.n7WhatBecameOfPrevious))),
                    .if((c.unmapped ?? 0) > 0, .p(.class("note"), .text(l.t(ReportingText.previousMeasuresNotMapped(count: "\(c.unmapped ?? 0)"))))),
                    .table(
                        .thead(.tr(.th(.text(l.t(ReportingText.measure))), .th(.text(l.t(ReportingText.text))), .th(.text(l.t(ReportingText.whatBecameOfIt))))),
                        .tbody(.forEach(carried) { m in
                            .tr(.td(.text(m.measure)), .td(.text(text(m.text, l))),
                                .td(.text(l.t(outcome(m.outcome)) + (m.into.isEmpty ? "" : " → " + m.into.joined(separator: ", ")))))
                        }))
                )
            },
            .section(
                .attribute(named: "aria-labelledby", value: "r-annex"),
                .h2(.id("r-annex"), .text(l.t(ReportingText.annexEveryMeasure))),
                .table(.class("annex"),
                       .thead(.tr(.th(.text(l.t(ReportingText.measure))), .th(.text(l.t(ReportingText.overall))), .th(.text("%")),
                                  .th(.text(l.side(.cq))), .th(.text(l.side(.hk))), .th(.text(l.t(ReportingText.light))))),
                       .tbody(.forEach(c.measures) { m in
                           .tr(.td(.text(m.number)), .td(.text(l.status(m.status))), .td(.text("\(m.percent)")), .td(.text(l.status(m.cq))),
                               .td(.text(l.status(m.hk))), .td(.text(l.light(m.light))))
                       }))
            )
        )
    }

    static func outcome(_ raw: String) -> TextKey {
        PortalViews.outcomeText(LinkOutcome(rawValue: raw) ?? .continued)
    }

    package static func area(area a: ReportContent.AreaSection, _ l: Localizer) -> Body {
        let fb = a.feedback
        return .section(
            .class("area"),
            .h3(.text(l.areaLabel(a.number) + text(a.title, l))),
            .p(.text(l.t(ReportingText.measuresCompletedDelayedPercentOn(measures: "\(a.counts.measures)", completed: "\(a.counts.completed)", delayed: "\(a.counts.delayed)", percent: "\(a.counts.percent)")))),
            a.narratives.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noPublicUpdateYet))) : .ul(.forEach(a.narratives) { n in
                .li(.strong(.text(l.measureLabel(n.measure) + " · " + l.side(n.side) + " · " + text(n.unit, l) + " · " + n.period + " · " + l.status(n.status) + " \(n.percent)%")),
                    .br(), .text(text(n.text, l)))
            }),
            .if(fb.received > 0, .p(.class("feedback"), .text(
                l.t(ReportingText.receivedFeedbackCasesAnswered(received: "\(fb.received)", answered: "\(fb.answered)"))
                + "：" + fb.byKind.sorted { $0.key < $1.key }.map { kind($0.key, l) + " \($0.value)" }.joined(separator: "、")
                + (fb.measures.isEmpty ? "" : l.t(ReportingText.measuresRaised) + fb.measures.map { "\($0.term)（\($0.count)）" }.joined(separator: "、"))
                + (fb.terms.isEmpty ? "" : l.t(ReportingText.recurringWords)
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
            [.text(l.t(ReportingText.asOf)), .text(c.asOf)], [.text(l.t(ReportingText.periodAfter)), .text(c.since)],
            [.text(l.t(ReportingText.measures)), n(h.measures)], [.text(l.status(.completed)), n(h.completed)],
            [.text(l.status(.ongoing)), n(h.ongoing)], [.text(l.status(.inProgress)), n(h.inProgress)],
            [.text(l.status(.notStarted)), n(h.notStarted)], [.text(l.status(.delayed)), n(h.delayed)],
            [.text(l.t(ReportingText.averageCompletion)), n(h.percent)],
            [.text(l.t(ReportingText.milestonesDone)), n(c.milestonesDone)],
            [.text(l.t(ReportingText.milestonesMissed)), n(c.milestonesMissed)],
            [.text(l.t(ReportingText.progressUpdatesInPeriod)), n(c.updatesInPeriod)],
            [.text(l.t(ReportingText.feedbackReceived)), n(f.received)],
            [.text(l.t(ReportingText.feedbackAnswered)), n(f.answered)],
            [.text(l.t(ReportingText.workingDaysToReplyMedian)), f.medianDaysToReply.map { .number($0) } ?? .text("—")],
            [.text(l.t(ReportingText.answeredWithinDeadline)), n(f.answeredWithinDeadline)],
        ]
        let narratives = Dictionary(grouping: c.areas.flatMap(\.narratives), by: \.measure)
        func latest(_ m: String, _ side: Side) -> Cell { .text(narratives[m]?.first { $0.side == side }.map { text($0.text, l) } ?? "") }
        let delays = Dictionary(uniqueKeysWithValues: c.delayed.map { ($0.number, $0.reasons.map { reason($0, l) }.joined(separator: "\n")) })
        return [
            Sheet(name: l.t(ReportingText.summary), header: [l.t(ReportingText.item), l.t(ReportingText.value)], rows: summary),
            Sheet(name: l.t(ReportingText.measures2),
                  header: [l.t(ReportingText.measure), l.t(ReportingText.text), l.t(ReportingText.overall), "%", l.t(ReportingText.light),
                           l.side(.cq), l.side(.hk), l.t(ReportingText.completedOn), l.t(ReportingText.whyDelayed),
                           l.t(ReportingText.sideLatestUpdate(side: l.side(.cq))), l.t(ReportingText.sideLatestUpdate(side: l.side(.hk)))],
                  rows: c.measures.map { m in
                      [.text(m.number), .text(text(m.text, l)), .text(l.status(m.status)), n(m.percent), .text(l.light(m.light)),
                       .text(l.status(m.cq)), .text(l.status(m.hk)), .text(m.completedOn ?? ""), .text(delays[m.number] ?? ""),
                       latest(m.number, .cq), latest(m.number, .hk)]
                  }),
            Sheet(name: l.t(ReportingText.changes),
                  header: [l.t(ReportingText.date), l.t(ReportingText.measure), l.t(ReportingText.side), l.t(ReportingText.change)],
                  rows: c.changes.map { [.text($0.on), .text($0.measure), .text($0.side.map(l.side) ?? ""), .text(describe($0, l))] }),
            Sheet(name: l.t(ReportingText.feedback),
                  header: [l.t(ReportingText.area), l.t(ReportingText.received), l.t(ReportingText.answered),
                           l.t(ReportingText.measuresRaised2), l.t(ReportingText.recurringWords2)],
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
