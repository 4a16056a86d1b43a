import Foundation
import Ink

/// Knowledge-base Markdown to HTML with Ink. Raw HTML in the source is escaped first, so it shows
/// as text; links and images may only point to http(s), mailto, a path on this site or an anchor.
package enum MarkdownRenderer {
    package static func html(_ markdown: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .links) { input in safeURL(in: input.html) ? input.html : escape(String(input.markdown)) })
        parser.addModifier(Modifier(target: .images) { input in safeURL(in: input.html) ? input.html : escape(String(input.markdown)) })
        return parser.html(from: escape(markdown))
    }

    package static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The first `href`/`src` value of the generated tag is an allowed kind of URL.
    package static func safeURL(in html: String) -> Bool {
        guard let range = html.range(of: #"(href|src)="([^"]*)""#, options: .regularExpression) else { return true }
        let attribute = html[range]
        let value = attribute[attribute.index(after: attribute.firstIndex(of: "\"")!)..<attribute.index(before: attribute.endIndex)]
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasPrefix("/"), !value.hasPrefix("//") { return true }
        if value.hasPrefix("#") { return true }
        return ["https://", "http://", "mailto:"].contains { value.hasPrefix($0) }
    }
}
