import ChineseScript

enum ScriptConverterFixture {
    static let converter = try! ScriptConverter.shared()
}
