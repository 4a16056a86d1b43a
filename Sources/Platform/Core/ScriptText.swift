import ChineseScript
import Vapor

extension ScriptConverter {
    /// The script a piece of text was written in, as stored beside it: Simplified when it is
    /// mostly Simplified, otherwise the platform's default, Hong Kong Traditional.
    package func storedScript(of text: String) -> Script {
        (try? detect(text)) == .simplified ? .simplified : .traditional
    }

    /// `Script` for a stored language tag.
    package static func script(tag: String) -> Script { tag == Script.simplified.languageTag ? .simplified : .traditional }
}

/// A text as written, with its script and its rendering in both scripts (API and `--json`).
package struct BothScripts: Content, Equatable {
    package let text: String
    package let script: String
    package let zhHant: String
    package let zhHans: String

    package enum CodingKeys: String, CodingKey { case text, script, zhHant = "zh-Hant", zhHans = "zh-Hans" }

    /// Text that cannot be converted is given as written.
    package init(_ text: String, writtenIn tag: String, converter: ScriptConverter) {
        let source = ScriptConverter.script(tag: tag)
        self.text = text
        self.script = source.languageTag
        zhHant = (try? converter.render(text, writtenIn: source, as: .traditional)) ?? text
        zhHans = (try? converter.render(text, writtenIn: source, as: .simplified)) ?? text
    }
}
