import Foundation
import Platform
import Plot

/// The public pages: home, area, measure and the memorandum's full text.
package enum PortalViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func home(_ o: PortalQueries.Overview, _ l: Localizer) -> String {
        let a = o.agreement
        let title = l.content(a.title, writtenIn: a.script)
        let body: Body = .group(
            .h1(.attribute(named: "lang", value: l.contentLang), .text(title + (a.documentKind.map { " " + l.content($0, writtenIn: a.script) } ?? ""))),
            .p(.class("meta"), .text(agreementMeta(a, l))),
            .p(.class("meta"), .a(.href(SiteURL.mechanism(a.mechanismSlug).path), Parts.content(a.mechanism, writtenIn: a.script, l),
                                  .text(" · " + l.t(TrackerText.meetingsAndDocumentsOf)))),
            .section(
                .attribute(named: "aria-labelledby", value: "overall"),
                .h2(.id("overall"), .text(l.t(TrackerText.overallProgress))),
                Parts.progress(o.rollup.percent, label: l.t(TrackerText.overallProgress)),
                counts(o.rollup, l)
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "areas"),
                .h2(.id("areas"), .text(l.t(TrackerText.areasOfCooperation))),
                .ol(.class("areas"), .forEach(o.areas) { area in
                    .li(
                        .a(.href(SiteURL.area(area.number).path),
                           .span(.class("num"), .text(l.areaLabel(area.number))),
                           Parts.content(area.title, writtenIn: a.script, l)),
                        Parts.progress(area.rollup.percent, label: l.t(TrackerText.progress)),
                        .p(.class("counts"), .text(countLine(area.rollup, l)))
                    )
                })
            )
        )
        return Layout(title: title, current: .home, l: l, body: body).render()
    }

    package static func area(_ o: PortalQueries.Overview, _ area: PortalQueries.AreaRow, _ l: Localizer) -> String {
        let script = o.agreement.script
        let heading = l.areaLabel(area.number) + (l.language == .en ? " " : "") + l.content(area.title, writtenIn: script)
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(TrackerText.breadcrumb)),
                 .a(.href(SiteURL.home.path), .text(l.t(TrackerText.measures)))),
            .h1(.attribute(named: "lang", value: l.contentLang), .text(heading)),
            Parts.progress(area.rollup.percent, label: l.t(TrackerText.areaProgress)),
            counts(area.rollup, l),
            .ol(.class("measures"), .forEach(area.measures) { m in
                .li(
                    .h2(.a(.href(SiteURL.measure(m.key).path), .text(l.measureLabel(m.number)))),
                    .p(Parts.content(m.text, writtenIn: script, l)),
                    .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l),
                       .text(" \(m.state.percent)%"))
                )
            })
        )
        return Layout(title: heading, current: .area(area.number), l: l, body: body).render()
    }

    package static func measure(_ d: PortalQueries.MeasureDetail, _ l: Localizer) -> String {
        let m = d.measure
        let script = d.agreement.script
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(TrackerText.breadcrumb)),
                 .a(.href(SiteURL.home.path), .text(l.t(TrackerText.measures))),
                 .text(" › "),
                 .a(.href(d.isCurrentAgreement ? SiteURL.area(m.areaNumber).path : SiteURL.agreementDocument(d.agreement.slug).path),
                    .text(l.areaLabel(m.areaNumber) + (l.language == .en ? " " : "")),
                    Parts.content(d.areaTitle, writtenIn: script, l))),
            .h1(.text(l.measureLabel(m.number))),
            .if(!d.isCurrentAgreement, .p(.class("meta"), .a(.href(SiteURL.agreementDocument(d.agreement.slug).path),
                                                               Parts.content(d.agreement.title, writtenIn: script, l)))),
            .unwrap(m.group) { .p(.class("meta"), Parts.content($0, writtenIn: script, l)) },
            .blockquote(.class("measure-text"), .p(Parts.content(m.text, writtenIn: script, l))),
            .section(
                .attribute(named: "aria-labelledby", value: "status"),
                .h2(.id("status"), .text(l.t(TrackerText.progress))),
                .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l)),
                Parts.progress(m.state.percent, label: l.t(TrackerText.overallProgress)),
                .p(.class("note"), .text(l.t(TrackerText.measureIsCompletedOnlyWhen))),
                .div(.class("sides"), .forEach(m.sides) { side in sideBlock(side, l) })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "milestones"),
                .h2(.id("milestones"), .text(l.t(TrackerText.milestones))),
                d.milestones.isEmpty
                    ? .p(.class("empty"), .text(l.t(TrackerText.noMilestonesYet)))
                    : .ol(.class("timeline"), .forEach(d.milestones) { ms in
                        .li(.class(ms.doneOn == nil ? "open" : "done"),
                            .element(named: "time", nodes: [.attribute(named: "datetime", value: ms.dueOn), .text(ms.dueOn)]),
                            .text(" · " + l.side(ms.side) + " · "),
                            Parts.content(ms.title, writtenIn: ms.script, l),
                            .unwrap(ms.doneOn) { done in .text(" · " + l.t(TrackerText.doneOn) + done) })
                    })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "updates"),
                .h2(.id("updates"), .text(l.t(TrackerText.progressReports))),
                d.updates.isEmpty
                    ? .p(.class("empty"), .text(l.t(TrackerText.noProgressPublishedYet)))
                    : .ol(.class("updates"), .forEach(d.updates) { u in
                        .li(
                            .h3(.text(l.side(u.side) + " · " + u.period + " · "), Parts.content(u.unit.name, writtenIn: u.unit.script, l)),
                            .p(Parts.statusBadge(u.status, l), .text(" \(u.percent)%")),
                            .p(Parts.content(u.narrative, writtenIn: u.script, l)),
                            .if(!u.evidence.isEmpty, .ul(.class("evidence"), .forEach(u.evidence) { link in
                                .li(.a(.href(link), .attribute(named: "rel", value: "nofollow noopener"), .text(link)))
                            }))
                        )
                    })
            ),
            .if(!d.predecessors.isEmpty || !d.successors.isEmpty, lineage(d, l))
        )
        return Layout(title: l.measureLabel(m.number), current: .measure(m.key), l: l, body: body).render()
    }

    /// Where the measure came from (with the progress reported on it then) and what became of it.
    static func lineage(_ d: PortalQueries.MeasureDetail, _ l: Localizer) -> Body {
        func origin(_ m: Lineage.Measured) -> Body {
            .group(.a(.href(SiteURL.measure(m.key).path), .text(l.measureLabel(m.number))), .text(" · "),
                   Parts.content((m.meetingTitle.map { $0 + " " } ?? "") + m.agreementTitle, writtenIn: m.script, l))
        }
        return .section(
            .attribute(named: "aria-labelledby", value: "lineage"),
            .h2(.id("lineage"), .text(l.t(TrackerText.earlierAndLaterMeetings))),
            .if(!d.successors.isEmpty, .ul(.class("lineage"), .forEach(d.successors) { step in
                .li(.text(l.t(outcomeText(step.outcome)) + " "), .unwrap(step.measure) { origin($0) })
            })),
            .ol(.class("lineage"), .forEach(d.predecessors) { entry in
                .li(
                    .p(.text(l.t(TrackerText.carriedOnFrom) + " "), origin(entry.step.measure), .text(" (" + l.t(outcomeText(entry.step.outcome)) + ")")),
                    .blockquote(.p(Parts.content(entry.step.measure.text, writtenIn: entry.step.measure.script, l))),
                    .ol(.class("updates"), .forEach(entry.updates) { u in
                        .li(.h3(.text(l.side(u.side) + " · " + u.period + " · "), Parts.content(u.unit.name, writtenIn: u.unit.script, l)),
                            .p(Parts.statusBadge(u.status, l), .text(" \(u.percent)%")),
                            .p(Parts.content(u.narrative, writtenIn: u.script, l)))
                    })
                )
            })
        )
    }

    package static func outcomeText(_ o: LinkOutcome) -> TextKey {
        switch o {
        case .continued: return TrackerText.outcomeContinued
        case .merged: return TrackerText.outcomeMerged
        case .split: return TrackerText.outcomeSplit
        case .completed: return TrackerText.outcomeCompleted
        case .dropped: return TrackerText.outcomeDropped
        }
    }

    package static func agreement(_ o: PortalQueries.Overview, _ l: Localizer) -> String {
        let a = o.agreement
        let c = { (text: String) in l.content(text, writtenIn: a.script) }
        let body: Body = .group(
            .article(
                .attribute(named: "lang", value: l.contentLang),
                .class("memorandum"),
                .h1(.text(c(a.title)), .unwrap(a.documentKind) { .text(" " + c($0)) }),
                .forEach(a.preamble) { .p(.text(c($0))) },
                .table(.class("signatures"),
                       .caption(.text(l.t(TrackerText.signatures))),
                       .tbody(.forEach(a.parties) { p in
                           .tr(.td(.text(c(p.name))), .td(.text(p.signatoryTitle.map(c) ?? "")), .td(.text(p.signedOn ?? "")))
                       })),
                .unwrap(a.annexTitle) { .h2(.text(c($0))) },
                .forEach(o.areas) { area in
                    .section(
                        .h3(.id("area-\(area.number)"), .text(l.areaLabel(area.number) + c(area.title))),
                        .ol(.forEach(area.measures) { m in
                            .li(.id("measure-\(m.number)"), .a(.href(SiteURL.measure(m.key).path), .text(m.number)), .text(" " + c(m.text)))
                        })
                    )
                }
            )
        )
        return Layout(title: c(a.title), current: .agreement, l: l, body: body).render()
    }

    package static func sideBlock(_ side: PortalQueries.SideInfo, _ l: Localizer) -> Body {
        .section(
            .class("side side-\(side.side.rawValue)"),
            .h3(.text(l.side(side.side))),
            .dl(
                .dt(.text(l.t(TrackerText.status))),
                .dd(Parts.statusBadge(side.status, l), .text(" \(side.percent)%")),
                .dt(.text(l.t(TrackerText.leadUnits))),
                .dd(unitList(side.leads, l)),
                .dt(.text(l.t(TrackerText.supportingUnits))),
                .dd(unitList(side.supports, l)),
                .dt(.text(l.t(TrackerText.signedOff))),
                .dd(.text(side.signedOffAt.map { CalendarDays.iso($0) } ?? l.t(TrackerText.notYet)))
            )
        )
    }

    package static func unitList(_ units: [PortalQueries.Named], _ l: Localizer) -> Body {
        units.isEmpty
            ? .text(l.t(TrackerText.notAssigned))
            : .span(.attribute(named: "lang", value: l.contentLang), .text(units.map { l.content($0.name, writtenIn: $0.script) }.joined(separator: "、")))
    }

    package static func agreementMeta(_ a: PortalQueries.AgreementInfo, _ l: Localizer) -> String {
        var parts = [l.content(a.mechanism, writtenIn: a.script)]
        if let meeting = a.meeting { parts.append(l.content(meeting, writtenIn: a.script)) }
        if let signed = a.signedOn { parts.append(l.t(TrackerText.signed) + signed) }
        return parts.joined(separator: " · ")
    }

    package static func countLine(_ r: MeasureProgress.Rollup, _ l: Localizer) -> String {
        let total = l.t(TrackerText.measures2(measures: "\(r.measures)"))
        let parts = SideStatus.allCases.filter { r.count($0) > 0 }.map { "\(l.status($0)) \(r.count($0))" }
        return ([total] + parts).joined(separator: " · ")
    }

    package static func counts(_ r: MeasureProgress.Rollup, _ l: Localizer) -> Body {
        .ul(.class("counts"), .forEach(TrafficLight.allCases) { light in
            .li(Parts.lightBadge(light, l), .text(" \(r.count(light))"))
        })
    }
}
