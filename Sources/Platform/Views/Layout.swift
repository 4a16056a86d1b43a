import Memorandum
import Plot
import Vapor

/// The frame every public page shares: `lang`, skip link, header with the language switch,
/// main content and footer.
package struct Layout {
    package let title: String
    /// Path of this page, for the language switch.
    package let current: SiteURL
    package let l: Localizer
    package let body: Node<HTML.BodyContext>
    /// The logged-in officer and the session's CSRF token, on officer pages.
    package var officer: (Officer, String)? = nil

    package func render() -> String {
        let siteName = l.t(PlatformText.chongqingHongKongCooperation)
        let html = HTML(
            .attribute(named: "lang", value: l.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title(title + " · " + siteName),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .if(officer != nil, .script(.src(SiteURL.officerScript.path), .attribute(named: "defer", value: "defer")))
            ),
            .body(
                .unwrap(officer) { o, csrf in
                    .group(.attribute(named: "data-idle-seconds", value: String(Int(o.idleSeconds))), .attribute(named: "data-csrf", value: csrf))
                },
                .a(.class("skip"), .href("#main"), .text(l.t(PlatformText.skipToContent))),
                .header(
                    .class("site"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text(siteName)),
                    .nav(
                        .attribute(named: "aria-label", value: l.t(PlatformText.main)),
                        .ul(
                            .li(.a(.href(SiteURL.home.path), .text(l.t(PlatformText.measures)))),
                            .li(.a(.href(SiteURL.agreement.path), .text(l.t(PlatformText.fullText)))),
                            .li(.a(.href(SiteURL.knowledgeBase.path), .text(l.t(PlatformText.policyAnswers)))),
                            .li(.a(.href(SiteURL.search("").path), .text(l.t(PlatformText.search)))),
                            .li(.a(.href(SiteURL.ask.path), .text(l.t(PlatformText.ask)))),
                            .li(.a(.href(SiteURL.feedback.path), .text(l.t(PlatformText.feedback)))),
                            .li(.a(.href(SiteURL.reports.path), .text(l.t(PlatformText.reports)))),
                            .unwrap(officer) { o, csrf in officerNav(o, csrf) }
                        )
                    ),
                    .nav(
                        .class("languages"),
                        .attribute(named: "aria-label", value: l.t(PlatformText.language)),
                        .ul(.forEach(DisplayLanguage.allCases) { lang in
                            .li(lang == l.language
                                ? .span(.attribute(named: "aria-current", value: "true"), .attribute(named: "lang", value: lang.rawValue), .text(lang.selfName))
                                : .a(.href(current.path(lang: lang)), .attribute(named: "lang", value: lang.rawValue), .attribute(named: "hreflang", value: lang.rawValue), .text(lang.selfName)))
                        })
                    )
                ),
                .main(.id("main"), body),
                .if(officer != nil, .element(named: "dialog", nodes: [
                    .id("idle-warning"), .attribute(named: "aria-labelledby", value: "idle-title"),
                    .h2(.id("idle-title"), .text(l.t(PlatformText.yourSessionIsAboutTo))),
                    .p(.text(l.t(PlatformText.youHaveBeenInactiveFor))),
                    .button(.id("idle-continue"), .type(.button), .text(l.t(PlatformText.stayLoggedIn))),
                ])),
                .footer(
                    .class("site"),
                    .if(officer == nil, .p(.a(.href(SiteURL.login.path), .text(l.t(PlatformText.officerLogIn))))),
                    .p(.text(l.t(PlatformText.chongqingHongKongCooperationConference)))
                )
            )
        )
        return html.render()
    }

    private func officerNav(_ o: Officer, _ csrf: String) -> Node<HTML.ListContext> {
        .group(
            .li(.a(.href(SiteURL.officer.path), .text(l.t(PlatformText.dashboard)))),
            .if(o.mayViewDashboards, .group(
                .li(.a(.href(SiteURL.officerOverview.path), .text(l.t(PlatformText.overview)))),
                .li(.a(.href(SiteURL.officerReports.path), .text(l.t(PlatformText.meetingReports)))),
                .li(.a(.href(SiteURL.officerReporting.path), .text(l.t(PlatformText.reportingCadence)))),
                .li(.a(.href(SiteURL.officerAgreements.path), .text(l.t(PlatformText.agreementsAndMeetings))))
            )),
            .if(o.role == .admin, .group(
                .li(.a(.href(SiteURL.officerUsers.path), .text(l.t(PlatformText.accounts)))),
                .li(.a(.href(SiteURL.officerUnits.path), .text(l.t(PlatformText.units))))
            )),
            .li(.a(.href(SiteURL.officerArticles.path), .text(l.t(PlatformText.entries)))),
            .li(.a(.href(SiteURL.officerQuestions.path), .text(l.t(PlatformText.questions)))),
            .li(.a(.href(SiteURL.officerCases.path), .text(l.t(PlatformText.feedbackCases)))),
            .if(o.role == .admin, .group(
                .li(.a(.href(SiteURL.officerAccessLog.path), .text(l.t(PlatformText.accessLog)))),
                .li(.a(.href(SiteURL.officerPersonalData.path), .text(l.t(PlatformText.accessRequests)))),
                .li(.a(.href(SiteURL.officerCalendars.path), .text(l.t(PlatformText.calendars))))
            )),
            .li(.a(.href(SiteURL.officerTokens.path), .text(l.t(PlatformText.apiTokens)))),
            .li(.a(.href(SiteURL.twoFactor.path), .text(l.t(PlatformText.twoStepLogIn)))),
            .li(FormContext(csrf: csrf, l: l).button(action: .logout, label: l.t(PlatformText.logOut) + " · " + o.displayName, className: "link"))
        )
    }

    package init(title: String, current: SiteURL, l: Localizer, body: Node<HTML.BodyContext>, officer: (Officer, String)? = nil) {
        self.title = title
        self.current = current
        self.l = l
        self.body = body
        self.officer = officer
    }
}

extension Localizer {
    package func side(_ s: Side) -> String {
        switch s {
        case .cq: return t(PlatformText.chongqingSide)
        case .hk: return t(PlatformText.hongKongSide)
        }
    }

    package func measureLabel(_ number: String) -> String { t(PlatformText.measureNumber(number: "\(number)")) }

    package func areaLabel(_ number: Int) -> String {
        language == .en ? "Area \(number)" : ChineseNumeral.format(number) + "、"
    }
}

/// Pieces several pages use.
package enum Parts {
    package static func progress(_ percent: Int, label: String) -> Node<HTML.BodyContext> {
        .element(named: "progress", nodes: [
            .attribute(named: "max", value: "100"),
            .attribute(named: "value", value: String(percent)),
            .attribute(named: "aria-label", value: label),
            .text("\(percent)%"),
        ])
    }

    /// Content in the reader's script, marked with its language.
    package static func content<Context: HTML.BodyContext>(_ text: String, writtenIn script: String, _ l: Localizer) -> Node<Context> {
        .span(.attribute(named: "lang", value: l.contentLang), .text(l.content(text, writtenIn: script)))
    }
}
