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
        case .blue: l.t(ReportingText.dueSoon)
        case .yellow: l.t(ReportingText.overdue)
        case .red: l.t(ReportingText.overdueEscalated)
        }
    }

    package static func levelBadge(_ lvl: ReportNotice.Level, _ l: Localizer) -> Body {
        .span(.class("light notice-\(lvl.rawValue)"), .text(level(lvl, l)))
    }

    /// The notices on an officer's dashboard.
    package static func notices(_ notices: [OfficerDashboard.NoticeRow], _ l: Localizer) -> Body {
        .section(
            .attribute(named: "aria-labelledby", value: "notices"),
            .h2(.id("notices"), .text(l.t(ReportingText.reminders))),
            notices.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.nothingIsBeingChased))) : .ul(.class("notices"), .forEach(notices) { n in
                .li(levelBadge(n.level, l), .text(" "),
                    .a(.href(SiteURL.officerMeasure(n.measureNumber).path + (n.period == nil ? "#milestones" : "#report")), .text(l.measureLabel(n.measureNumber))),
                    .text(" · " + (n.period.map { l.t(ReportingText.progressReportPeriod(period: "\($0)")) }
                                   ?? l.t(ReportingText.milestone) + " " + (n.milestone.map { l.content($0.name, writtenIn: $0.script) } ?? ""))),
                    .text(" · " + l.t(ReportingText.due) + " " + n.dueOn),
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
            (l.t(ReportingText.feedbackReceived2), "\(fb.received)"),
            (l.t(ReportingText.answered), "\(fb.answered)"),
            (l.t(ReportingText.workingDaysToReplyMedian), ReportViews.days(fb.medianDaysToReply)),
            (l.t(ReportingText.answeredWithinDeadline), ReportViews.percent(fb.answeredWithinDeadline, of: fb.answered)),
        ]
        let body: Body = .group(
            .h1(.text(l.t(ReportingText.overview))),
            .p(.class("meta"), .text(l.t(ReportingText.asOf) + " " + d.today + " · "),
               .a(.href(SiteURL.officerReports.path), .text(l.t(ReportingText.reportsToMeeting))), .text(" · "),
               .a(.href(SiteURL.officerReporting.path), .text(l.t(ReportingText.reportingCadenceAndReportsOwed)))),
            Charts.stackedBars(id: "chart-status", title: l.t(ReportingText.statusByAreaAndSide),
                               summary: l.t(ReportingText.howManyMeasuresOfEach),
                               rowHeader: l.t(ReportingText.areaSide), rows: statusRows, series: statusSeries),
            Charts.heatMap(id: "chart-lights", title: l.t(ReportingText.areasSidesByTrafficLight),
                           summary: l.t(ReportingText.howManyMeasuresOfEachArea),
                           rowHeader: l.t(ReportingText.area), rows: areaNames, columns: heatColumns),
            Charts.columns(id: "chart-completed", title: l.t(ReportingText.measuresCompletedOverTime),
                           summary: l.t(ReportingText.measuresSignedOffByBoth),
                           labelHeader: l.t(ReportingText.month), labels: d.completedByMonth.map(\.month),
                           series: .init(name: l.t(ReportingText.completed), color: "#1e7a3c", values: d.completedByMonth.map(\.total)), line: true),
            d.overdue.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noProgressReportIsOverdue))) :
                Charts.stackedBars(id: "chart-overdue", title: l.t(ReportingText.overdueReportsByUnit),
                                   summary: l.t(ReportingText.progressReportsEachUnitOwes),
                                   rowHeader: l.t(ReportingText.unit),
                                   rows: d.overdue.map { l.content($0.unit.name, writtenIn: $0.unit.script) + " · " + l.side($0.side) },
                                   series: [.init(name: level(.yellow, l), color: "#a86f00", values: d.overdue.map(\.yellow)),
                                            .init(name: level(.red, l), color: "#b3261e", values: d.overdue.map(\.red))]),
            .section(
                .attribute(named: "aria-labelledby", value: "feedback-figures"),
                .h2(.id("feedback-figures"), .text(l.t(ReportingText.feedbackLastTwelveMonths))),
                .table(.class("data"), .tbody(.forEach(figures) { .tr(.th(.attribute(named: "scope", value: "row"), .text($0.0)), .td(.class("n"), .text($0.1))) })),
                fb.byMonth.isEmpty ? .empty :
                    Charts.columns(id: "chart-feedback", title: l.t(ReportingText.feedbackReceivedPerMonth),
                                   summary: l.t(ReportingText.feedbackReceivedInEachOf),
                                   labelHeader: l.t(ReportingText.month), labels: fb.byMonth.map(\.month),
                                   series: .init(name: l.t(ReportingText.received), color: "#2f7fb5", values: fb.byMonth.map(\.count)))
            )
        )
        return Layout(title: l.t(ReportingText.overview), current: .officerOverview, l: l, body: body, officer: (o, f.csrf)).render()
    }

    // MARK: Cadence and what is owed

    package static func reporting(rules: [Side: CadenceRule], owed: [Reporting.Obligation], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let editable = Side.allCases.filter { Permissions.isLiaison(o, of: $0) || o.role == .admin }
        func frequency(_ fr: ReportingCadence.Frequency) -> String { fr == .monthly ? l.t(ReportingText.monthly) : l.t(ReportingText.quarterly) }
        let body: Body = .group(
            .h1(.text(l.t(ReportingText.reportingCadenceAndReportsOwed))),
            .p(.class("note"), .text(l.t(ReportingText.eachUnitAssignedToMeasure))),
            f.errorSummary,
            .div(.class("wide"), .table(.class("data"),
                   .thead(.tr(.th(.text(l.t(ReportingText.side))), .th(.text(l.t(ReportingText.frequency))), .th(.text(l.t(ReportingText.dueDay))),
                              .th(.text(l.t(ReportingText.reminderWorkingDaysBefore))),
                              .th(.text(l.t(ReportingText.redAfterWorkingDaysLate))), .th(.text(l.t(ReportingText.from))))),
                   .tbody(.forEach(Side.allCases) { side in
                       let r = rules[side]!
                       return .tr(.td(.text(l.side(side))), .td(.text(frequency(r.frequency))), .td(.text("\(r.dueDay)")), .td(.text("\(r.remindDays)")),
                                  .td(.text("\(r.escalateDays)")), .td(.text(r.startsOn.description)))
                   }))),
            .forEach(editable) { side in
                let r = rules[side]!, prefix = side.rawValue + "-"
                return .section(
                    .attribute(named: "aria-labelledby", value: "cadence-\(side.rawValue)"),
                    .h2(.id("cadence-\(side.rawValue)"), .text(l.t(ReportingText.setCadenceOfSide(side: l.side(side))))),
                    f.form(action: .officerReporting,
                           .input(.type(.hidden), .name("side"), .value(side.rawValue)),
                           f.select("frequency", label: l.t(ReportingText.frequency), prefix: prefix,
                                    options: ReportingCadence.Frequency.allCases.map { ($0.rawValue, frequency($0)) }, selected: f.values["frequency"] ?? r.frequency.rawValue),
                           f.text("dueDay", label: l.t(ReportingText.dueDayOfFollowingMonth), prefix: prefix,
                                  value: f.values["dueDay"] ?? "\(r.dueDay)"),
                           f.text("remindDays", label: l.t(ReportingText.workingDaysOfNoticeBefore), prefix: prefix,
                                  value: f.values["remindDays"] ?? "\(r.remindDays)"),
                           f.text("escalateDays", label: l.t(ReportingText.workingDaysLateBeforeRed), prefix: prefix,
                                  value: f.values["escalateDays"] ?? "\(r.escalateDays)"),
                           f.text("startsOn", label: l.t(ReportingText.startsOn), prefix: prefix, type: .date, value: f.values["startsOn"] ?? r.startsOn.description),
                           .button(.type(.submit), .text(l.t(ReportingText.save))))
                )
            },
            .section(
                .attribute(named: "aria-labelledby", value: "owed"),
                .h2(.id("owed"), .text(l.t(ReportingText.reportsDueAndOverdue))),
                owed.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noReportIsDue))) : .div(.class("wide"), .table(.class("data"),
                    .thead(.tr(.th(.text(l.t(ReportingText.standing))), .th(.text(l.t(ReportingText.unit))), .th(.text(l.t(ReportingText.measure))),
                               .th(.text(l.t(ReportingText.period))), .th(.text(l.t(ReportingText.due2))))),
                    .tbody(.forEach(owed) { ob in
                        .tr(.td(.unwrap(ob.level) { levelBadge($0, l) }), .td(Parts.content(ob.unit.name, writtenIn: ob.unit.script, l)),
                            .td(.a(.href(SiteURL.officerMeasure(ob.measureNumber).path), .text(ob.measureNumber))), .td(.text(ob.period.label)),
                            .td(.text(ob.dueOn.description)))
                    })))
            )
        )
        return Layout(title: l.t(ReportingText.reportingCadence), current: .officerReporting, l: l, body: body, officer: (o, f.csrf)).render()
    }

    // MARK: Reports

    package static func approvals(_ r: MeetingReport, _ l: Localizer) -> String {
        Side.allCases.map { side in
            l.side(side) + (r.approvedAt(side).map { " ✓ " + CalendarDay($0).description } ?? l.t(ReportingText.toApprove))
        }.joined(separator: " · ")
    }

    /// `documents`: the agreements the officer may report on (value: ID), the current memorandum first.
    package static func reports(_ list: [MeetingReport], documents: [(value: String, label: String)], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ReportingText.reportsToMeeting))),
            .p(.class("note"), .text(l.t(ReportingText.reportIsFrozenWhenIt))),
            list.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noReportYet))) : .table(.class("data"),
                .thead(.tr(.th(.text(l.t(ReportingText.asOf))), .th(.text(l.t(ReportingText.periodAfter))), .th(.text(l.t(ReportingText.approvals))),
                           .th(.text(l.t(ReportingText.published))))),
                .tbody(.forEach(list) { r in
                    .tr(.td(.a(.href(SiteURL.officerReport(r.id!).path), .text(r.asOf))), .td(.text(r.since ?? "—")), .td(.text(approvals(r, l))),
                        .td(.text(r.publishedAt.map { CalendarDay($0).description } ?? "—")))
                })),
            .if(o.role == .liaison || o.role == .admin, .section(
                .attribute(named: "aria-labelledby", value: "new-report"),
                .h2(.id("new-report"), .text(l.t(ReportingText.makeReport))),
                f.errorSummary,
                f.form(action: .officerReports,
                       .if(documents.count > 1, f.select("agreement", label: l.t(ReportingText.reportOnDocument), options: documents)),
                       f.text("asOf", label: l.t(ReportingText.asOf2), type: .date, value: f.values["asOf"] ?? ""),
                       f.text("since", label: l.t(ReportingText.periodAfter), type: .date, value: f.values["since"] ?? "", required: false,
                              hint: l.t(ReportingText.mayBeLeftEmptyPrevious)),
                       .button(.type(.submit), .text(l.t(ReportingText.makeAndFreeze))))
            ))
        )
        return Layout(title: l.t(ReportingText.reports), current: .officerReports, l: l, body: body, officer: (o, f.csrf)).render()
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
               .if(r.publishedAt != nil, .a(.href(SiteURL.report(r.id!).path), .text(l.t(ReportingText.publicPage))))),
            .if(mayApprove, .p(.class("report-actions"), f.button(action: .officerReportApprove(r.id!), label: l.t(ReportingText.approveForOurSide), className: "primary"))),
            downloads({ .officerReportDownload(r.id!, $0, $1) }, l),
            ReportViews.body(content, l)
        )
        return Layout(title: ReportViews.title(l), current: .officerReport(r.id!), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func publicReports(_ list: [MeetingReport], _ l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t(ReportingText.progressReports))),
            .p(.class("note"), .text(l.t(ReportingText.progressReportsToChongqingHong))),
            list.isEmpty ? .p(.class("empty"), .text(l.t(ReportingText.noReportIsPublishedYet))) :
                .ul(.forEach(list) { r in .li(.a(.href(SiteURL.report(r.id!).path), .text(ReportViews.title(l) + " · " + r.asOf))) })
        )
        return Layout(title: l.t(ReportingText.progressReports2), current: .reports, l: l, body: body).render()
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
