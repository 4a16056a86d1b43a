import Foundation
import Platform
import Plot

/// The officer's view of a measure: updates, milestones, assignments, sign-off and history.
package enum OfficerViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func measure(_ p: OfficerQueries.MeasurePage, officer o: Officer, form f: FormContext, failedForm: String? = nil) -> String {
        let l = f.l
        let m = p.detail.measure
        let script = p.detail.agreement.script
        let blank = FormContext(csrf: f.csrf, l: l)
        func form(_ name: String) -> FormContext { failedForm == name ? f : blank }
        let statuses = SideStatus.allCases.map { ($0.rawValue, l.status($0)) }
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(TrackerText.breadcrumb)),
                 .a(.href(SiteURL.officer.path), .text(l.t(TrackerText.dashboard))), .text(" › "),
                 .a(.href(SiteURL.measure(m.key).path), .text(l.t(TrackerText.publicPage)))),
            .h1(.text(l.measureLabel(m.number))),
            .blockquote(.class("measure-text"), .p(Parts.content(m.text, writtenIn: script, l))),
            .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l), .text(" \(m.state.percent)%")),
            f.errorSummary,
            .div(.class("sides"), .forEach(m.sides) { side in
                .div(PortalViews.sideBlock(side, l),
                     .if(p.isLiaison && o.side == side.side, .group(
                        side.signedOffAt == nil
                            ? (side.status == .completed ? f.button(action: .officerSignOff(m.key), label: l.t(TrackerText.signOffThisSide), className: "primary") : .empty)
                            : f.button(action: .officerRevokeSignOff(m.key), label: l.t(TrackerText.withdrawSignOff))
                     )))
            }),
            .section(
                .attribute(named: "aria-labelledby", value: "assign"),
                .h2(.id("assign"), .text(l.t(TrackerText.assignedUnits))),
                .ul(.forEach(p.assignments) { a in
                    .li(.text(l.side(a.side) + " · " + assignmentRole(a.role, l) + " · "), Parts.content(a.unit.name, writtenIn: a.unit.script, l),
                        .if(p.isLiaison && o.side == a.side, .group(.text(" "), f.button(action: .officerAssignmentDelete(a.id), label: l.t(TrackerText.remove)))))
                }),
                .if(!p.namedUnits.isEmpty, .group(
                    .h3(.text(l.t(TrackerText.unitsTheTextNames))),
                    .ul(.class("named-units"), .forEach(p.namedUnits) { n in
                        .li(.text(assignmentRole(n.role, l) + " · "), Parts.content(n.name, writtenIn: p.detail.agreement.script, l), .text(" → "),
                            .unwrap(n.match) { unit in
                                .group(Parts.content(unit.name.name, writtenIn: unit.name.script, l),
                                       n.assigned ? .text(" ✓") : .if(p.isLiaison && o.side == unit.side, .group(.text(" "),
                                           f.button(action: .officerAssignments(m.key), label: l.t(TrackerText.confirmAssignment),
                                                    values: [("unit", unit.id.uuidString), ("role", n.role.rawValue)]))))
                            },
                            .if(n.match == nil, .text(l.t(TrackerText.noKnownUnitMatches))))
                    }))),
                .if(p.isLiaison && !p.assignableUnits.isEmpty, form("assign").form(action: .officerAssignments(m.key), id: "assign-form",
                    form("assign").select("unit", label: l.t(TrackerText.unit), prefix: "a-",
                                          options: p.assignableUnits.map { ($0.id.uuidString, l.content($0.name.name, writtenIn: $0.name.script)) }),
                    form("assign").select("role", label: l.t(TrackerText.role), prefix: "a-",
                                          options: AssignmentRole.allCases.map { ($0.rawValue, assignmentRole($0, l)) }),
                    .button(.type(.submit), .text(l.t(TrackerText.assign)))))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "milestones"),
                .h2(.id("milestones"), .text(l.t(TrackerText.milestones))),
                .ol(.class("timeline"), .forEach(p.milestones) { ms in
                    .li(.class(ms.info.doneOn == nil ? "open" : "done"),
                        .text(ms.info.dueOn + " · " + l.side(ms.info.side) + " · "), Parts.content(ms.info.title, writtenIn: ms.info.script, l),
                        .unwrap(ms.info.doneOn) { .text(" · " + l.t(TrackerText.doneOn) + $0) },
                        .if(ms.mayComplete, .group(.text(" "), f.button(action: .officerMilestoneDone(ms.id), label: l.t(TrackerText.markDone)))))
                }),
                .if(p.mayReport, form("milestones").form(action: .officerMilestones(m.key), id: "milestone-form",
                    form("milestones").text("title", label: l.t(TrackerText.milestone), prefix: "m-"),
                    form("milestones").text("dueOn", label: l.t(TrackerText.dueDate), prefix: "m-", type: .date),
                    .button(.type(.submit), .text(l.t(TrackerText.addMilestone)))))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "report"),
                .h2(.id("report"), .text(l.t(TrackerText.progressReports))),
                .if(p.mayReport, form("report").form(action: .officerUpdates(m.key), id: "update-form",
                    form("report").text("period", label: l.t(TrackerText.period), prefix: "u-",
                                        hint: l.t(TrackerText.eG202611Or)),
                    form("report").select("status", label: l.t(TrackerText.statusOfYourSide), prefix: "u-", options: statuses),
                    form("report").text("percent", label: l.t(TrackerText.percentDone), prefix: "u-", type: .number),
                    form("report").textarea("narrative", label: l.t(TrackerText.whatHappened), prefix: "u-"),
                    form("report").textarea("evidence", label: l.t(TrackerText.evidenceLinksOnePerLine),
                                            prefix: "u-", rows: 2),
                    form("report").select("visibility", label: l.t(TrackerText.whoMaySeeIt), prefix: "u-", options: [
                        ("internal", l.t(TrackerText.internalOfficersOfBothSides)),
                        ("public", o.role == .liaison ? l.t(TrackerText.publicText)
                                                      : l.t(TrackerText.publicOnceLiaisonOfficeApproves)),
                        ("draft", l.t(TrackerText.draftYourUnitOnly)),
                    ], selected: "internal"),
                    .button(.type(.submit), .class("primary"), .text(l.t(TrackerText.submitUpdate))))),
                .ol(.class("updates"), .forEach(p.updates) { u in
                    .li(.h3(.text(l.side(u.info.side) + " · " + u.info.period + " · "), Parts.content(u.info.unit.name, writtenIn: u.info.unit.script, l)),
                        .p(Parts.statusBadge(u.info.status, l), .text(" \(u.info.percent)% · " + visibility(u.visibility, l) + " · " + u.author)),
                        .p(Parts.content(u.info.narrative, writtenIn: u.info.script, l)),
                        .if(u.publishRequested && p.isLiaison && o.side == u.info.side,
                            f.button(action: .officerPublish(u.id), label: l.t(TrackerText.publish), className: "primary")))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "history"),
                .h2(.id("history"), .text(l.t(TrackerText.history))),
                .table(.class("history"),
                       .thead(.tr(.th(.text(l.t(TrackerText.when))), .th(.text(l.t(TrackerText.who))),
                                  .th(.text(l.t(TrackerText.what))), .th(.text(l.t(TrackerText.before))), .th(.text(l.t(TrackerText.after))))),
                       .tbody(.forEach(p.history) { h in
                           .tr(.td(.text(h.at.map { ISO8601DateFormatter().string(from: $0) } ?? "")), .td(.text(h.actor)), .td(.text(h.action)),
                               .td(.class("json"), .text(h.before ?? "")), .td(.class("json"), .text(h.after ?? "")))
                       }))
            )
        )
        return Layout(title: l.measureLabel(m.number), current: .officerMeasure(m.key), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func assignmentRole(_ r: AssignmentRole, _ l: Localizer) -> String {
        r == .lead ? l.t(TrackerText.lead) : l.t(TrackerText.supporting)
    }

    package static func visibility(_ v: Visibility, _ l: Localizer) -> String {
        switch v {
        case .draft: return l.t(TrackerText.draft)
        case .internal: return l.t(TrackerText.internalText)
        case .public: return l.t(TrackerText.publicText)
        }
    }
}
