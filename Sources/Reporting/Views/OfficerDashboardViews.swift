import Foundation
import Platform
import Plot
import Tracker

/// The officer's home page.
package enum OfficerDashboardViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func page(_ d: OfficerDashboard.Dashboard, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ReportingText.dashboard))),
            .p(.class("meta"), .text(o.displayName + (o.unitName.map { " · " + l.content($0, writtenIn: o.unitScript ?? "zh-Hant") } ?? "") + " · " + o.role.name(l))),
            .ul(.class("counts"),
                .li(Parts.lightBadge(.red, l), .text(" \(d.overdue)")),
                .li(Parts.lightBadge(.amber, l), .text(" \(d.dueSoon)"))),
            ReportingViews.notices(d.notices, l),
            .if(!d.pending.isEmpty, .section(
                .attribute(named: "aria-labelledby", value: "pending"),
                .h2(.id("pending"), .text(l.t(ReportingText.updatesWaitingForPublication))),
                .ul(.forEach(d.pending) { p in
                    .li(.a(.href(SiteURL.officerMeasure(p.measureNumber).path), .text(l.measureLabel(p.measureNumber))),
                        .text(" · " + p.period + " · "), Parts.content(p.unit.name, writtenIn: p.unit.script, l),
                        .text(" "), f.button(action: .officerPublish(p.id), label: l.t(ReportingText.publish)))
                })
            )),
            .section(
                .attribute(named: "aria-labelledby", value: "mine"),
                .h2(.id("mine"), .text(o.role == .unitOfficer ? l.t(ReportingText.yourUnitsMeasures)
                                                               : l.t(ReportingText.allMeasures))),
                d.rows.isEmpty
                    ? .p(.class("empty"), .text(l.t(ReportingText.noMeasuresAreAssignedYet)))
                    : .table(.class("dashboard"),
                             .thead(.tr(.th(.text(l.t(ReportingText.measure))), .th(.text(l.t(ReportingText.overall))),
                                        .th(.text(l.t(ReportingText.yourSide))), .th(.text(l.t(ReportingText.nextMilestone))))),
                             .tbody(.forEach(d.rows) { row in
                                 .tr(.td(.a(.href(SiteURL.officerMeasure(row.measure.key).path), .text(l.measureLabel(row.measure.key))),
                                         .unwrap(row.unitRole) { .text(" · " + OfficerViews.assignmentRole($0, l)) }),
                                     .td(Parts.lightBadge(row.measure.state.light, l), .text(" "), Parts.statusBadge(row.measure.state.status, l)),
                                     .td(.unwrap(row.mine) { Parts.statusBadge($0.status, l) }, .text(row.mine.map { " \($0.percent)%" } ?? "—")),
                                     .td(.text(row.nextDue ?? "—")))
                             }))
            )
        )
        return Layout(title: l.t(ReportingText.dashboard), current: .officer, l: l, body: body, officer: (o, f.csrf)).render()
    }
}
