import ChineseScript
import Vapor

/// The interface language; `?lang=` sets it and a cookie remembers it.
package enum DisplayLanguage: String, CaseIterable, Sendable {
    case zhHant = "zh-Hant"
    case zhHans = "zh-Hans"
    case en

    package static let `default` = DisplayLanguage.zhHant
    package static let cookieName = "lang"

    /// Script the content is shown in: Simplified for the Simplified interface, otherwise the
    /// platform's default, Hong Kong Traditional.
    package var contentScript: Script { self == .zhHans ? .simplified : .traditional }

    /// The name of the language in itself, for the switcher.
    package var selfName: String {
        switch self {
        case .zhHant: return "繁體"
        case .zhHans: return "简体"
        case .en: return "English"
        }
    }

    /// `?lang=` first, then the cookie, then the default. Unknown values are ignored.
    package static func of(_ req: Request) -> DisplayLanguage {
        if let query = req.query[String.self, at: "lang"], let lang = DisplayLanguage(tag: query) { return lang }
        if let cookie = req.cookies[cookieName]?.string, let lang = DisplayLanguage(tag: cookie) { return lang }
        return .default
    }

    package init?(tag: String) {
        switch tag.lowercased() {
        case "zh-hant", "zh-hk", "zh-tw", "hant": self = .zhHant
        case "zh-hans", "zh-cn", "hans": self = .zhHans
        case "en", "en-gb", "en-us": self = .en
        default: return nil
        }
    }
}

/// Remembers `?lang=` in a cookie so the choice survives navigation.
package struct LanguageMiddleware: AsyncMiddleware {
    package let secureCookies: Bool

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let query = req.query[String.self, at: "lang"], let lang = DisplayLanguage(tag: query),
           req.cookies[DisplayLanguage.cookieName]?.string != lang.rawValue {
            response.cookies[DisplayLanguage.cookieName] = HTTPCookies.Value(
                string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax
            )
        }
        return response
    }

    package init(secureCookies: Bool) {
        self.secureCookies = secureCookies
    }
}

/// Shows stored text in the reader's script and the interface's words in the reader's language.
package struct Localizer: Sendable {
    package let language: DisplayLanguage
    package let converter: ScriptConverter

    /// The reader's localizer: `?lang=`, then the cookie, then the default.
    package init(_ req: Request, converter: ScriptConverter) {
        self.init(language: DisplayLanguage.of(req), converter: converter)
    }

    package init(language: DisplayLanguage, converter: ScriptConverter) {
        self.language = language
        self.converter = converter
    }

    package var script: Script { language.contentScript }

    /// Stored text in the reader's script; text that cannot be converted is shown as written.
    package func content(_ text: String, writtenIn tag: String) -> String {
        (try? converter.render(text, writtenIn: ScriptConverter.script(tag: tag), as: script)) ?? text
    }

    /// `lang` attribute for a block of content: the content's script, which differs from the
    /// page's language on English pages.
    package var contentLang: String { script.languageTag }

    /// One of three texts written per language, picked for the reader: for content kept in the
    /// database in each language (a category's names), or a message already rendered in all three.
    /// Interface text belongs in the catalogue (`t(_ key:)`).
    package func pick(hant: String, hans: String, en: String) -> String {
        switch language {
        case .zhHant: return hant
        case .zhHans: return hans
        case .en: return en
        }
    }
}
