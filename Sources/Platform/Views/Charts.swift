import Foundation
import Plot

/// Charts drawn on the server as SVG. Each is a figure whose SVG carries a title and a
/// description for screen readers, with the numbers written on the marks (so they read in
/// black-and-white print), followed by the table of its data. Colours are presentation
/// attributes, not inline styles, so a strict Content-Security-Policy allows them.
package enum Charts {
    package typealias Body = Node<HTML.BodyContext>

    package struct Series {
        package var name: String
        package var color: String
        package var values: [Int]

        package init(name: String, color: String, values: [Int]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    package static let font = "font-family=\"system-ui, sans-serif\" font-size=\"12\""

    package static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A label cut to `max` characters.
    package static func short(_ s: String, _ max: Int = 12) -> String { s.count > max ? String(s.prefix(max - 1)) + "…" : s }

    /// Roughly how wide `s` is at 12 px: CJK characters a full em, others about half.
    package static func width(_ s: String) -> Int { Int(s.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2000 ? 12.5 : 7.5) }.rounded(.up)) }

    package static func svg(id: String, title: String, summary: String, width: Int, height: Int, _ content: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" \
        aria-labelledby="\(id)-t \(id)-d" \(font)><title id="\(id)-t">\(escape(title))</title><desc id="\(id)-d">\(escape(summary))</desc>\(content)</svg>
        """
    }

    package static func figure(id: String, title: String, svg: String, table: Body) -> Body {
        .element(named: "figure", nodes: [
            .class("chart"), .id(id),
            .element(named: "figcaption", nodes: [.text(title)]),
            .raw(svg),
            .div(.class("wide"), table),
        ])
    }

    package static func legend(_ series: [Series], y: Int) -> String {
        var x = 0, out = ""
        for s in series {
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(s.color)\"/><text x=\"\(x + 16)\" y=\"\(y + 11)\">\(escape(s.name))</text>"
            x += 16 + width(s.name) + 16
        }
        return out
    }

    package static func table(rowHeader: String, rows: [String], series: [Series]) -> Body {
        .table(.class("data"),
               .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(rowHeader)),
                          .forEach(series) { .th(.attribute(named: "scope", value: "col"), .text($0.name)) })),
               .tbody(.forEach(Array(rows.enumerated())) { i, row in
                   .tr(.th(.attribute(named: "scope", value: "row"), .text(row)), .forEach(series) { .td(.class("n"), .text("\($0.values[i])")) })
               }))
    }

    /// One horizontal bar per row, split into the series, with each part's count written on it.
    package static func stackedBars(id: String, title: String, summary: String, rowHeader: String, rows: [String], series: [Series]) -> Body {
        let labelWidth = min(300, (rows.map { width(short($0, 24)) }.max() ?? 0) + 12), barWidth = 440, rowHeight = 22
        let total = max(1, rows.indices.map { i in series.map { $0.values[i] }.reduce(0, +) }.max() ?? 1)
        var marks = ""
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight
            marks += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(short(row, 24)))</text>"
            var x = labelWidth
            for s in series where s.values[i] > 0 {
                let w = max(1, s.values[i] * barWidth / total)
                marks += "<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowHeight - 4)\" fill=\"\(s.color)\"><title>\(escape(row)) · \(escape(s.name)): \(s.values[i])</title></rect>"
                if w >= 18 { marks += "<text x=\"\(x + w / 2)\" y=\"\(y + 15)\" text-anchor=\"middle\" fill=\"#fff\">\(s.values[i])</text>" }
                x += w
            }
        }
        let height = rows.count * rowHeight + 28
        marks += legend(series, y: rows.count * rowHeight + 10)
        return figure(id: id, title: title, svg: svg(id: id, title: title, summary: summary, width: labelWidth + barWidth + 10, height: height, marks),
                      table: table(rowHeader: rowHeader, rows: rows, series: series))
    }

    /// Vertical bars over time (or any labels), the count above each bar.
    package static func columns(id: String, title: String, summary: String, labelHeader: String, labels: [String], series: Series, line: Bool = false) -> Body {
        let plotHeight = 160, top = 16, left = 28, step = max(14, min(48, 640 / max(1, labels.count)))
        let maxValue = max(1, series.values.max() ?? 1)
        let labelEvery = max(1, Int((60.0 / Double(step)).rounded(.up)))
        var marks = "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + labels.count * step)\" y2=\"\(top + plotHeight)\" stroke=\"#545f69\"/>"
        var points: [String] = []
        for (i, value) in series.values.enumerated() {
            let h = value * plotHeight / maxValue, x = left + i * step
            if line {
                points.append("\(x + step / 2),\(top + plotHeight - h)")
            } else {
                marks += "<rect x=\"\(x + 2)\" y=\"\(top + plotHeight - h)\" width=\"\(step - 4)\" height=\"\(h)\" fill=\"\(series.color)\"><title>\(escape(labels[i])): \(value)</title></rect>"
            }
            // Labels about 60 px apart, counted back from the latest.
            if (labels.count - 1 - i) % labelEvery == 0 {
                marks += "<text x=\"\(x + step / 2)\" y=\"\(top + plotHeight - h - 4)\" text-anchor=\"middle\">\(value)</text>"
                marks += "<text x=\"\(x + step / 2)\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\">\(escape(labels[i]))</text>"
            }
        }
        if line { marks += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2.5\"/>" }
        return figure(id: id, title: title,
                      svg: svg(id: id, title: title, summary: summary, width: max(200, left + labels.count * step + 30), height: top + plotHeight + 24, marks),
                      table: table(rowHeader: labelHeader, rows: labels, series: [series]))
    }

    /// Rows × columns of counts; each cell's shade grows with its count, in its column's colour.
    package static func heatMap(id: String, title: String, summary: String, rowHeader: String, rows: [String], columns: [Series]) -> Body {
        let labelWidth = min(300, (rows.map { width(short($0, 24)) }.max() ?? 0) + 12)
        let cellWidth = max(56, (columns.map { width($0.name) }.max() ?? 0) + 10), cellHeight = 24, top = 22
        let maxValue = max(1, columns.flatMap(\.values).max() ?? 1)
        var marks = ""
        for (c, column) in columns.enumerated() {
            marks += "<text x=\"\(labelWidth + c * cellWidth + cellWidth / 2)\" y=\"14\" text-anchor=\"middle\">\(escape(column.name))</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = top + r * cellHeight
            marks += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(short(row, 24)))</text>"
            for (c, column) in columns.enumerated() {
                let value = column.values[r], x = labelWidth + c * cellWidth
                let opacity = value == 0 ? 0 : 0.15 + 0.85 * Double(value) / Double(maxValue)
                marks += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" fill=\"\(column.color)\" fill-opacity=\"\(String(format: "%.2f", opacity))\" stroke=\"#d5dbe0\"><title>\(escape(row)) · \(escape(column.name)): \(value)</title></rect>"
                marks += "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"\(opacity > 0.55 ? "#fff" : "#1d2329")\">\(value)</text>"
            }
        }
        return figure(id: id, title: title,
                      svg: svg(id: id, title: title, summary: summary, width: labelWidth + columns.count * cellWidth + 4, height: top + rows.count * cellHeight + 4, marks),
                      table: table(rowHeader: rowHeader, rows: rows, series: columns))
    }
}
