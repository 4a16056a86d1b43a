import Platform
import Plot
import Tracker

/// The public pages of the feedback channel.
package enum FeedbackViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func kindName(_ k: FeedbackCase.Kind, _ l: Localizer) -> String {
        switch k {
        case .opinion: l.t(FeedbackText.opinion)
        case .suggestion: l.t(FeedbackText.suggestion)
        case .complaint: l.t(FeedbackText.complaint)
        case .compliment: l.t(FeedbackText.compliment)
        }
    }

    package static func stateName(_ s: CaseState, _ l: Localizer) -> String {
        switch s {
        case .new: l.t(FeedbackText.received)
        case .triaged: l.t(FeedbackText.triaged)
        case .assigned: l.t(FeedbackText.assignedToUnit)
        case .inProgress: l.t(FeedbackText.beingHandled)
        case .awaitingRequester: l.t(FeedbackText.waitingForYourInformation)
        case .answered: l.t(FeedbackText.answered)
        case .closed: l.t(FeedbackText.closed)
        case .reopened: l.t(FeedbackText.reopened)
        case .merged: l.t(FeedbackText.mergedWithAnotherCase)
        case .spam: l.t(FeedbackText.notHandled)
        }
    }

    package static func areaOptions(_ areas: [Area], _ l: Localizer) -> [(value: String, label: String)] {
        [("", l.t(FeedbackText.choose))]
            + areas.map { (String($0.number), "\($0.number). " + l.content($0.title, writtenIn: "zh-Hant")) }
            + [("other", l.t(FeedbackText.other))]
    }


    package static func form(areas: [Area], form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.opinionsAndSuggestions))),
            .p(.text(l.t(FeedbackText.hongKongPeopleLivingWorking))),
            f.errorSummary,
            .form(.method(.post), .action(SiteURL.feedback.path), .enctype(.multipartData),
                  .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                  f.select("kind", label: l.t(FeedbackText.kind),
                           options: [("", l.t(FeedbackText.choose))] + FeedbackCase.Kind.allCases.map { ($0.rawValue, kindName($0, l)) }),
                  f.select("area", label: l.t(FeedbackText.area), options: areaOptions(areas, l)),
                  f.text("subject", label: l.t(FeedbackText.subject)),
                  f.textarea("content", label: l.t(FeedbackText.yourFeedback), rows: 8,
                             hint: l.t(FeedbackText.pleaseDoNotPutIdentity)),
                  FormContext.fieldset(l.t(FeedbackText.contactDetailsOptional),
                      f.text("name", label: l.t(FeedbackText.name), required: false, autocomplete: "name"),
                      f.text("email", label: l.t(FeedbackText.eMail), type: .email, required: false, autocomplete: "email"),
                      f.text("phone", label: l.t(FeedbackText.telephone), type: .tel, required: false, autocomplete: "tel"),
                      f.select("replyLanguage", label: l.t(FeedbackText.replyIn),
                               options: [("zh-Hant", "繁體中文"), ("zh-Hans", "简体中文"), ("en", "English")], selected: l.language.rawValue)
                  ),
                  FormContext.fieldset(l.t(FeedbackText.consentYouCanSendWithout),
                      f.checkbox("consentReply", label: l.t(FeedbackText.iAgreeThatYouUse)),
                      f.checkbox("consentShare", label: l.t(FeedbackText.bIAgreeThatCase))
                  ),
                  .div(.class("field"),
                       .label(.for("attachments"), .text(l.t(FeedbackText.attachmentsUpTo3Pdf))),
                       .unwrap(f.errors["attachments"]) { .p(.class("field-error"), .id("attachments-error"), .text($0.text(l))) },
                       .selfClosedElement(named: "input", attributes: [
                           .type(.file), .name("attachments[]"), .id("attachments"), .attribute(named: "multiple", value: "multiple"),
                           .attribute(named: "accept", value: "application/pdf,image/jpeg,image/png"),
                       ] + (f.errors["attachments"] != nil ? [.attribute(named: "aria-describedby", value: "attachments-error")] : []))),
                  .div(.class("hp"), .attribute(named: "aria-hidden", value: "true"),
                       .label(.for("website"), .text("Website")),
                       .input(.type(.text), .name("website"), .id("website"), .attribute(named: "tabindex", value: "-1"), .attribute(named: "autocomplete", value: "off"))),
                  .button(.type(.submit), .class("primary"), .text(l.t(FeedbackText.send))))
        )
        return Layout(title: l.t(FeedbackText.opinionsAndSuggestions), current: .feedback, l: l, body: body).render()
    }

    package static func receipt(_ r: PublicReference.Receipt, l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t(FeedbackText.yourFeedbackHasBeenReceived))),
            .p(.text(l.t(FeedbackText.writeTheseDownAccessCode))),
            .dl(.dt(.text(l.t(FeedbackText.reference))), .dd(.code(.text(r.reference))),
                .dt(.text(l.t(FeedbackText.accessCode))), .dd(.code(.text(r.accessCode)))),
            .p(.a(.href(SiteURL.feedbackCase(r.reference).path), .text(l.t(FeedbackText.followYourCase))))
        )
        return Layout(title: r.reference, current: .feedback, l: l, body: body).render()
    }

    /// The code goes with every action form, so the sender types it once.
    package static func codeForm(_ f: FormContext, _ reference: String, _ action: String, _ code: String, _ nodes: Node<HTML.FormContext>...) -> Body {
        .form(.method(.post), .action(SiteURL.feedbackAction(reference, action).path),
              .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
              .input(.type(.hidden), .name("code"), .value(code)),
              .group(nodes))
    }

    package static func follow(reference: String, state: FeedbackController.FollowState?, code: String, failed: Bool, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(reference)),
            .unwrap(state, { s in
                let c = s.c
                return .group(
                    f.errorSummary,
                    .dl(.dt(.text(l.t(FeedbackText.status))), .dd(.strong(.text(stateName(c.state, l)))),
                        .dt(.text(l.t(FeedbackText.kind))), .dd(.text(kindName(c.kind, l))),
                        .dt(.text(l.t(FeedbackText.received2))), .dd(.text(c.receivedOn)),
                        .if(c.state.isOpen, .group(.dt(.text(l.t(FeedbackText.replyDueBy))), .dd(.text(c.replyDueOn))))),
                    .h2(.text(l.t(FeedbackText.subject))),
                    .p(.attribute(named: "lang", value: l.contentLang), .text(l.content(c.subject, writtenIn: c.script))),
                    .h2(.text(l.t(FeedbackText.messages))),
                    .if(s.messages.isEmpty, .p(.text(l.t(FeedbackText.noneYet)))),
                    .ol(.class("messages"), .forEach(s.messages) { m in
                        .li(.class("message-\(m.author.rawValue)"),
                            .p(.class("meta"), .text((m.author == .officer ? l.t(FeedbackText.reply) : l.t(FeedbackText.youAdded))
                                                     + " · " + (m.createdAt.map(CalendarDays.iso) ?? ""))),
                            .p(.attribute(named: "lang", value: l.contentLang), .text(l.content(m.text, writtenIn: m.script))))
                    }),
                    .if(![.closed, .merged, .spam].contains(c.state), codeForm(f, c.reference, "add", code,
                        f.textarea("text", label: l.t(FeedbackText.addInformation), rows: 4),
                        .button(.type(.submit), .text(l.t(FeedbackText.send2))))),
                    .if((c.state == .answered || c.state == .closed) && c.rating == nil, codeForm(f, c.reference, "rate", code,
                        f.select("rating", label: l.t(FeedbackText.rateAnswer5IsBest),
                                 options: [("5", "5"), ("4", "4"), ("3", "3"), ("2", "2"), ("1", "1")]),
                        .button(.type(.submit), .text(c.state == .answered ? l.t(FeedbackText.rateAndClose) : l.t(FeedbackText.rate))))),
                    .if(s.canReopen, codeForm(f, c.reference, "reopen", code,
                        .p(.text(l.t(FeedbackText.youCanReopenCaseWithin))),
                        .button(.type(.submit), .class("secondary"), .text(l.t(FeedbackText.reopenCase)))))
                )
            }, else: .group(
                .if(failed, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                 .p(.text(l.t(FeedbackText.referenceOrAccessCodeIs))))),
                f.form(action: .feedbackCase(reference),
                       f.text("code", label: l.t(FeedbackText.accessCode), autocomplete: "off"),
                       .button(.type(.submit), .text(l.t(FeedbackText.show))))
            ))
        )
        return Layout(title: reference, current: .feedbackCase(reference), l: l, body: body).render()
    }
}
