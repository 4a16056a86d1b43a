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
            .section(
                .attribute(named: "aria-labelledby", value: "overall"),
                .h2(.id("overall"), .text(l.t("整體進度", "整体进度", "Overall progress"))),
                Parts.progress(o.rollup.percent, label: l.t("整體進度", "整体进度", "Overall progress")),
                counts(o.rollup, l)
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "areas"),
                .h2(.id("areas"), .text(l.t("合作領域", "合作领域", "Areas of cooperation"))),
                .ol(.class("areas"), .forEach(o.areas) { area in
                    .li(
                        .a(.href(SiteURL.area(area.number).path),
                           .span(.class("num"), .text(l.areaLabel(area.number))),
                           Parts.content(area.title, writtenIn: a.script, l)),
                        Parts.progress(area.rollup.percent, label: l.t("進度", "进度", "Progress")),
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
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t("位置", "位置", "Breadcrumb")),
                 .a(.href(SiteURL.home.path), .text(l.t("合作措施", "合作措施", "Measures")))),
            .h1(.attribute(named: "lang", value: l.contentLang), .text(heading)),
            Parts.progress(area.rollup.percent, label: l.t("領域進度", "领域进度", "Area progress")),
            counts(area.rollup, l),
            .ol(.class("measures"), .forEach(area.measures) { m in
                .li(
                    .h2(.a(.href(SiteURL.measure(m.number).path), .text(l.measureLabel(m.number)))),
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
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t("位置", "位置", "Breadcrumb")),
                 .a(.href(SiteURL.home.path), .text(l.t("合作措施", "合作措施", "Measures"))),
                 .text(" › "),
                 .a(.href(SiteURL.area(m.areaNumber).path), .text(l.areaLabel(m.areaNumber) + (l.language == .en ? " " : "")),
                    Parts.content(d.areaTitle, writtenIn: script, l))),
            .h1(.text(l.measureLabel(m.number))),
            .blockquote(.class("measure-text"), .p(Parts.content(m.text, writtenIn: script, l))),
            .section(
                .attribute(named: "aria-labelledby", value: "status"),
                .h2(.id("status"), .text(l.t("進度", "进度", "Progress"))),
                .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l)),
                Parts.progress(m.state.percent, label: l.t("整體進度", "整体进度", "Overall progress")),
                .p(.class("note"), .text(l.t("雙方均確認完成後，措施方列為已完成。",
                                              "双方均确认完成后，措施方列为已完成。",
                                              "A measure is completed only when both sides have signed off."))),
                .div(.class("sides"), .forEach(m.sides) { side in sideBlock(side, l) })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "milestones"),
                .h2(.id("milestones"), .text(l.t("工作節點", "工作节点", "Milestones"))),
                d.milestones.isEmpty
                    ? .p(.class("empty"), .text(l.t("尚未設定工作節點。", "尚未设定工作节点。", "No milestones yet.")))
                    : .ol(.class("timeline"), .forEach(d.milestones) { ms in
                        .li(.class(ms.doneOn == nil ? "open" : "done"),
                            .element(named: "time", nodes: [.attribute(named: "datetime", value: ms.dueOn), .text(ms.dueOn)]),
                            .text(" · " + l.side(ms.side) + " · "),
                            Parts.content(ms.title, writtenIn: ms.script, l),
                            .unwrap(ms.doneOn) { done in .text(" · " + l.t("已完成於 ", "已完成于 ", "done on ") + done) })
                    })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "updates"),
                .h2(.id("updates"), .text(l.t("進展報告", "进展报告", "Progress reports"))),
                d.updates.isEmpty
                    ? .p(.class("empty"), .text(l.t("尚未公佈進展。", "尚未公布进展。", "No progress published yet.")))
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
            )
        )
        return Layout(title: l.measureLabel(m.number), current: .measure(m.number), l: l, body: body).render()
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
                       .caption(.text(l.t("簽署", "签署", "Signatures"))),
                       .tbody(.forEach(a.parties) { p in
                           .tr(.td(.text(c(p.name))), .td(.text(p.signatoryTitle.map(c) ?? "")), .td(.text(p.signedOn ?? "")))
                       })),
                .unwrap(a.annexTitle) { .h2(.text(c($0))) },
                .forEach(o.areas) { area in
                    .section(
                        .h3(.id("area-\(area.number)"), .text(l.areaLabel(area.number) + c(area.title))),
                        .ol(.forEach(area.measures) { m in
                            .li(.id("measure-\(m.number)"), .a(.href(SiteURL.measure(m.number).path), .text(m.number)), .text(" " + c(m.text)))
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
                .dt(.text(l.t("狀態", "状态", "Status"))),
                .dd(Parts.statusBadge(side.status, l), .text(" \(side.percent)%")),
                .dt(.text(l.t("牽頭單位", "牵头单位", "Lead units"))),
                .dd(unitList(side.leads, l)),
                .dt(.text(l.t("配合單位", "配合单位", "Supporting units"))),
                .dd(unitList(side.supports, l)),
                .dt(.text(l.t("確認完成", "确认完成", "Signed off"))),
                .dd(.text(side.signedOffAt.map { CalendarDays.iso($0) } ?? l.t("未確認", "未确认", "Not yet")))
            )
        )
    }

    package static func unitList(_ units: [PortalQueries.Named], _ l: Localizer) -> Body {
        units.isEmpty
            ? .text(l.t("未指派", "未指派", "Not assigned"))
            : .span(.attribute(named: "lang", value: l.contentLang), .text(units.map { l.content($0.name, writtenIn: $0.script) }.joined(separator: "、")))
    }

    package static func agreementMeta(_ a: PortalQueries.AgreementInfo, _ l: Localizer) -> String {
        var parts = [l.content(a.mechanism, writtenIn: a.script)]
        if let meeting = a.meeting { parts.append(l.content(meeting, writtenIn: a.script)) }
        if let signed = a.signedOn { parts.append(l.t("簽署日期 ", "签署日期 ", "signed ") + signed) }
        return parts.joined(separator: " · ")
    }

    package static func countLine(_ r: MeasureProgress.Rollup, _ l: Localizer) -> String {
        let total = l.t("共 \(r.measures) 項措施", "共 \(r.measures) 项措施", "\(r.measures) measures")
        let parts = SideStatus.allCases.filter { r.count($0) > 0 }.map { "\(l.status($0)) \(r.count($0))" }
        return ([total] + parts).joined(separator: " · ")
    }

    package static func counts(_ r: MeasureProgress.Rollup, _ l: Localizer) -> Body {
        .ul(.class("counts"), .forEach(TrafficLight.allCases) { light in
            .li(Parts.lightBadge(light, l), .text(" \(r.count(light))"))
        })
    }
}
