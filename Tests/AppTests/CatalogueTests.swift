@testable import Platform
import ChineseScript
import Foundation
import Testing

/// The interface text's catalogues (Sources/<Target>/Resources/Strings): complete in the three
/// languages, every key used, placeholders alike, the Simplified written for the Mainland rather
/// than converted, and the generated Swift in step with the files. `Catalogues.all` is written
/// by `scripts/strings.py generate` (Catalogues.generated.swift); `strings.py check` makes the
/// same checks without Swift.
@Suite struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generatedName = "Strings.generated.swift"

    static func folder(_ target: String) -> URL {
        root.appendingPathComponent("Sources/\(target)/Resources/Strings", isDirectory: true)
    }

    /// The catalogue as it is in the source tree (what a translator edits).
    static func source(_ target: String) throws -> Catalogue { try Catalogue.load(directory: folder(target), target: target) }

    static func enumName(_ target: String) -> String { String(target.prefix(1)).uppercased() + String(target.dropFirst()) + "Text" }

    static func swiftSources(_ target: String) throws -> String {
        let folder = root.appendingPathComponent("Sources/\(target)", isDirectory: true)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return "" }
        var text = ""
        for case let url as URL in walker where url.pathExtension == "swift" && url.lastPathComponent != generatedName {
            text += try String(contentsOf: url, encoding: .utf8) + "\n"
        }
        return text
    }

    @Test func everyTargetWithACatalogueIsChecked() throws {
        let sources = Self.root.appendingPathComponent("Sources", isDirectory: true)
        let withCatalogue = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter {
            FileManager.default.fileExists(atPath: Self.folder($0).path)
        }
        #expect(Set(withCatalogue) == Set(Catalogues.all.map { $0.target }), "run `python3 scripts/strings.py generate`")
        #expect(!Catalogues.all.isEmpty)
    }

    @Test func everyKeyIsInAllThreeLanguages() throws {
        for entry in Catalogues.all {
            // Loading refuses a key missing from a language, one that is not in zh-Hant, an
            // empty text and a key written twice; here it is done on the files as edited.
            let catalogue = try Self.source(entry.target)
            for language in DisplayLanguage.allCases {
                for key in catalogue.keys {
                    let text = catalogue.text(key, language)
                    #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(entry.target).\(key) in \(language.rawValue)")
                }
            }
        }
    }

    @Test func placeholdersAgreeAcrossLanguages() throws {
        for entry in Catalogues.all {
            let catalogue = try Self.source(entry.target)
            for key in catalogue.keys {
                let sets = DisplayLanguage.allCases.map { Set(catalogue.template(key, $0)?.placeholders ?? []) }
                #expect(Set(sets).count == 1, "\(entry.target).\(key): \(sets.map { $0.sorted() })")
            }
        }
    }

    @Test func noKeyIsUnused() throws {
        for entry in Catalogues.all {
            let prefix = Self.enumName(entry.target) + "."
            let code = try Self.swiftSources(entry.target)
            var used = Set<String>()
            for piece in code.components(separatedBy: prefix).dropFirst() {
                used.insert(String(piece.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })))
            }
            let unused = try Self.source(entry.target).keys.filter { !used.contains($0) }
            #expect(unused.isEmpty, "\(entry.target): keys no code uses: \(unused.joined(separator: ", "))")
        }
    }

    @Test func generatedSwiftAndBundleAreInStepWithTheFiles() throws {
        for entry in Catalogues.all {
            let files = try Self.source(entry.target)
            #expect(entry.keys == files.keys, "\(entry.target): run `python3 scripts/strings.py generate`")
            #expect(entry.catalogue.keys == files.keys, "\(entry.target): the bundled catalogue differs from the files (rebuild)")
            for key in files.keys {
                for language in DisplayLanguage.allCases {
                    #expect(entry.catalogue.text(key, language) == files.text(key, language), "\(entry.target).\(key) in \(language.rawValue)")
                }
            }
        }
    }

    // MARK: Simplified written, not converted

    static func isHan(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) }
    }

    /// Positions where OpenCC's rendering differs, read in context (a phrase can keep a
    /// character that alone would be converted); every Han position when the lengths differ.
    static func differing(_ text: [Character], _ converted: [Character]) -> [Int] {
        guard text.count == converted.count else { return text.indices.filter { isHan(text[$0]) } }
        return text.indices.filter { text[$0] != converted[$0] }
    }

    /// Characters of a Simplified text that OpenCC takes for Traditional.
    static func traditional(in hans: String, _ converter: ScriptConverter) throws -> String {
        let text = Array(hans)
        let converted = Array(try converter.toSimplified(hans))
        var found: [Character] = []
        for i in differing(text, converted) where !found.contains(text[i]) {
            // With lengths that differ, each Han character is tried alone.
            let alone = String(text[i])
            let changesAlone = try converter.toSimplified(alone) != alone
            if text.count == converted.count || changesAlone { found.append(text[i]) }
        }
        return String(found)
    }

    /// Characters of a Traditional text that are Simplified: changed by Simplified→Hong Kong in
    /// context and not Traditional themselves (閱→閲 or 戶→户 is a Hong Kong variant, not a fault).
    static func simplified(in hant: String, _ converter: ScriptConverter) throws -> String {
        let text = Array(hant)
        let converted = Array(try converter.toTraditional(hant))
        var found: [Character] = []
        for i in differing(text, converted) {
            let c = String(text[i])
            let isTraditional = try converter.toSimplified(c) != c
            let changes = try converter.toTraditional(c) != c
            if !isTraditional, changes, !found.contains(text[i]) { found.append(text[i]) }
        }
        return String(found)
    }

    /// `香港 = 内地` pairs from docs/strings-glossary.txt.
    static func glossary() throws -> [(hk: String, mainland: String)] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/strings-glossary.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let eq = trimmed.range(of: " = ") else { return nil }
            return (String(trimmed[..<eq.lowerBound]).trimmingCharacters(in: .whitespaces),
                    String(trimmed[eq.upperBound...]).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func simplifiedIsWrittenNotConverted() throws {
        let converter = ScriptConverterFixture.converter
        let glossary = try Self.glossary()
        #expect(!glossary.isEmpty)
        var problems: [String] = []
        for entry in Catalogues.all {
            let catalogue = try Self.source(entry.target)
            for key in catalogue.keys {
                let hant = catalogue.text(key, .zhHant)
                let hans = catalogue.text(key, .zhHans)
                let name = "\(entry.target).\(key)"
                // The Simplified file holds every key itself (loading checks it) and no Traditional character.
                let traditional = try Self.traditional(in: hans, converter)
                if !traditional.isEmpty { problems.append("\(name): zh-Hans has Traditional \(traditional): \(hans)") }
                let simplified = try Self.simplified(in: hant, converter)
                if !simplified.isEmpty { problems.append("\(name): zh-Hant has Simplified \(simplified): \(hant)") }
                // Where Hong Kong and the Mainland use different words, the Mainland's is written,
                // not OpenCC's character-by-character rendering of Hong Kong's (登入 → 登录, not 登入).
                for (hk, mainland) in glossary where hant.contains(hk) {
                    let rendered = try converter.toSimplified(hk)
                    if rendered != mainland, hans.contains(rendered), !hans.contains(mainland) {
                        problems.append("\(name): zh-Hans keeps \(rendered) (OpenCC's \(hk)); the glossary writes \(mainland): \(hans)")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    // MARK: The runtime

    static let sample: [DisplayLanguage: String] = [
        .zhHant: "# comment\n\ngreeting = 你好，{name}！\\n再見\nspaced = \\s前後\\s\nbraces = {not a placeholder} \\\\ {n1}\n",
        .zhHans: "greeting = 你好，{name}！\\n再见\nspaced = \\s前后\\s\nbraces = {not a placeholder} \\\\ {n1}\n",
        .en: "greeting = Hello, {name}!\\nGoodbye\nspaced = \\saround\\s\nbraces = {not a placeholder} \\\\ {n1}\n",
    ]

    @Test func textsArePickedByLanguageAndFilledIn() throws {
        let catalogue = try Catalogue(target: "Sample", files: Self.sample)
        #expect(catalogue.keys == ["greeting", "spaced", "braces"])
        let converter = ScriptConverterFixture.converter
        let hans = Localizer(language: .zhHans, converter: converter)
        let en = Localizer(language: .en, converter: converter)
        #expect(hans.t(Phrase(catalogue, "greeting", ["name": "{n1}"])) == "你好，{n1}！\n再见")
        #expect(en.t(Phrase(catalogue, "greeting", ["name": "Chan"])) == "Hello, Chan!\nGoodbye")
        #expect(en.t(TextKey(catalogue, "spaced")) == " around ")
        #expect(catalogue.template("braces", .en)?.placeholders == ["n1"])
        #expect(en.t(Phrase(catalogue, "braces", ["n1": "7"])) == "{not a placeholder} \\ 7")
    }

    @Test func brokenCataloguesAreRefused() {
        func refused(_ language: DisplayLanguage, _ text: String) -> Bool {
            var files = Self.sample
            files[language] = text
            return (try? Catalogue(target: "Sample", files: files)) == nil
        }
        let hans = Self.sample[.zhHans]!
        #expect(refused(.zhHans, hans.replacingOccurrences(of: "spaced = \\s前后\\s\n", with: "")))       // a key missing
        #expect(refused(.zhHans, hans + "extra = 多余\n"))                                                // a key only here
        #expect(refused(.zhHans, hans.replacingOccurrences(of: "{name}", with: "{who}")))                 // placeholders differ
        #expect(refused(.zhHans, hans + "greeting = 又一次\n"))                                           // twice
        #expect(refused(.zhHans, hans.replacingOccurrences(of: "\\n再见", with: "\\t再见")))              // unknown escape
        #expect(refused(.zhHans, hans + "Bad-Key = 坏\n"))                                                // not a key
        #expect(refused(.zhHans, hans + "empty = \\s\n"))                                                 // no text
        var files = Self.sample
        files[.en] = nil
        #expect((try? Catalogue(target: "Sample", files: files)) == nil)                                   // a file missing
    }
}
