import ChineseScript
import Search
import Testing

let converter = try! ScriptConverter.shared()
let searchText = SearchText(toSimplified: { (try? converter.toSimplified($0)) ?? $0 })

@Suite struct NormalizationTests {
    @Test("Traditional, Hong Kong variants, Simplified, full-width and case fold to one form", arguments: [
        ("醫療衞生", "医疗卫生"), ("医疗卫生", "医疗卫生"), ("「回鄉證」", "回乡证"), ("ＱＦＬＰ", "qflp"), ("５Ｇ網路", "5g网路"),
        ("MPF／強積金", "mpf 强积金"), ("  Hong-Kong!! ", "hong kong"), ("裏", "里"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(searchText.normalize(input) == expected)
    }

    @Test func indexAndQuerySeeTheSameTerms() {
        #expect(searchText.indexTokens("醫療衞生") == ["医", "疗", "卫", "生", "医疗", "疗卫", "卫生"])
        #expect(searchText.indexTokens("利用 5G 網路") == ["利", "用", "利用", "5g", "网", "路", "网路"])
        #expect(searchText.queryTerms("醫療衞生 5G") == [["医疗", "疗卫", "卫生"], ["5g"]])
        #expect(searchText.queryTerms("港") == [["港"]])
        #expect(searchText.queryTerms("！？。") == [])
    }

    @Test func mixedRunsSplitBetweenHanAndLatin() {
        #expect(searchText.queryTerms("QDLP試點") == [["qdlp"], ["试点"]])
        #expect(searchText.indexTokens("2023年") == ["2023", "年"])
    }
}

@Suite struct QueryTests {
    let synonyms = SynonymTable([["回鄉證", "港澳居民來往內地通行證"], ["社保", "社會保險"], ["強積金", "MPF"]])

    @Test func termsAreAllRequired() {
        let q = SearchQuery("醫療 合作", using: searchText)
        #expect(q.groups == [[["医疗"]], [["合作"]]])
        #expect(q.fts5 == #"(("医疗")) AND (("合作"))"#)
        #expect(q.tsquery == "(('医疗')) & (('合作'))")
    }

    @Test func synonymsWidenATerm() {
        let q = SearchQuery("回乡证 办理", using: searchText, synonyms: synonyms)
        #expect(q.groups.count == 2)
        #expect(q.groups[0].count == 2)
        #expect(q.groups[0][1].contains("通行"))
        #expect(q.groups[1] == [["办理"]])
        let mpf = SearchQuery("MPF", using: searchText, synonyms: synonyms)
        #expect(mpf.groups == [[["mpf"], ["强积", "积金"]]])
    }

    @Test func emptyAndPunctuationOnlyQueriesAreEmpty() {
        #expect(SearchQuery("", using: searchText).isEmpty)
        #expect(SearchQuery("“”……", using: searchText).isEmpty)
        // Quotes cannot break out of the FTS5 expression: they are separators.
        #expect(!SearchQuery(#"a" OR "b"#, using: searchText).fts5.contains(#""""#))
    }
}
