import Foundation
import Memorandum
import Platform
import Plot
import Tracker

/// The officers' pages of agreements over time: the documents of their mechanisms, the import
/// (form, preview, store) and the lineage of a new document's measures.
package enum OfficerAgreementViews {
    package typealias Body = Node<HTML.BodyContext>

    // MARK: The list

    package static func list(_ mechanisms: [AgreementQueries.MechanismRow], mayImport: Bool, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AgreementsText.agreements))),
            .if(mayImport, .p(.a(.class("button"), .href(SiteURL.officerAgreementImport.path), .text(l.t(AgreementsText.importADocument))))),
            mechanisms.isEmpty
                ? .p(.class("empty"), .text(l.t(AgreementsText.youBelongToNoMechanism)))
                : .forEach(mechanisms) { m in
                    .section(
                        .attribute(named: "aria-labelledby", value: "mechanism-\(m.slug)"),
                        .h2(.id("mechanism-\(m.slug)"), Parts.content(m.name, writtenIn: m.script, l)),
                        .p(.class("meta"), .a(.href(SiteURL.mechanism(m.slug).path), .text(l.t(AgreementsText.publicPage)))),
                        m.documentCount == 0
                            ? .p(.class("empty"), .text(l.t(AgreementsText.noDocumentYet)))
                            : .div(.class("wide"), .table(
                                .class("data"),
                                .caption(Parts.content(m.name, writtenIn: m.script, l)),
                                .thead(.tr(.th(.text(l.t(AgreementsText.meeting))), .th(.text(l.t(AgreementsText.document))),
                                           .th(.text(l.t(AgreementsText.kind))), .th(.text(l.t(AgreementsText.address))),
                                           .th(.text(l.t(AgreementsText.revision))), .th(.text(l.t(AgreementsText.measures))),
                                           .th(.text(l.t(AgreementsText.links))))),
                                .tbody(
                                    .forEach(m.meetings) { meeting in
                                        .forEach(meeting.documents) { d in documentRow(d, meeting: meeting, mayMap: mayImport, l) }
                                    },
                                    .forEach(m.otherDocuments) { d in documentRow(d, meeting: nil, mayMap: mayImport, l) }
                                )))
                    )
                }
        )
        return Layout(title: l.t(AgreementsText.agreements), current: .officerAgreements, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func documentRow(_ d: AgreementQueries.DocumentRow, meeting: AgreementQueries.MeetingRow?, mayMap: Bool, _ l: Localizer) -> Node<HTML.TableContext> {
        .tr(
            .td(.unwrap(meeting) { m in .group(Parts.content(m.title, writtenIn: m.script, l), .unwrap(m.heldOn) { .text(" · " + $0) }) }),
            .td(Parts.content(d.title + (d.documentKind.map { " " + $0 } ?? ""), writtenIn: d.script, l)),
            .td(.text(MechanismViews.kindName(d.kind, l))),
            .td(.code(.text(d.slug))),
            .td(.class("n"), .text(String(d.revision))),
            .td(.class("n"), .text(String(d.measureCount))),
            .td(.a(.href(SiteURL.agreementDocument(d.slug).path), .text(l.t(AgreementsText.publicPage))),
                .if(mayMap, .group(.text(" · "), .a(.href(SiteURL.officerAgreementLineage(d.slug).path), .text(l.t(AgreementsText.lineage))))))
        )
    }

    // MARK: The import

    package static func importPage(_ choices: [AgreementImport.Choice], preview: AgreementImport.Preview?, officer o: Officer,
                                   form f: FormContext) -> String {
        let l = f.l
        let mechanismOptions = choices.map { ($0.slug, l.content($0.name, writtenIn: $0.script)) }
            + [(AgreementImport.newMechanism, l.t(AgreementsText.aNewMechanism))]
        let kinds = [AgreementKind.memorandum, .agreement, .workPlan].map { ($0.rawValue, MechanismViews.kindName($0, l)) }
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(AgreementsText.breadcrumb)),
                 .a(.href(SiteURL.officerAgreements.path), .text(l.t(AgreementsText.agreements)))),
            .h1(.text(l.t(AgreementsText.importADocument))),
            .p(.class("note"), .text(l.t(AgreementsText.pasteTheTextOrUpload))),
            f.errorSummary,
            .form(
                .method(.post), .action(SiteURL.officerAgreementImport.path), .enctype(.multipartData), .id("import-form"),
                .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                .input(.type(.hidden), .name("sourceName"), .value(f.value("sourceName"))),
                FormContext.fieldset(l.t(AgreementsText.whereItGoes),
                    f.select("mechanism", label: l.t(AgreementsText.mechanism), options: mechanismOptions, selected: choices.first?.slug),
                    f.text("mechanismName", label: l.t(AgreementsText.nameOfTheNewMechanism), required: false,
                           hint: l.t(AgreementsText.onlyForANewMechanism)),
                    f.text("mechanismSlug", label: l.t(AgreementsText.addressOfTheNewMechanism), required: false,
                           hint: l.t(AgreementsText.lowerCaseLettersDigitsAnd)),
                    f.text("meetingNumber", label: l.t(AgreementsText.meetingNumberLabel), type: .number, required: false,
                           hint: l.t(AgreementsText.leaveEmptyToTakeIt)),
                    f.text("heldOn", label: l.t(AgreementsText.heldOnLabel), type: .date, required: false),
                    f.text("place", label: l.t(AgreementsText.place), required: false),
                    f.select("kind", label: l.t(AgreementsText.kind), options: kinds, selected: AgreementKind.memorandum.rawValue)),
                .unwrap(preview) { previewSummary($0, l) },
                // A section, not a fieldset: a fieldset is at least as wide as its content, and the
                // text and its structure must fit a narrow screen.
                .section(.class("text"), .attribute(named: "aria-labelledby", value: "the-text"),
                    .h2(.id("the-text"), .text(l.t(AgreementsText.theText))),
                    fileField(f),
                    .div(.class(preview == nil ? "source" : "sides"),
                         .unwrap(preview) { structure($0, l) },
                         source(f, lines: preview == nil ? nil : f.value("text").components(separatedBy: .newlines)))),
                .unwrap(preview) { p in .if(p.needsConfirmation, f.checkbox("confirmWarnings", label: l.t(AgreementsText.iHaveCheckedTheWarnings))) },
                .div(.class("actions"),
                     .button(.type(.submit), .attribute(named: "name", value: "action"), .attribute(named: "value", value: "preview"),
                             .class(preview == nil ? "primary" : "secondary"), .text(l.t(AgreementsText.preview))),
                     .if(preview != nil, .group(.text(" "), .button(.type(.submit), .attribute(named: "name", value: "action"),
                                                                   .attribute(named: "value", value: "store"), .class("primary"),
                                                                   .text(l.t(AgreementsText.store))))))
            )
        )
        return Layout(title: l.t(AgreementsText.importADocument), current: .officerAgreementImport, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func fileField<Context: HTML.BodyContext>(_ f: FormContext) -> Node<Context> {
        let l = f.l
        return .div(.class("field"),
                    .label(.for("pdf"), .text(l.t(AgreementsText.pdfOfTheDocument))),
                    .p(.class("hint"), .text(l.t(AgreementsText.theTextIsTakenFrom))),
                    .unwrap(f.errors["pdf"]) { .p(.class("field-error"), .id("pdf-error"), .text($0.text(l))) },
                    .selfClosedElement(named: "input", attributes: [.type(.file), .name("pdf"), .id("pdf"),
                                                                    .attribute(named: "accept", value: "application/pdf,.pdf")]
                                       + (f.errors["pdf"] == nil ? [] : [.attribute(named: "aria-describedby", value: "pdf-error")])))
    }

    /// The text as an editable field, and, once read, its lines numbered as the warnings cite them.
    static func source<Context: HTML.BodyContext>(_ f: FormContext, lines: [String]?) -> Node<Context> {
        let l = f.l
        let error = f.errors["text"]
        return .div(
            .class("field"),
            .label(.for("text"), .text(l.t(AgreementsText.textOfTheDocument))),
            .p(.class("hint"), .text(l.t(AgreementsText.orPasteTheTextHere))),
            .unwrap(error) { .p(.class("field-error"), .id("text-error"), .text($0.text(l))) },
            .textarea(.name("text"), .id("text"), .attribute(named: "rows", value: "24"),
                      .attribute(named: "spellcheck", value: "false"),
                      .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                      .if(error != nil, .attribute(named: "aria-describedby", value: "text-error")),
                      .text(f.value("text"))),
            .unwrap(lines) { lines in
                .details(.summary(.text(l.t(AgreementsText.theTextWithLineNumbers))),
                         .ol(.class("source-lines"), .forEach(Array(lines.enumerated())) { i, line in
                             .li(.id("line-\(i + 1)"), .code(.text(line.isEmpty ? " " : line)))
                         }))
            }
        )
    }

    /// The structure as read: areas, measures with their printed label, group and named units.
    static func structure<Context: HTML.BodyContext>(_ p: AgreementImport.Preview, _ l: Localizer) -> Node<Context> {
        .section(
            .class("structure"), .attribute(named: "aria-labelledby", value: "structure"),
            .h3(.id("structure"), .text(l.t(AgreementsText.structureAsRead))),
            .p(.attribute(named: "lang", value: p.script), .strong(.text(p.title + (p.documentKind.map { " " + $0 } ?? "")))),
            .p(.class("meta"), .text(l.t(AgreementsText.areasAndMeasures(areas: "\(p.areas.count)", measures: "\(p.measureCount)"))
                                     + " · " + layoutName(p.layout, l)
                                     + (p.signedOn.isEmpty ? "" : " · " + l.t(AgreementsText.signedOn(date: p.signedOn.joined(separator: ", ")))))),
            .unwrap(p.meeting) { .p(.class("meta"), .span(.attribute(named: "lang", value: p.script), .text($0))) },
            .if(!p.parties.isEmpty, .p(.class("meta"), .text(l.t(AgreementsText.partiesLabel)),
                                       .span(.attribute(named: "lang", value: p.script), .text(p.parties.joined(separator: "、"))))),
            .forEach(p.areas) { area in
                .section(
                    .class("preview-area"),
                    .h4(.attribute(named: "lang", value: p.script), .text(l.areaLabel(area.number) + (l.language == .en ? " " : "") + area.title),
                        .text(" "), lineLink(area.line, l)),
                    .unwrap(area.introduction) { .p(.class("note"), .span(.attribute(named: "lang", value: p.script), .text($0))) },
                    .ol(.class("measures"), .forEach(area.measures) { m in
                        .li(
                            .id("preview-\(m.number)"),
                            .p(.strong(.text(m.number)),
                               .unwrap(m.label) { .text(" · " + l.t(AgreementsText.printedAs(label: $0))) },
                               .unwrap(m.group) { .group(.text(" · "), .span(.attribute(named: "lang", value: p.script), .text($0))) },
                               .text(" "), lineLink(m.line, l)),
                            .p(.attribute(named: "lang", value: p.script), .text(m.text)),
                            .if(!m.leads.isEmpty, .p(.class("meta"), .text(l.t(AgreementsText.namedLead)),
                                                     .span(.attribute(named: "lang", value: p.script), .text(m.leads.joined(separator: "、"))))),
                            .if(!m.supports.isEmpty, .p(.class("meta"), .text(l.t(AgreementsText.namedSupporting)),
                                                        .span(.attribute(named: "lang", value: p.script), .text(m.supports.joined(separator: "、")))))
                        )
                    })
                )
            }
        )
    }

    static func lineLink(_ line: Int, _ l: Localizer) -> Body {
        .a(.class("line"), .href("#line-\(line)"), .text(l.t(AgreementsText.lineNumber(line: "\(line)"))))
    }

    /// What storing would do, and the warnings with their lines.
    static func previewSummary(_ p: AgreementImport.Preview, _ l: Localizer) -> Node<HTML.FormContext> {
        .section(
            .class("preview-summary"), .attribute(named: "aria-labelledby", value: "preview-summary"),
            .h2(.id("preview-summary"), .text(l.t(AgreementsText.beforeYouStore))),
            .p(.class("counts"), .text(l.t(AgreementsText.areasAndMeasures(areas: "\(p.areas.count)", measures: "\(p.measureCount)")))),
            target(p.target, l),
            .section(
                .class("warnings"), .attribute(named: "aria-labelledby", value: "warnings"),
                .h3(.id("warnings"), .text(l.t(AgreementsText.warningsCount(count: "\(p.warnings.count)")))),
                p.warnings.isEmpty
                    ? .p(.class("empty"), .text(l.t(AgreementsText.noWarnings)))
                    : .ul(.class("warnings"), .forEach(p.warnings) { w in
                        .li(.class(w.needsConfirmation ? "warning confirm" : "warning"),
                            lineLink(w.line, l), .text(": "),
                            .if(w.needsConfirmation, .strong(.text(l.t(AgreementsText.toConfirm)))),
                            warningText(w, l))
                    }),
                .if(p.needsConfirmation, .p(.class("note"), .text(l.t(AgreementsText.someWarningsAskYouTo))))
            )
        )
    }

    /// A warning in the reader's language; one the parser gave no code keeps its English, marked so.
    static func warningText(_ w: AgreementImport.Preview.Warning, _ l: Localizer) -> Node<HTML.BodyContext> {
        let warning = w.parseWarning
        let text = ParseWarningText.text(warning, l)
        guard ParseWarningText.isLocalized(warning) else { return .span(.attribute(named: "lang", value: "en"), .text(text)) }
        return .span(.class("message"), .text(text))
    }

    static func target(_ target: AgreementImport.Preview.Target?, _ l: Localizer) -> Body {
        switch target {
        case nil:
            return .empty
        case .newDocument?:
            return .p(.class("note"), .text(l.t(AgreementsText.aNewDocumentOfThe)))
        case .unchanged(let slug, let revision)?:
            return .p(.class("notice"), .attribute(named: "role", value: "status"),
                      .text(l.t(AgreementsText.thisTextIsStoredAlready(slug: slug, revision: "\(revision)"))))
        case .revision(let slug, let revision, let diff)?:
            return .section(
                .class("diff"), .attribute(named: "aria-labelledby", value: "diff"),
                .h3(.id("diff"), .text(l.t(AgreementsText.aNewRevisionOf(slug: slug, revision: "\(revision + 1)")))),
                .p(.class("note"), .text(l.t(AgreementsText.itReplacesTheCurrentText(revision: "\(revision)")))),
                .if(diff.frontMatterChanged, .p(.text(l.t(AgreementsText.theHeadingPreambleOr)))),
                diff.isEmpty ? .p(.class("empty"), .text(l.t(AgreementsText.noMeasureChanged))) : .div(.class("wide"), .table(
                    .class("data diff"),
                    .caption(.text(l.t(AgreementsText.changesMeasureByMeasure))),
                    .thead(.tr(.th(.text(l.t(AgreementsText.change))), .th(.text(l.t(AgreementsText.number))),
                               .th(.text(l.t(AgreementsText.before))), .th(.text(l.t(AgreementsText.after))))),
                    .tbody(
                        .forEach(diff.retitled) { changeRow($0, l.t(AgreementsText.areaRetitled)) },
                        .forEach(diff.removed) { changeRow($0, l.t(AgreementsText.removed)) },
                        .forEach(diff.added) { changeRow($0, l.t(AgreementsText.added)) },
                        .forEach(diff.reworded) { changeRow($0, l.t(AgreementsText.reworded)) }
                    )))
            )
        }
    }

    static func changeRow(_ c: AgreementImport.Preview.Change, _ what: String) -> Node<HTML.TableContext> {
        .tr(.td(.text(what)), .td(.text(c.number)), .td(.text(c.before ?? "—")), .td(.text(c.after ?? "—")))
    }

    static func layoutName(_ raw: String, _ l: Localizer) -> String {
        switch raw {
        case "pressRelease": l.t(AgreementsText.layoutPressRelease)
        case "threeLevel": l.t(AgreementsText.layoutThreeLevel)
        case "legal": l.t(AgreementsText.layoutLegal)
        default: l.t(AgreementsText.layoutNumbered)
        }
    }

    // MARK: Lineage

    package struct LineagePage: Sendable {
        package var document: AgreementQueries.DocumentRow
        package var mechanism: AgreementQueries.MechanismRow
        package var meeting: AgreementQueries.MeetingRow?
        package var proposal: Lineage.Proposal
    }

    package static func lineage(_ p: LineagePage, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let d = p.document
        let title = l.content(d.title, writtenIn: d.script)
        let outcomes = LinkOutcome.allCases.map { ($0.rawValue, outcomeName($0, l)) }
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(AgreementsText.breadcrumb)),
                 .a(.href(SiteURL.officerAgreements.path), .text(l.t(AgreementsText.agreements)))),
            .h1(.text(l.t(AgreementsText.lineageOf)), .span(.attribute(named: "lang", value: l.contentLang), .text(title))),
            .p(.class("meta"), .text(([l.content(p.mechanism.name, writtenIn: p.mechanism.script)]
                                      + (p.meeting.map { [l.content($0.title, writtenIn: $0.script)] } ?? [])
                                      + [MechanismViews.kindName(d.kind, l), l.t(AgreementsText.revisionNumber(revision: "\(d.revision)")),
                                         l.t(AgreementsText.measureCount(count: "\(d.measureCount)"))]).joined(separator: " · "))),
            .p(.a(.href(SiteURL.agreementDocument(d.slug).path), .text(l.t(AgreementsText.publicPage)))),
            .p(.class("note"), .text(l.t(AgreementsText.forEachEarlierMeasure))),
            f.errorSummary,
            p.proposal.rows.isEmpty
                ? .p(.class("empty"), .text(l.t(AgreementsText.noEarlierMeasureIsIn)))
                : .form(
                    .method(.post), .action(SiteURL.officerAgreementLineage(d.slug).path), .id("lineage-form"),
                    .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                    .input(.type(.hidden), .name("stamp"), .value(p.proposal.stamp)),
                    .div(.class("wide"), .table(
                        .class("data lineage"),
                        .caption(.text(l.t(AgreementsText.earlierMeasuresInForce(count: "\(p.proposal.rows.count)")))),
                        .thead(.tr(.th(.text(l.t(AgreementsText.earlierMeasure))), .th(.text(l.t(AgreementsText.whatBecameOfIt))),
                                   .th(.text(l.t(AgreementsText.measuresOfThisDocument))), .th(.text(l.t(AgreementsText.similarity))),
                                   .th(.text(l.t(AgreementsText.state))))),
                        .tbody(.forEach(p.proposal.rows) { row in lineageRow(row, outcomes: outcomes, form: f) })
                    )),
                    .button(.type(.submit), .class("primary"), .text(l.t(AgreementsText.confirmTheMapping)))
                ),
            .details(.summary(.text(l.t(AgreementsText.measuresOfThisDocument))),
                     .ol(.class("measures"), .forEach(p.proposal.measures) { m in
                         .li(.strong(.text(m.number)), .text(" "), Parts.content(m.text, writtenIn: m.script, l))
                     }))
        )
        return Layout(title: l.t(AgreementsText.lineageOf) + title, current: .officerAgreementLineage(d.slug), l: l, body: body,
                      officer: (o, f.csrf)).render()
    }

    static func lineageRow(_ row: Lineage.Row, outcomes: [(String, String)], form f: FormContext) -> Node<HTML.TableContext> {
        let l = f.l
        let m = row.predecessor
        let outcomeField = LineageForm.outcomeField(m.id), successorsField = LineageForm.successorsField(m.id)
        let chosen = f.values[outcomeField] ?? row.outcome.rawValue
        let successors = f.values[successorsField] ?? row.successors.joined(separator: " ")
        var successorsInput: [Attribute<HTML.InputContext>] = [
            .type(.text), .name(successorsField), .id(successorsField), .value(successors),
            .attribute(named: "aria-label", value: l.t(AgreementsText.measuresItBecame(number: m.key))),
        ]
        if f.errors[successorsField] != nil {
            successorsInput += [.attribute(named: "aria-invalid", value: "true"), .attribute(named: "aria-describedby", value: successorsField + "-error")]
        }
        func error(_ field: String) -> Body {
            .unwrap(f.errors[field]) { .p(.class("field-error"), .id(field + "-error"), .text($0.text(l))) }
        }
        return .tr(
            .td(.a(.href(SiteURL.measure(m.key).path), .text(m.key)),
                .p(Parts.content(m.text, writtenIn: m.script, l)),
                .p(.class("meta"), Parts.content(m.agreementTitle + (m.meetingTitle.map { " · " + $0 } ?? ""), writtenIn: m.script, l))),
            .td(error(outcomeField),
                .select(.attribute(named: "name", value: outcomeField), .id(outcomeField),
                        .attribute(named: "aria-label", value: l.t(AgreementsText.whatBecameOfMeasure(number: m.key))),
                        .if(f.errors[outcomeField] != nil, .attribute(named: "aria-describedby", value: outcomeField + "-error")),
                        .forEach(outcomes) { value, label in
                            .element(named: "option", nodes: [
                                .attribute(named: "value", value: value),
                                value == chosen ? .attribute(named: "selected", value: "selected") : .empty,
                                .text(label),
                            ])
                        })),
            .td(error(successorsField), .selfClosedElement(named: "input", attributes: successorsInput)),
            .td(.class("n"), .text(row.similarity.map { "\(Int(($0 * 100).rounded()))%" } ?? "—")),
            .td(.text(row.confirmed ? l.t(AgreementsText.confirmed) : l.t(AgreementsText.proposed)))
        )
    }

    package static func outcomeName(_ outcome: LinkOutcome, _ l: Localizer) -> String {
        switch outcome {
        case .continued: l.t(AgreementsText.outcomeContinued)
        case .merged: l.t(AgreementsText.outcomeMerged)
        case .split: l.t(AgreementsText.outcomeSplit)
        case .completed: l.t(AgreementsText.outcomeCompleted)
        case .dropped: l.t(AgreementsText.outcomeDropped)
        }
    }
}
