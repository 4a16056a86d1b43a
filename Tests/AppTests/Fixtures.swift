import ChineseScript
import Memorandum

enum ScriptConverterFixture {
    static let converter = try! ScriptConverter.shared()
}

enum MemorandumFixture {
    static func document() throws -> MemorandumDocument { try MemorandumParser.parse(ShippedMemoranda.text()) }
}
