import ChineseScript
import Foundation
import Testing

@Suite struct ConversionTests {
    let converter = try! ScriptConverter.shared()

    @Test("Hong Kong Traditional → Simplified with hk2s", arguments: [
        ("醫療衞生及中醫藥", "医疗卫生及中医药"),
        ("這裏", "这里"),
        ("青年發展", "青年发展"),
        ("頭髮", "头发"),
        ("理髮店", "理发店"),
        ("乾燥", "干燥"),
        ("幹部", "干部"),
        ("後來", "后来"),
        ("皇后", "皇后"),
        ("便利港人在內地發展", "便利港人在内地发展"),
        ("“一帶一路”建設和經貿投資", "“一带一路”建设和经贸投资"),
        ("利用 5G 網路", "利用 5G 网路"),
    ])
    func toSimplified(traditional: String, simplified: String) throws {
        #expect(try converter.toSimplified(traditional) == simplified)
    }

    @Test("Simplified → Hong Kong Traditional with s2hk (HK variants, phrase-aware)", arguments: [
        ("医疗卫生", "醫療衞生"),     // 衞, not 衛
        ("这里", "這裏"),             // 裏, not 裡
        ("头发", "頭髮"),             // 发 → 髮 in a phrase
        ("发展", "發展"),             // 发 → 發 elsewhere
        ("理发", "理髮"),
        ("干燥", "乾燥"),
        ("干部", "幹部"),
        ("后来", "後來"),
        ("皇后", "皇后"),             // a character table would give 皇後
        ("面条", "麪條"),
        ("一只", "一隻"),
        ("只有", "只有"),
    ])
    func toTraditional(simplified: String, traditional: String) throws {
        #expect(try converter.toTraditional(simplified) == traditional)
    }

    @Test func emptyAndLatinTextPassThrough() throws {
        #expect(try converter.toSimplified("") == "")
        #expect(try converter.toTraditional("QFLP and QDLP, 2023") == "QFLP and QDLP, 2023")
    }

    @Test func renderKeepsTextAlreadyInTheTargetScript() throws {
        #expect(try converter.render("發展", writtenIn: .traditional, as: .traditional) == "發展")
        #expect(try converter.render("發展", writtenIn: .traditional, as: .simplified) == "发展")
        #expect(try converter.render("发展", writtenIn: .simplified, as: .traditional) == "發展")
    }

    @Test func sharedConverterIsOpenedOnce() throws {
        #expect(try ScriptConverter.shared() === converter)
    }

    @Test func manyTasksConvertAtOnceWithTheSameResults() async throws {
        let text = String(repeating: "醫療衞生及中醫藥，促進渝港衞生健康常態化交流。", count: 20)
        let expected = try converter.toSimplified(text)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { try ScriptConverter.shared().toSimplified(text) }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == expected })
    }
}

@Suite struct DetectionTests {
    let converter = try! ScriptConverter.shared()

    @Test func detectsTraditionalSimplifiedAndNeither() throws {
        #expect(try converter.detect("醫療衞生及中醫藥") == .traditional)
        #expect(try converter.detect("医疗卫生及中医药") == .simplified)
        #expect(try converter.detect("Hong Kong people in Chongqing") == .neither)
        #expect(try converter.detect("") == .neither)
        // 人民 and 中文 are written the same in both scripts.
        #expect(try converter.detect("人民中文") == .neither)
    }

    @Test func mostlyMeansMostly() throws {
        // One Simplified character in a Traditional sentence is still Traditional.
        #expect(try converter.detect("在渝港人在教育學習、就业工作等方面享有同等待遇") == .traditional)
        // An even mix is neither.
        #expect(try converter.detect("發展发展") == .neither)
    }

    @Test func countsScriptSpecificCharacters() throws {
        // 頭 and 髮 exist only in Traditional; of 发展 only 发 is Simplified-only (展 is shared).
        let counts = try converter.scriptCounts("頭髮 and 发展")
        #expect(counts.traditional == 2)
        #expect(counts.simplified == 1)
    }
}

@Suite struct DictionaryTests {
    @Test func missingConfigurationIsNamedWithItsPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-empty-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ChineseScriptError.missingDictionary(path: dir.appendingPathComponent("hk2s.json").path)) {
            try ScriptConverter(dataDirectory: dir)
        }
    }

    @Test func missingDictionaryFileNamedInTheConfigurationIsNamedWithItsPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-partial-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let system = ScriptConverter.defaultDataDirectory
        try FileManager.default.copyItem(at: system.appendingPathComponent("hk2s.json"), to: dir.appendingPathComponent("hk2s.json"))
        do {
            _ = try ScriptConverter(dataDirectory: dir)
            Issue.record("opened a configuration whose dictionaries are missing")
        } catch let ChineseScriptError.missingDictionary(path) {
            #expect(path.hasPrefix(dir.path))
            #expect(path.hasSuffix(".ocd2"))
            #expect(ChineseScriptError.missingDictionary(path: path).description.contains(path))
        }
    }
}
