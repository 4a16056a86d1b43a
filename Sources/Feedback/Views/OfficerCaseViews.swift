import Consultation
import Foundation
import Platform
import Plot
import WorkCalendar

/// Officer pages of the feedback channel. Lists mask personal data; the case page shows it.
package enum OfficerCaseViews {
    package typealias Body = Node<HTML.BodyContext>

    /// Red when past, amber within two days, for a deadline still owed.
    package static func deadline(_ due: String, owed: Bool, today: String, _ l: Localizer) -> Body {
        guard owed, let d = CalendarDay(due), let t = CalendarDay(today) else { return .text(due) }
        if d < t { return .span(.class("light light-red"), .text(due + " · " + l.t(FeedbackText.overdue))) }
        if d.ordinal - t.ordinal <= 2 { return .span(.class("light light-amber"), .text(due + " · " + l.t(FeedbackText.dueSoon))) }
        return .text(due)
    }

    package static func actionName(_ a: CaseWorkflow.Action, _ l: Localizer) -> String {
        switch a {
        case .triage: l.t(FeedbackText.triageAndAcknowledge)
        case .assign: l.t(FeedbackText.assignToUnit)
        case .accept: l.t(FeedbackText.accept)
        case .decline: l.t(FeedbackText.declineBackToLiaisonOffice)
        case .requestInformation: l.t(FeedbackText.askSenderForInformation)
        case .answer: l.t(FeedbackText.replyToSender)
        case .close: l.t(FeedbackText.close)
        case .merge: l.t(FeedbackText.mergeIntoAnotherCase)
        case .spam: l.t(FeedbackText.markAsSpam)
        case .note: l.t(FeedbackText.internalNote)
        case .linkMeasure: l.t(FeedbackText.linkToMeasure)
        }
    }

    package static func list(_ cases: [FeedbackCase], filter: String, today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let filters: [(String, String)] = [("open", l.t(FeedbackText.openText)), ("all", l.t(FeedbackText.all))]
            + CaseState.allCases.map { ($0.rawValue, FeedbackViews.stateName($0, l)) }
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.feedbackCases))),
            .p(.a(.href(SiteURL.officerCaseStatistics.path), .text(l.t(FeedbackText.statistics))), .text(" · "),
               .a(.href(SiteURL.officerCaseTemplates.path), .text(l.t(FeedbackText.replyTemplates))), .text(" · "),
               .a(.href(SiteURL.officerCasesCSV.path), .text(l.t(FeedbackText.downloadCsvPersonalDataMasked)))),
            .form(.method(.get), .action(SiteURL.officerCases.path), .class("filters"),
                  .div(.class("field"), .label(.for("c-state"), .text(l.t(FeedbackText.state))),
                       .select(.attribute(named: "name", value: "state"), .id("c-state"), .forEach(filters) { option in
                           .element(named: "option", nodes: [.attribute(named: "value", value: option.0),
                                                             option.0 == filter ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(option.1)])
                       })),
                  .button(.type(.submit), .text(l.t(FeedbackText.filter)))),
            cases.isEmpty ? .p(.class("empty"), .text(l.t(FeedbackText.noCases))) :
            .table(.class("cases"),
                   .thead(.tr(.th(.text(l.t(FeedbackText.reference2))), .th(.text(l.t(FeedbackText.kind))),
                              .th(.text(l.t(FeedbackText.area))), .th(.text(l.t(FeedbackText.subject))),
                              .th(.text(l.t(FeedbackText.state))), .th(.text(l.t(FeedbackText.unit))),
                              .th(.text(l.t(FeedbackText.acknowledgeBy))), .th(.text(l.t(FeedbackText.replyBy))))),
                   .tbody(.forEach(cases) { c in
                       .tr(.td(.a(.href(SiteURL.officerCase(c.id!).path), .text(c.reference))),
                           .td(.text(FeedbackViews.kindName(c.kind, l))),
                           .td(.text(c.areaNumber.map(String.init) ?? l.t(FeedbackText.other))),
                           .td(.attribute(named: "lang", value: l.contentLang),
                               .text(l.content(PersonalData.masked(c.subject, known: [c.name, c.email, c.phone]), writtenIn: c.script))),
                           .td(.text(FeedbackViews.stateName(c.state, l))),
                           .td(c.unit.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text(c.reassignDueOn.map { l.t(FeedbackText.reassignBy) + $0 } ?? "—")),
                           .td(deadline(c.acknowledgeDueOn, owed: c.acknowledgedAt == nil && c.state.isOpen, today: today, l)),
                           .td(deadline(c.replyDueOn, owed: c.state.isOpen && c.state != .awaitingRequester, today: today, l)))
                   }))
        )
        return Layout(title: l.t(FeedbackText.feedbackCases), current: .officerCases, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func actionForm(_ c: FeedbackCase, _ action: CaseWorkflow.Action, _ f: FormContext, _ nodes: Node<HTML.FormContext>...) -> Body {
        .section(.class("case-action"),
                 .h3(.text(actionName(action, f.l))),
                 .form(.method(.post), .action(SiteURL.officerCase(c.id!).path),
                       .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                       .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                       .input(.type(.hidden), .name("version"), .value(String(c.version))),
                       .group(nodes),
                       .button(.type(.submit), .class("secondary"), .text(actionName(action, f.l)))))
    }

    package static func show(_ c: FeedbackCase, messages: [CaseMessage], units: [Unit], templates: [ResponseTemplate], measures: [String],
                     actions: [CaseWorkflow.Action], today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let id = c.id!
        // Every action form has a `text` field: values and errors sent back belong to the form
        // of the action that failed (a chosen reply template fills the answer's).
        func context(_ action: CaseWorkflow.Action) -> FormContext {
            (f.values["action"] ?? CaseWorkflow.Action.answer.rawValue) == action.rawValue ? f : FormContext(csrf: f.csrf, l: l)
        }
        func text(_ action: CaseWorkflow.Action, _ label: String) -> Node<HTML.FormContext> {
            context(action).textarea("text", label: label, prefix: action.rawValue + "-", rows: 5)
        }
        let body: Body = .group(
            .nav(.class("crumbs"), .a(.href(SiteURL.officerCases.path), .text(l.t(FeedbackText.feedbackCases)))),
            .h1(.text(c.reference)),
            f.errorSummary,
            .dl(.class("case-facts"),
                .dt(.text(l.t(FeedbackText.state))), .dd(.strong(.text(FeedbackViews.stateName(c.state, l)))),
                .dt(.text(l.t(FeedbackText.kind))), .dd(.text(FeedbackViews.kindName(c.kind, l))),
                .dt(.text(l.t(FeedbackText.area))), .dd(.text(c.areaNumber.map(String.init) ?? l.t(FeedbackText.other))),
                .dt(.text(l.t(FeedbackText.suggestedRouting))),
                .dd(.text(c.suggestedArea.map { l.t(FeedbackText.area2) + String($0) } ?? "—"),
                    .unwrap(c.suggestionConfidence) { conf in
                        .text(String(format: " · %@ %.0f%%", l.t(FeedbackText.confidence), conf * 100)
                              + (conf < CaseClassifier.threshold ? " · " + l.t(FeedbackText.uncertainDecideYourself) : ""))
                    },
                    .unwrap(c.suggestedUnit) { .group(.text(" · "), Parts.content($0.name, writtenIn: $0.script, l)) }),
                .dt(.text(l.t(FeedbackText.unit))), .dd(c.unit.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text("—")),
                .dt(.text(l.t(FeedbackText.received2))), .dd(.text(c.receivedOn)),
                .dt(.text(l.t(FeedbackText.acknowledgeBy))),
                .dd(deadline(c.acknowledgeDueOn, owed: c.acknowledgedAt == nil && c.state.isOpen, today: today, l)),
                .dt(.text(l.t(FeedbackText.replyBy))),
                .dd(deadline(c.replyDueOn, owed: c.state.isOpen && c.state != .awaitingRequester, today: today, l),
                    .text(" (" + l.t(FeedbackText.workingDaysOfSide(side: l.side(c.holdingSide))) + ")")),
                .unwrap(c.reassignDueOn) { .group(.dt(.text(l.t(FeedbackText.reassignBy2))), .dd(deadline($0, owed: c.unit == nil, today: today, l))) },
                .unwrap(c.mergedInto) { .group(.dt(.text(l.t(FeedbackText.mergedInto))), .dd(.a(.href(SiteURL.officerCase($0.id!).path), .text($0.reference)))) },
                .unwrap(c.rating) { .group(.dt(.text(l.t(FeedbackText.rating))), .dd(.text("\($0) / 5"))) },
                .if(!measures.isEmpty, .group(.dt(.text(l.t(FeedbackText.measures))),
                                              .dd(.forEach(measures) { .group(.a(.href(SiteURL.officerMeasure($0).path), .text($0)), .text(" ")) })))),
            .h2(.text(l.t(FeedbackText.content))),
            .h3(.attribute(named: "lang", value: c.script), .text(c.subject)),
            .p(.class("case-content"), .attribute(named: "lang", value: c.script), .text(c.content)),
            .h2(.text(l.t(FeedbackText.sender))),
            .if(c.personalDataPurgedAt != nil, .p(.text(l.t(FeedbackText.personalDataWasDeletedAt)))),
            .dl(.dt(.text(l.t(FeedbackText.name))), .dd(.text(c.name ?? "—")),
                .dt(.text(l.t(FeedbackText.eMail))), .dd(.text(c.email ?? "—")),
                .dt(.text(l.t(FeedbackText.telephone))), .dd(.text(c.phone ?? "—")),
                .dt(.text(l.t(FeedbackText.replyIn))), .dd(.text(c.replyLanguage)),
                .dt(.text(l.t(FeedbackText.contactMayBeUsedTo))), .dd(.text(c.consentReply ? "✓" : "✗")),
                .dt(.text(l.t(FeedbackText.mayBeSharedWithHong))), .dd(.text(c.consentShare ? "✓" : "✗")),
                .dt(.text(l.t(FeedbackText.consentWording))), .dd(.text(c.consentVersion + " · " + CalendarDays.iso(c.consentAt)))),
            .if(!c.attachments.isEmpty, .group(
                .h2(.text(l.t(FeedbackText.attachments))),
                .ul(.forEach(c.attachments) { a in
                    .li(.a(.href(SiteURL.officerCaseAttachment(id, a.id!).path), .text(a.originalName)),
                        .text(" · \(a.mediaType) · \((a.size + 1023) / 1024) KB"))
                }))),
            .h2(.text(l.t(FeedbackText.messagesAndNotes))),
            .if(messages.isEmpty, .p(.text(l.t(FeedbackText.noneYet)))),
            .ol(.class("messages"), .forEach(messages) { m in
                .li(.class("message-\(m.author.rawValue)"),
                    .p(.class("meta"), .text((m.author == .requester ? l.t(FeedbackText.sender) : (m.user?.displayName ?? ""))
                                             + " · " + (m.toRequester ? l.t(FeedbackText.seenBySender) : l.t(FeedbackText.internalText))
                                             + " · " + (m.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""))),
                    .p(.attribute(named: "lang", value: m.script), .text(m.text)))
            }),
            .if(!actions.isEmpty, .h2(.text(l.t(FeedbackText.handleCase)))),
            .forEach(actions) { action in
                switch action {
                case .triage:
                    return actionForm(c, action, f,
                                      context(action).select("area", label: l.t(FeedbackText.area), prefix: "triage-",
                                               options: (1...11).map { (String($0), String($0)) } + [("other", l.t(FeedbackText.other))],
                                               selected: (c.areaNumber ?? c.suggestedArea).map(String.init) ?? "other"),
                                      text(action, l.t(FeedbackText.acknowledgementToSenderOptional)))
                case .assign:
                    return actionForm(c, action, f,
                                      context(action).select("unit", label: l.t(FeedbackText.unit), prefix: "assign-",
                                               options: units.map { ($0.id!.uuidString, l.side($0.side) + " · " + l.content($0.name, writtenIn: $0.script)) },
                                               selected: (c.$unit.id ?? c.$suggestedUnit.id)?.uuidString))
                case .decline: return actionForm(c, action, f, text(action, l.t(FeedbackText.reason)))
                case .requestInformation: return actionForm(c, action, f, text(action, l.t(FeedbackText.whatSenderShouldAdd)))
                case .answer:
                    return .group(
                        .if(!templates.isEmpty, .p(.class("templates"), .text(l.t(FeedbackText.templates)),
                                                   .forEach(readersTemplates(templates, l)) { t in
                                                       .group(.a(.href(SiteURL.officerCase(id).path + "?template=" + t.id!.uuidString + "#answer-text"),
                                                                 .attribute(named: "lang", value: l.contentLang), .text(l.content(t.title, writtenIn: t.script))), .text(" "))
                                                   })),
                        actionForm(c, action, f, text(action, l.t(FeedbackText.reply))))
                case .close: return actionForm(c, action, f, text(action, l.t(FeedbackText.closingMessageOptional)))
                case .merge: return actionForm(c, action, f, context(action).text("target", label: l.t(FeedbackText.referenceOfOtherCase), prefix: "merge-"))
                case .note: return actionForm(c, action, f, text(action, l.t(FeedbackText.note)))
                case .linkMeasure: return actionForm(c, action, f, context(action).text("measure", label: l.t(FeedbackText.measureEG113), prefix: "link-"))
                case .accept, .spam: return actionForm(c, action, f)
                }
            }
        )
        return Layout(title: c.reference, current: .officerCase(id), l: l, body: body, officer: (o, f.csrf)).render()
    }

    /// A template kept in both scripts reads the same once converted: offer the one written in
    /// the reader's script.
    package static func readersTemplates(_ templates: [ResponseTemplate], _ l: Localizer) -> [ResponseTemplate] {
        var byTitle: [String: ResponseTemplate] = [:]
        var order: [String] = []
        for t in templates {
            let title = l.content(t.title, writtenIn: t.script)
            if byTitle[title] == nil { order.append(title) }
            if byTitle[title] == nil || t.script == l.contentLang { byTitle[title] = t }
        }
        return order.compactMap { byTitle[$0] }
    }

    package static func table(_ caption: String, _ head: [String], _ rows: [[String]]) -> Body {
        .table(.caption(.text(caption)), .thead(.tr(.forEach(head) { .th(.text($0)) })),
               .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) }))
    }

    package static func statistics(_ s: CaseRecords.Statistics, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let days = { (d: Double?) in d.map { String(format: "%.1f", $0) } ?? "—" }
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.feedbackStatistics))),
            .dl(.dt(.text(l.t(FeedbackText.cases))), .dd(.text(String(s.total))),
                .dt(.text(l.t(FeedbackText.workingDaysToAcknowledgeMedian))), .dd(.text(days(s.medianDaysToAcknowledge))),
                .dt(.text(l.t(FeedbackText.workingDaysToReplyMedian))), .dd(.text(days(s.medianDaysToReply))),
                .dt(.text(l.t(FeedbackText.reopenRate))), .dd(.text(String(format: "%.0f%%", s.reopenRate * 100)))),
            table(l.t(FeedbackText.byArea), [l.t(FeedbackText.area), l.t(FeedbackText.cases2)], s.byArea.map { [$0.0, String($0.1)] }),
            table(l.t(FeedbackText.byKind), [l.t(FeedbackText.kind), l.t(FeedbackText.cases2)],
                  s.byKind.map { [FeedbackCase.Kind(rawValue: $0.0).map { FeedbackViews.kindName($0, l) } ?? $0.0, String($0.1)] }),
            table(l.t(FeedbackText.byMonth), [l.t(FeedbackText.month), l.t(FeedbackText.cases2)], s.byMonth.map { [$0.0, String($0.1)] }),
            table(l.t(FeedbackText.byUnitRepliesWithinDeadline),
                  [l.t(FeedbackText.unit2), l.t(FeedbackText.replied), l.t(FeedbackText.withinDeadline), "%"],
                  s.withinDeadlineByUnit.map { [l.content($0.unit, writtenIn: "zh-Hant"), String($0.replied), String($0.withinDeadline),
                                                 String(format: "%.0f%%", Double($0.withinDeadline) * 100 / Double(max(1, $0.replied)))] }),
            table(l.t(FeedbackText.byMeasure), [l.t(FeedbackText.measure), l.t(FeedbackText.cases2)], s.perMeasure.map { [$0.0, String($0.1)] })
        )
        return Layout(title: l.t(FeedbackText.feedbackStatistics), current: .officerCaseStatistics, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func accessLog(_ rows: [PersonalDataAccess], questions: [QuestionDataAccess] = [], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        // Cases and questions in one list, latest first.
        let entries = (rows.map { ($0.at, $0.user.username, $0.feedbackCase.reference, $0.what) }
                       + questions.map { ($0.at, $0.user.username, $0.question.reference, $0.what) })
            .sorted { ($0.0 ?? .distantPast) > ($1.0 ?? .distantPast) }
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.crossBoundaryAccessLog))),
            .p(.text(l.t(FeedbackText.eachTimeHongKongSide))),
            table(l.t(FeedbackText.entries), [l.t(FeedbackText.time), l.t(FeedbackText.user), l.t(FeedbackText.caseOrQuestion), l.t(FeedbackText.what)],
                  entries.map { [$0.0.map { ISO8601DateFormatter().string(from: $0) } ?? "", $0.1, $0.2, $0.3] })
        )
        return Layout(title: l.t(FeedbackText.crossBoundaryAccessLog), current: .officerAccessLog, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func personalData(officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.personalDataAccessRequest))),
            .p(.text(l.t(FeedbackText.exportEveryCaseSentWith))),
            f.errorSummary,
            f.form(action: .officerPersonalData,
                   f.text("contact", label: l.t(FeedbackText.eMailOrTelephone)),
                   .button(.type(.submit), .class("primary"), .text(l.t(FeedbackText.export))))
        )
        return Layout(title: l.t(FeedbackText.personalDataAccessRequest), current: .officerPersonalData, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func templates(_ templates: [ResponseTemplate], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let anyKind = l.t(FeedbackText.anyKind), anyArea = l.t(FeedbackText.anyArea)
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.replyTemplates))),
            .p(.text(l.t(FeedbackText.onCaseTemplatesForIts))),
            .table(.thead(.tr(.th(.text(l.t(FeedbackText.name2))), .th(.text(l.t(FeedbackText.kind))), .th(.text(l.t(FeedbackText.area))),
                              .th(.text(l.t(FeedbackText.text))))),
                   .tbody(.forEach(templates) { t in
                       .tr(.td(.attribute(named: "lang", value: t.script), .text(t.title)),
                           .td(.text(t.kind.map { FeedbackViews.kindName($0, l) } ?? anyKind)),
                           .td(.text(t.areaNumber.map(String.init) ?? anyArea)),
                           .td(.attribute(named: "lang", value: t.script), .text(t.text)))
                   })),
            .if(o.role == .admin || o.role == .liaison, .group(
                .h2(.text(l.t(FeedbackText.newTemplate))),
                f.errorSummary,
                f.form(action: .officerCaseTemplates,
                       f.select("kind", label: l.t(FeedbackText.kind), options: [("", anyKind)] + FeedbackCase.Kind.allCases.map { ($0.rawValue, FeedbackViews.kindName($0, l)) }),
                       f.select("area", label: l.t(FeedbackText.area), options: [("", anyArea)] + (1...11).map { (String($0), String($0)) }),
                       f.text("title", label: l.t(FeedbackText.name2)),
                       f.textarea("text", label: l.t(FeedbackText.textStoredInScriptYou), rows: 6),
                       .button(.type(.submit), .class("primary"), .text(l.t(FeedbackText.save)))))
            )
        )
        return Layout(title: l.t(FeedbackText.replyTemplates), current: .officerCaseTemplates, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func calendars(_ overrides: [CalendarOverride], shippedYears: [(Side, [Int])], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.workingDayCalendars))),
            .p(.text(l.t(FeedbackText.mainlandsWithMakeUpWorking)
                     + shippedYears.map { l.side($0.0) + " " + ($0.1.first.map(String.init) ?? "") + "–" + ($0.1.last.map(String.init) ?? "") }.joined(separator: "；"))),
            .p(.text(l.t(FeedbackText.whenNewYearsArrangementIs))),
            overrides.isEmpty ? .p(.class("empty"), .text(l.t(FeedbackText.noChangesYet))) :
            .table(.thead(.tr(.th(.text(l.t(FeedbackText.side))), .th(.text(l.t(FeedbackText.date))), .th(.text(l.t(FeedbackText.kind2))),
                              .th(.text(l.t(FeedbackText.name2))), .th(.text("")))),
                   .tbody(.forEach(overrides) { row in
                       .tr(.td(.text(l.side(row.side))), .td(.text(row.day)),
                           .td(.text(row.kind == "work" ? l.t(FeedbackText.makeUpWorkingDay) : l.t(FeedbackText.dayOff))),
                           .td(.text(row.name)),
                           .td(f.button(action: .officerCalendarDelete(row.id!), label: l.t(FeedbackText.delete))))
                   })),
            .h2(.text(l.t(FeedbackText.addOrChangeDay))),
            f.errorSummary,
            f.form(action: .officerCalendars,
                   f.select("side", label: l.t(FeedbackText.side), options: Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   f.text("day", label: l.t(FeedbackText.dateYyyyMmDd)),
                   f.select("kind", label: l.t(FeedbackText.kind2),
                            options: [("off", l.t(FeedbackText.dayOff)), ("work", l.t(FeedbackText.makeUpWorkingDayWeekend))]),
                   f.text("name", label: l.t(FeedbackText.name2)),
                   .button(.type(.submit), .class("primary"), .text(l.t(FeedbackText.save))))
        )
        return Layout(title: l.t(FeedbackText.workingDayCalendars), current: .officerCalendars, l: l, body: body, officer: (o, f.csrf)).render()
    }
}
