import ChineseScript
import Memorandum

enum ScriptConverterFixture {
    static let converter = try! ScriptConverter.shared()
}

enum MemorandumFixture {
    static func document() throws -> MemorandumDocument { try MemorandumParser.parse(ShippedMemoranda.text()) }
}

enum ShippedMemorandaFixture {
    static func text() throws -> String { try ShippedMemoranda.text() }
}

enum MemorandumParserFixture {
    static func parse(_ text: String) throws -> MemorandumDocument { try MemorandumParser.parse(text) }
}
