import Foundation

/// Office Open XML workbooks (.xlsx) written by hand: one sheet per table, strings inline,
/// numbers as numbers, the header row bold and frozen. The package is a ZIP file whose parts
/// are stored uncompressed; every spreadsheet program reads that.
package enum XLSX {
    package static func workbook(_ sheets: [Spreadsheet.Sheet]) -> Data {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                \(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                \(sheets.enumerated().map { "<sheet name=\"\(escape(sheetName($1.name)))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
                </sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
                <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
                <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
        }
        return ZIP.archive(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    package static func worksheet(_ sheet: Spreadsheet.Sheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <sheetData>
            """
        let rows = [sheet.header.map { Spreadsheet.Cell.text($0) }] + sheet.rows
        for (r, row) in rows.enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = column(c) + String(r + 1)
                let style = r == 0 ? 1 : 2
                switch cell {
                case .number(let n): xml += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(Spreadsheet.Cell.number(n).string)</v></c>"
                case .text(let s): xml += "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, … Z, AA, AB …
    package static func column(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Sheet names: at most 31 characters, none of : \ / ? * [ ].
    package static func sheetName(_ s: String) -> String {
        String(s.filter { !":\\/?*[]".contains($0) }.prefix(31))
    }

    /// XML text: the five entities escaped and characters XML 1.0 forbids left out.
    package static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// ZIP archives with stored (uncompressed) entries and UTF-8 names.
package enum ZIP {
    package static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    package static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    package static func archive(_ files: [(name: String, data: Data)]) -> Data {
        var out = Data(), central = Data()
        func le16(_ v: Int, _ d: inout Data) { d.append(contentsOf: [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)]) }
        func le32(_ v: UInt32, _ d: inout Data) { for s in stride(from: 0, to: 32, by: 8) { d.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        // 1 January 2026, 00:00 in MS-DOS form: a fixed time, so equal content gives equal files.
        let dosTime = 0, dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1
        for file in files {
            let name = Data(file.name.utf8), crc = crc32(file.data), offset = UInt32(out.count)
            func header(_ d: inout Data, central: Bool) {
                le32(central ? 0x0201_4B50 : 0x0403_4B50, &d)
                if central { le16(20, &d) }
                le16(20, &d); le16(0x0800, &d); le16(0, &d); le16(dosTime, &d); le16(dosDate, &d)
                le32(crc, &d); le32(UInt32(file.data.count), &d); le32(UInt32(file.data.count), &d)
                le16(name.count, &d); le16(0, &d)
                if central { le16(0, &d); le16(0, &d); le16(0, &d); le32(0, &d); le32(offset, &d) }
                d.append(name)
            }
            header(&out, central: false)
            out.append(file.data)
            header(&central, central: true)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(files.count, &out); le16(files.count, &out)
        le32(UInt32(central.count), &out); le32(centralOffset, &out); le16(0, &out)
        return out
    }
}

/// A table as exports write it: a named sheet, a header row and rows of text or numbers.
package enum Spreadsheet {
    package struct Sheet {
        package var name: String
        package var header: [String]
        package var rows: [[Cell]]

        package init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    package enum Cell: Equatable {
        case text(String)
        case number(Double)

        package var string: String {
            switch self {
            case .text(let s): return s
            case .number(let n): return n.rounded() == n ? String(Int(n)) : String(n)
            }
        }
    }
}
