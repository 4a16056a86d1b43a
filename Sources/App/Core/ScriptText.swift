import ChineseScript
import Vapor

extension ScriptConverter {
    /// The script a piece of text was written in, as stored beside it: Simplified when it is
    /// mostly Simplified, otherwise the platform's default, Hong Kong Traditional.
    func storedScript(of text: String) -> Script {
        (try? detect(text)) == .simplified ? .simplified : .traditional
    }

    /// `Script` for a stored language tag.
    static func script(tag: String) -> Script { tag == Script.simplified.languageTag ? .simplified : .traditional }
}

/// A text as written, with its script and its rendering in both scripts (API and `--json`).
struct BothScripts: Content, Equatable {
    let text: String
    let script: String
    let zhHant: String
    let zhHans: String

    enum CodingKeys: String, CodingKey { case text, script, zhHant = "zh-Hant", zhHans = "zh-Hans" }

    /// Text that cannot be converted is given as written.
    init(_ text: String, writtenIn tag: String, converter: ScriptConverter) {
        let source = ScriptConverter.script(tag: tag)
        self.text = text
        self.script = source.languageTag
        zhHant = (try? converter.render(text, writtenIn: source, as: .traditional)) ?? text
        zhHans = (try? converter.render(text, writtenIn: source, as: .simplified)) ?? text
    }
}
