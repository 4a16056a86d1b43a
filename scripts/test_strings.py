#!/usr/bin/env python3
"""Tests of scripts/strings.py on a made-up package: python3 scripts/test_strings.py"""
import io
import contextlib
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import strings as S  # noqa: E402

SOURCE = r'''import Platform

enum Views {
    static func page(_ l: Localizer, n: Int, items: [Item], p: P) -> String {
        // l.t("註釋", "注释", "Comment") is not a call
        let s = "l.t(\"字串\", \"字符串\", \"String\")"
        let a = l.t("登入", "登录", "Log in")
        let b = l.t(
            "共 \(items.count) 項",   // a comment
            "共 \(items.count) 项",
            "\(items.count) items"
        )
        let c = l.t("「\"引號\"」", "「\"引号\"」", "\"Quotes\"")
        let d = l.t("合共 \(f(x, "a)b")) 宗", "合共 \(f(x, "a)b")) 宗", "\(f(x, "a)b")) in all")
        let e = l.t(#"原始 "\#(n)" 字串"#, #"原始 "\#(n)" 字符串"#, #"raw "\#(n)" string"#)
        let g = l.t("""
            第一行
              第二行 \(n)
            """, """
            第一行
              第二行 \(n)
            """, """
            First line
              second line \(n)
            """)
        let h = l.t("找到 \(p.total) 項結果", "找到 \(p.total) 项结果", p.total == 1 ? "1 result" : "\(p.total) results")
        let i = l.t("狀態", "状态", n > 1 ? "States" : "State")
        let j = items.map(l.t)
        let k = l.t("{括號}", "{括号}", "{braces}")
        let m = l.t("登入", "登录", "Log in") + l.t("名稱", "名称", "Name") + l.t("姓名", "姓名", "Name")
        let o = n.period.map { l.t("\($0) 進展報告", "\($0) 进展报告", "progress report \($0)") }
        let q = l.t("\(a.count) 與 \(b.count)", "\(a.count) 与 \(b.count)", "\(a.count) and \(b.count)")
        let r = f.l.t("確認", "确认", "Confirm")
        return a + b
    }
}

extension Localizer {
    func t(_ a: String) -> String { a }
    func side(_ s: Side) -> String { s == .cq ? t("渝方", "渝方", "Chongqing side") : t(x) }
}
'''


TRIPLES = r'''import Platform

enum Rules {
    static let changed = AppError.conflict(
        hant: "有人改了。",
        hans: "有人改了。",
        en: "Someone changed it.")
    static let names: [State: (hant: String, hans: String, en: String)] = [.new: ("新個案", "新个案", "new")]

    static func check(_ errors: inout FieldErrors, e: inout FieldErrors, field: String, maxN: Int, minimum: Int, on: Bool, x: X?) throws {
        errors.add("name", "請填寫名稱。", "请填写名称。", "Give a name.")
        errors.add("name2", "請填寫名稱。", "请填写名称。", "Give a name.")
        e.add(field, "請選擇一方。", "请选择一方。", "Choose a side.")
        errors.add("n", "最多 \(maxN) 項。", "最多 \(maxN) 项。", "At most \(maxN) items.")
        errors.add("long", "長的文字，",  // Traditional
                   "长的文字，",
                   "Long text over two lines.")
        metrics.set("cases", "open", "Open cases", to: 1)
        let c = Category(slug: "x", hant: "", hans: "", en: "", position: 1)
        let m = Message(hant: hant, hans: hans, en: en)
        let u = Unavailable(description: "d", hant: "無法。", hans: "无法。")
        func requireText(_ hant: String, _ hans: String, _ en: String) {}
        requireText("請說明原因。", "请说明原因。", "Write the reason.")
        throw AppError.badRequest(hant: "未知的操作。", hans: "未知的操作。", en: "Unknown action.")
        throw AppError.conflict(hant: on ? "已開。" : "已關。", hans: on ? "已开。" : "已关。", en: on ? "Already on." : "Already off.")
        throw AppError.conflict(hant: "現為第 \(x?.revision ?? 0) 版。", hans: "现为第 \(x?.revision ?? 0) 版。",
                                en: "Changed; now revision \(x?.revision ?? 0).")
    }

    static func problem(minimum: Int) -> FieldErrors.Message? {
        return .init(hant: "須至少 \(minimum) 個。", hans: "须至少 \(minimum) 个。", en: "Needs at least \(minimum).")
    }
}
'''


class ExtractTests(unittest.TestCase):
    def setUp(self):
        self.root = Path(tempfile.mkdtemp())
        (self.root / "Sources/Feature/Views").mkdir(parents=True)
        (self.root / "Tests/AppTests").mkdir(parents=True)
        (self.root / "Sources/Feature/Views/Views.swift").write_text(SOURCE, encoding="utf-8")

    def tearDown(self):
        shutil.rmtree(self.root)

    def extract(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            S.extract(self.root, None, False)
        return out.getvalue()

    def test_extract(self):
        log = self.extract()
        src = (self.root / "Sources/Feature/Views/Views.swift").read_text(encoding="utf-8")
        cat = S.Catalogue.load("Feature", S.strings_dir(self.root, "Feature"))
        tr = {k: cat.triple(k) for k in cat.keys}
        self.assertIn('// l.t("註釋", "注释", "Comment") is not a call', src)
        self.assertIn('let s = "l.t(\\"字串\\"', src)
        self.assertIn("let a = l.t(FeatureText.logIn)", src)
        self.assertIn('let b = l.t(FeatureText.countItems(count: "\\(items.count)"))', src)
        self.assertEqual(tr["countItems"], ("共 {count} 項", "共 {count} 项", "{count} items"))
        self.assertEqual(tr["quotes"], ("「\"引號\"」", "「\"引号\"」", "\"Quotes\""))
        self.assertIn('l.t(FeatureText.fInAll(f: "\\(f(x, "a)b"))"))', src)
        self.assertEqual(tr["rawNString"], ('原始 "{n}" 字串', '原始 "{n}" 字符串', 'raw "{n}" string'))
        self.assertEqual(tr["firstLineSecondN"], ("第一行\n  第二行 {n}", "第一行\n  第二行 {n}", "First line\n  second line {n}"))
        self.assertIn("(n > 1 ? l.t(FeatureText.states) : l.t(FeatureText.state))", src)
        self.assertIn('找到 \\(p.total) 項結果', src)                       # left: placeholders differ
        self.assertIn("do not interpolate the same values", log)
        self.assertIn("function value", log)
        self.assertIn("{word}", log)
        self.assertIn("let m = l.t(FeatureText.logIn) + l.t(FeatureText.name) + l.t(FeatureText.name2)", src)
        self.assertIn('l.t(FeatureText.progressReportPeriod(period: "\\($0)"))', src)
        self.assertEqual(tr["countAndB"][2], "{count} and {bCount}")
        self.assertIn("FeatureText.countAndB(count: \"\\(a.count)\", bCount: \"\\(b.count)\")", src)
        self.assertIn("let r = f.l.t(FeatureText.confirm)", src)
        self.assertIn('s == .cq ? t(FeatureText.chongqingSide) : t(x)', src)
        self.assertIn("func t(_ a: String)", src)
        # generated Swift names every key; the tests' list names the target
        gen = (self.root / "Sources/Feature/Strings.generated.swift").read_text(encoding="utf-8")
        for key in cat.keys:
            self.assertIn(f'"{key}"', gen)
        self.assertIn('("Feature", FeatureText.catalogue, FeatureText.allKeys)',
                      (self.root / S.TESTS_GENERATED).read_text(encoding="utf-8"))
        # a second run changes nothing
        before = {p: p.read_bytes() for p in self.root.rglob("*") if p.is_file()}
        log2 = self.extract()
        after = {p: p.read_bytes() for p in self.root.rglob("*") if p.is_file()}
        self.assertEqual(before, after)
        self.assertIn("converted 0 calls", log2)

    def test_extract_field_errors_and_labelled_triples(self):
        (self.root / "Sources/Feature/Services").mkdir(parents=True)
        path = self.root / "Sources/Feature/Services/Rules.swift"
        path.write_text(TRIPLES, encoding="utf-8")
        log = self.extract()
        src = path.read_text(encoding="utf-8")
        cat = S.Catalogue.load("Feature", S.strings_dir(self.root, "Feature"))
        tr = {k: cat.triple(k) for k in cat.keys}
        self.assertIn('errors.add("name", FeatureText.giveName)', src)
        self.assertIn('e.add(field, FeatureText.chooseSide)', src)
        self.assertIn('errors.add("n", FeatureText.atMostMaxNItems(maxN: "\\(maxN)"))', src)
        self.assertEqual(tr["atMostMaxNItems"], ("最多 {maxN} 項。", "最多 {maxN} 项。", "At most {maxN} items."))
        # multi-line, with a comment between the arguments
        self.assertIn('errors.add("long", FeatureText.longTextOverTwoLines)', src)
        # the same triple twice: one key
        self.assertEqual(src.count("FeatureText.giveName)"), 2)
        self.assertIn("throw AppError.badRequest(FeatureText.unknownAction)", src)
        self.assertIn("static let changed = AppError.conflict(FeatureText.someoneChangedIt)", src)
        self.assertIn('return .init(FeatureText.needsAtLeastMinimum(minimum: "\\(minimum)"))', src)
        self.assertIn("throw AppError.conflict(on ? FeatureText.alreadyOn : FeatureText.alreadyOff)", src)
        self.assertIn('AppError.conflict(FeatureText.changedNowRevision(revision: "\\(x?.revision ?? 0)"))', src)
        self.assertIn('requireText(FeatureText.writeReason)', src)
        # not interface text: left alone
        self.assertIn('metrics.set("cases", "open", "Open cases", to: 1)', src)
        self.assertIn('Category(slug: "x", hant: "", hans: "", en: "", position: 1)', src)
        self.assertIn("Message(hant: hant, hans: hans, en: en)", src)
        self.assertIn('.new: ("新個案", "新个案", "new")', src)
        self.assertIn("func requireText(_ hant: String, _ hans: String, _ en: String)", src)
        self.assertIn('Unavailable(description: "d", hant: "無法。", hans: "无法。")', src)
        # a second run changes nothing
        before = {p: p.read_bytes() for p in self.root.rglob("*") if p.is_file()}
        log2 = self.extract()
        after = {p: p.read_bytes() for p in self.root.rglob("*") if p.is_file()}
        self.assertEqual(before, after)
        self.assertIn("converted 0 calls", log2)

    def test_round_trip_of_escapes(self):
        for text in [" lead", "trail ", "a\\b", "two\nlines", "{x} and {y}"]:
            self.assertEqual(S.unescape_text(S.escape_text(text), "t"), text)

    def test_check_finds_unused_and_mismatched(self):
        self.extract()
        d = S.strings_dir(self.root, "Feature")
        (d / "en.txt").write_text((d / "en.txt").read_text() + "unusedKey = Nobody\n", encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = S.check(self.root, None)
        self.assertEqual(code, 1)
        self.assertIn("unusedKey: missing in zh-Hant, zh-Hans", out.getvalue())


if __name__ == "__main__":
    unittest.main()
