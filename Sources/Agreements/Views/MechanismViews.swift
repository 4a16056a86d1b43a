import Foundation
import Platform
import Plot
import Tracker

/// The public pages of agreements over time: the mechanisms, one mechanism with its meetings and
/// documents, and one document with its areas, measures and their progress.
package enum MechanismViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func mechanisms(_ rows: [AgreementQueries.MechanismRow], _ l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t(AgreementsText.cooperationMechanisms))),
            .p(.class("note"), .text(l.t(AgreementsText.eachMechanismMeetsIn))),
            rows.isEmpty
                ? .p(.class("empty"), .text(l.t(AgreementsText.noMechanismYet)))
                : .ul(.class("mechanisms"), .forEach(rows) { m in
                    .li(
                        .h2(.a(.href(SiteURL.mechanism(m.slug).path), Parts.content(m.name, writtenIn: m.script, l))),
                        .if(!m.parties.isEmpty, .p(.class("meta"), .text(l.t(AgreementsText.partiesLabel)),
                                                   Parts.content(m.parties.joined(separator: "、"), writtenIn: m.script, l))),
                        .p(.class("counts"), .text(l.t(AgreementsText.meetingsAndDocuments(meetings: "\(m.meetings.count)",
                                                                                            documents: "\(m.documentCount)"))))
                    )
                })
        )
        return Layout(title: l.t(AgreementsText.cooperationMechanisms), current: .mechanisms, l: l, body: body).render()
    }

    package static func mechanism(_ m: AgreementQueries.MechanismRow, _ l: Localizer) -> String {
        let name = l.content(m.name, writtenIn: m.script)
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(AgreementsText.breadcrumb)),
                 .a(.href(SiteURL.mechanisms.path), .text(l.t(AgreementsText.cooperationMechanisms)))),
            .h1(.attribute(named: "lang", value: l.contentLang), .text(name)),
            .section(
                .attribute(named: "aria-labelledby", value: "parties"),
                .h2(.id("parties"), .text(l.t(AgreementsText.parties))),
                m.parties.isEmpty
                    ? .p(.class("empty"), .text(l.t(AgreementsText.notRecorded)))
                    : .ul(.forEach(m.parties) { .li(Parts.content($0, writtenIn: m.script, l)) })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "meetings"),
                .h2(.id("meetings"), .text(l.t(AgreementsText.meetings))),
                m.meetings.isEmpty
                    ? .p(.class("empty"), .text(l.t(AgreementsText.noMeetingYet)))
                    : .ol(.class("meetings"), .forEach(m.meetings) { meeting in
                        .li(.id("meeting-\(meeting.number)"), .attribute(named: "value", value: String(meeting.number)),
                            .h3(Parts.content(meeting.title, writtenIn: meeting.script, l)),
                            .p(.class("meta"), .text(meetingLine(meeting, l))),
                            documentList(meeting.documents, l))
                    })
            ),
            .if(!m.otherDocuments.isEmpty, .section(
                .attribute(named: "aria-labelledby", value: "other-documents"),
                .h2(.id("other-documents"), .text(l.t(AgreementsText.otherDocuments))),
                documentList(m.otherDocuments, l)
            ))
        )
        return Layout(title: name, current: .mechanism(m.slug), l: l, body: body).render()
    }

    package static func document(_ p: AgreementQueries.DocumentPage, _ l: Localizer) -> String {
        let o = p.overview
        let a = o.agreement
        let title = l.content(a.title, writtenIn: a.script)
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(AgreementsText.breadcrumb)),
                 .a(.href(SiteURL.mechanisms.path), .text(l.t(AgreementsText.cooperationMechanisms))),
                 .text(" › "),
                 .a(.href(SiteURL.mechanism(p.mechanism.slug).path), Parts.content(p.mechanism.name, writtenIn: p.mechanism.script, l))),
            .h1(.attribute(named: "lang", value: l.contentLang), .text(title + (a.documentKind.map { " " + l.content($0, writtenIn: a.script) } ?? ""))),
            .p(.class("meta"), .text(documentLine(p, l))),
            .section(
                .attribute(named: "aria-labelledby", value: "overall"),
                .h2(.id("overall"), .text(l.t(AgreementsText.overallProgress))),
                Parts.progress(o.rollup.percent, label: l.t(AgreementsText.overallProgress)),
                PortalViews.counts(o.rollup, l),
                .p(.class("counts"), .text(PortalViews.countLine(o.rollup, l)))
            ),
            .forEach(o.areas) { area in
                .section(
                    .class("area"),
                    .attribute(named: "aria-labelledby", value: "area-\(area.number)"),
                    .h2(.id("area-\(area.number)"), .attribute(named: "lang", value: l.contentLang),
                        .text(l.areaLabel(area.number) + (l.language == .en ? " " : "") + l.content(area.title, writtenIn: a.script))),
                    Parts.progress(area.rollup.percent, label: l.t(AgreementsText.areaProgress)),
                    .p(.class("counts"), .text(PortalViews.countLine(area.rollup, l))),
                    .ol(.class("measures"), .forEach(area.measures) { m in
                        .li(
                            .id("measure-\(m.number)"),
                            .h3(.a(.href(SiteURL.measure(m.key).path), .text(l.measureLabel(m.number))),
                                .unwrap(m.label) { .span(.class("meta"), .text(" (" + l.content($0, writtenIn: a.script) + ")")) }),
                            .unwrap(m.group) { .p(.class("meta"), Parts.content($0, writtenIn: a.script, l)) },
                            .p(Parts.content(m.text, writtenIn: a.script, l)),
                            .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l),
                               .text(" \(m.state.percent)%"))
                        )
                    })
                )
            }
        )
        return Layout(title: title, current: .agreementDocument(p.document.slug), l: l, body: body).render()
    }

    static func documentList(_ documents: [AgreementQueries.DocumentRow], _ l: Localizer) -> Body {
        documents.isEmpty
            ? .p(.class("empty"), .text(l.t(AgreementsText.noDocumentYet)))
            : .ul(.class("documents"), .forEach(documents) { d in
                .li(.a(.href(SiteURL.agreementDocument(d.slug).path),
                       Parts.content(d.title + (d.documentKind.map { " " + $0 } ?? ""), writtenIn: d.script, l)),
                    .text(" · " + kindName(d.kind, l) + " · " + l.t(AgreementsText.measureCount(count: "\(d.measureCount)"))))
            })
    }

    /// 「於 2025-06-12 舉行 · 香港」: the meeting's date and place, those known.
    static func meetingLine(_ m: AgreementQueries.MeetingRow, _ l: Localizer) -> String {
        var parts: [String] = []
        if let date = m.heldOn { parts.append(l.t(AgreementsText.heldOn(date: date))) }
        if let place = m.place { parts.append(l.content(place, writtenIn: m.script)) }
        return parts.isEmpty ? l.t(AgreementsText.meetingNumber(number: "\(m.number)")) : parts.joined(separator: " · ")
    }

    /// The document's mechanism, meeting, kind and revision; the signing date when it is not the meeting's.
    static func documentLine(_ p: AgreementQueries.DocumentPage, _ l: Localizer) -> String {
        let a = p.overview.agreement
        var parts = [l.content(p.mechanism.name, writtenIn: p.mechanism.script)]
        if let meeting = p.meeting {
            parts += [l.content(meeting.title, writtenIn: meeting.script), meetingLine(meeting, l)]
        } else if let meeting = a.meeting {
            parts.append(l.content(meeting, writtenIn: a.script))
        }
        parts += [kindName(p.document.kind, l), l.t(AgreementsText.revisionNumber(revision: "\(a.revision)"))]
        if let signed = a.signedOn, signed != p.meeting?.heldOn { parts.append(l.t(AgreementsText.signedOn(date: signed))) }
        return parts.joined(separator: " · ")
    }

    package static func kindName(_ kind: AgreementKind, _ l: Localizer) -> String {
        switch kind {
        case .memorandum: l.t(AgreementsText.kindMemorandum)
        case .agreement: l.t(AgreementsText.kindAgreement)
        case .workPlan: l.t(AgreementsText.kindWorkPlan)
        }
    }
}
