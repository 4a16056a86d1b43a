import Foundation

/// A target's interface text in the three interface languages, read from its resources
/// (`Sources/<Target>/Resources/Strings/zh-Hant.txt`, `zh-Hans.txt`, `en.txt`).
///
/// A file has one entry a line, `key = text`; lines starting with `#` and blank lines are
/// skipped. In the text `\n` is a line break, `\\` a backslash and `\s` a space (written at the
/// start or end of a text, where an editor would drop it); `{name}` is a placeholder that the
/// program fills in. The three files must hold the same keys, each with the same placeholders;
/// a catalogue that breaks a rule is refused with the file and line.
///
/// Code refers to a text through the target's generated namespace (`Strings.generated.swift`,
/// written by `scripts/strings.py generate`), so a key that is gone does not compile:
/// `l.t(TrackerText.measureTitle)`, `l.t(TrackerText.casesDue(count: "\(n)"))`.
package final class Catalogue: Sendable {
    /// The target's folder under `Sources/`.
    package let target: String
    /// Every key, in the order of the Traditional file.
    package let keys: [String]
    private let templates: [DisplayLanguage: [String: Template]]

    /// A text cut at its placeholders, parsed once.
    package struct Template: Sendable, Equatable {
        package enum Segment: Sendable, Equatable {
            case text(String)
            case value(String)
        }

        package let segments: [Segment]

        /// The placeholders' names, each once, in order of appearance.
        package var placeholders: [String] {
            var seen: [String] = []
            for case .value(let name) in segments where !seen.contains(name) { seen.append(name) }
            return seen
        }

        package init(_ text: String) {
            var segments: [Segment] = []
            var literal = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                literal.append(contentsOf: rest[..<open])
                let afterOpen = rest.index(after: open)
                if let close = rest[afterOpen...].firstIndex(of: "}"), Catalogue.isName(rest[afterOpen..<close]) {
                    if !literal.isEmpty { segments.append(.text(literal)) }
                    literal = ""
                    segments.append(.value(String(rest[afterOpen..<close])))
                    rest = rest[rest.index(after: close)...]
                } else {
                    literal.append("{")
                    rest = rest[afterOpen...]
                }
            }
            literal.append(contentsOf: rest)
            if !literal.isEmpty { segments.append(.text(literal)) }
            self.segments = segments
        }

        /// The text with each placeholder replaced by its value; one without a value stays `{name}`.
        package func render(_ values: [String: String]) -> String {
            var out = ""
            for segment in segments {
                switch segment {
                case .text(let text): out += text
                case .value(let name): out += values[name] ?? "{\(name)}"
                }
            }
            return out
        }
    }

    package struct Failure: Error, CustomStringConvertible, Equatable {
        package let file: String
        package let line: Int
        package let message: String

        package var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// The file name of a language's part of the catalogue.
    package static func fileName(_ language: DisplayLanguage) -> String { language.rawValue + ".txt" }

    /// Parses and checks the three files' contents (`files[language]`); `target` names them in errors.
    package init(target: String, files: [DisplayLanguage: String]) throws {
        var parsed: [DisplayLanguage: [(key: String, text: String, line: Int)]] = [:]
        for language in DisplayLanguage.allCases {
            let name = "\(target)/\(Self.fileName(language))"
            guard let contents = files[language] else { throw Failure(file: name, line: 0, message: "missing") }
            parsed[language] = try Self.entries(contents, file: name)
        }
        var templates: [DisplayLanguage: [String: Template]] = [:]
        for (language, entries) in parsed {
            templates[language] = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, Template($0.text)) })
        }
        let reference = parsed[.zhHant]!
        let keys = reference.map(\.key)
        for language in DisplayLanguage.allCases where language != .zhHant {
            let name = "\(target)/\(Self.fileName(language))"
            let own = Set(parsed[language]!.map(\.key))
            if let missing = keys.first(where: { !own.contains($0) }) {
                throw Failure(file: name, line: 0, message: "no entry for \(missing), which \(Self.fileName(.zhHant)) has")
            }
            if let extra = parsed[language]!.first(where: { templates[.zhHant]![$0.key] == nil }) {
                throw Failure(file: name, line: extra.line, message: "\(extra.key) is not in \(Self.fileName(.zhHant))")
            }
            for entry in parsed[language]! {
                let mine = Set(templates[language]![entry.key]!.placeholders)
                let theirs = Set(templates[.zhHant]![entry.key]!.placeholders)
                if mine != theirs {
                    throw Failure(file: name, line: entry.line, message: "\(entry.key) has placeholders \(mine.sorted()) but \(Self.fileName(.zhHant)) has \(theirs.sorted())")
                }
            }
        }
        self.target = target
        self.keys = keys
        self.templates = templates
    }

    /// Reads `zh-Hant.txt`, `zh-Hans.txt` and `en.txt` from a folder.
    package static func load(directory: URL, target: String) throws -> Catalogue {
        var files: [DisplayLanguage: String] = [:]
        for language in DisplayLanguage.allCases {
            let url = directory.appendingPathComponent(fileName(language))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw Failure(file: url.path, line: 0, message: "missing")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Failure(file: url.path, line: 0, message: "not UTF-8")
            }
            files[language] = text
        }
        return try Catalogue(target: target, files: files)
    }

    /// A target's catalogue from its resources (`resources: [.copy("Resources/Strings")]`).
    /// Called once per target (a `static let`, read at start-up): a missing or broken file
    /// stops the program with its name and line, rather than showing a page without words.
    package static func load(from bundle: Bundle, target: String) -> Catalogue {
        let directory = bundle.url(forResource: "Strings", withExtension: nil)
            ?? bundle.resourceURL?.appendingPathComponent("Strings", isDirectory: true)
        guard let directory else { fatalError("\(target): the string catalogue (Resources/Strings) is not in the bundle") }
        do {
            return try load(directory: directory, target: target)
        } catch {
            fatalError("\(target): the string catalogue cannot be used: \(error)")
        }
    }

    /// `key = text` lines in order; comments and blank lines skipped, escapes resolved.
    package static func entries(_ contents: String, file: String) throws -> [(key: String, text: String, line: Int)] {
        var entries: [(key: String, text: String, line: Int)] = []
        var seen = Set<String>()
        let body = contents.hasPrefix("\u{FEFF}") ? String(contents.dropFirst()) : contents
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let separator = line.range(of: " = ") else {
                throw Failure(file: file, line: index + 1, message: "expected `key = text`")
            }
            let key = line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
            guard isKey(key) else {
                throw Failure(file: file, line: index + 1, message: "\(key) is not a key (lowerCamelCase letters and digits)")
            }
            guard seen.insert(key).inserted else {
                throw Failure(file: file, line: index + 1, message: "\(key) appears twice")
            }
            let text = try unescape(line[separator.upperBound...], file: file, line: index + 1)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Failure(file: file, line: index + 1, message: "\(key) has no text")
            }
            entries.append((key: key, text: text, line: index + 1))
        }
        return entries
    }

    private static func unescape(_ text: Substring, file: String, line: Int) throws -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "\\": out.append("\\")
                case "s": out.append(" ")
                default: throw Failure(file: file, line: line, message: "unknown escape \\\(character) (only \\n, \\\\ and \\s)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { throw Failure(file: file, line: line, message: "a text ends in a lone backslash") }
        return out
    }

    static func isKey(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLowercase else { return false }
        return isName(Substring(s))
    }

    static func isName(_ s: Substring) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The parsed text of a key in a language, nil for a key the catalogue does not have.
    package func template(_ key: String, _ language: DisplayLanguage) -> Template? { templates[language]?[key] }

    /// A key's text in a language with its placeholders filled in.
    package func text(_ key: String, _ language: DisplayLanguage, _ values: [String: String] = [:]) -> String {
        guard let template = templates[language]?[key] else {
            // Only a generated file out of step with the bundled catalogue gets here
            // (CatalogueTests compares them); show the key rather than nothing.
            assertionFailure("\(target): no text for \(key)")
            return key
        }
        return template.render(values)
    }
}

/// Catalogue text that can be shown in any interface language: a `TextKey` or a `Phrase`.
package protocol CatalogueText: Sendable {
    /// The text in a language, placeholders filled in.
    func text(_ language: DisplayLanguage) -> String
}

/// A text without placeholders, named by a target's generated namespace (`AppText.logIn`).
package struct TextKey: CatalogueText {
    package let catalogue: Catalogue
    package let key: String

    package init(_ catalogue: Catalogue, _ key: String) {
        self.catalogue = catalogue
        self.key = key
    }

    package func text(_ language: DisplayLanguage) -> String { catalogue.text(key, language) }
}

/// A text with its placeholders' values (`AppText.totalResultsFound(total: "\(n)")`).
package struct Phrase: CatalogueText {
    package let key: TextKey
    package let values: [String: String]

    package init(_ catalogue: Catalogue, _ key: String, _ values: [String: String]) {
        self.key = TextKey(catalogue, key)
        self.values = values
    }

    package func text(_ language: DisplayLanguage) -> String { key.catalogue.text(key.key, language, values) }
}

extension Localizer {
    /// Interface text in the reader's language.
    package func t(_ key: TextKey) -> String { key.catalogue.text(key.key, language) }

    /// Interface text in the reader's language, its placeholders filled in.
    package func t(_ phrase: Phrase) -> String { phrase.key.catalogue.text(phrase.key.key, language, phrase.values) }
}
