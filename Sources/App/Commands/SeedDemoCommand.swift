import Feedback
import Fluent
import Foundation
import Platform
import Reporting
import SQLKit
import Tracker
import Vapor
import WorkCalendar

/// `yugang seed-demo [--updates N] [--cases N]`: fills an empty platform with made-up units,
/// assignments, milestones, progress updates (with their audit events) and feedback cases from
/// June 2023 on, for training, demonstrations and `bench/report`. It refuses a database that
/// already holds progress updates or cases. The same seed gives the same data.
struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "updates", help: "progress updates to make (default 2,000)") var updates: Int?
        @Option(name: "cases", help: "feedback cases to make (default 5,000)") var cases: Int?
    }

    var help: String { "Fills an empty platform with made-up progress and feedback (demonstrations, benchmarks)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) { try await run(context, signature) }
    }

    private func run(_ context: CommandContext, _ signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        _ = try await Bootstrap.importShippedMemorandum(on: app.db)
        _ = try await Bootstrap.createLiaisonOffices(on: app.db)
        let updates = signature.updates ?? 2000, cases = signature.cases ?? 5000
        guard (0...1_000_000).contains(updates), (0...1_000_000).contains(cases) else { throw CommandFailure("--updates and --cases: 0 to 1,000,000") }
        guard try await ProgressUpdate.query(on: app.db).count() == 0, try await FeedbackCase.query(on: app.db).count() == 0 else {
            throw CommandFailure("this database already holds progress updates or feedback cases; seed-demo fills empty ones only")
        }
        let start = ContinuousClock.now
        let today = CalendarDay(app.clock.now())
        try await app.db.transaction { tx in
            var demo = DemoData(db: tx, today: today)
            try await demo.seed(updates: updates, cases: cases)
        }
        // Fresh statistics for the query planner, as after any bulk load (PostgreSQL: and the
        // visibility map, for index-only scans).
        try await app.db.sql.raw(app.db.sql.dialect.name == "postgresql" ? "VACUUM ANALYZE" : "ANALYZE").run()
        context.console.print(String(format: "seeded %d progress updates and %d feedback cases in %.1f s", updates, cases,
                                     (ContinuousClock.now - start) / .seconds(1)))
    }
}

/// Made-up records for `seed-demo`, written in batches on one connection.
struct DemoData {
    let db: Database
    let today: CalendarDay
    var random = SplitMix(seed: 20230511)

    static let cqUnits = ["重庆市商务委员会", "重庆市发展和改革委员会", "重庆市地方金融管理局", "重庆市科学技术局", "重庆市人民政府口岸和物流办公室",
                          "重庆市文化和旅游发展委员会", "重庆市教育委员会", "重庆市人力资源和社会保障局", "共青团重庆市委员会", "重庆市司法局",
                          "重庆市卫生健康委员会", "重庆市人民政府港澳事务办公室联络处"]
    static let hkUnits = ["商務及經濟發展局", "財經事務及庫務局", "創新科技及工業局", "運輸及物流局", "文化體育及旅遊局", "教育局",
                          "勞工及福利局", "民政及青年事務局", "律政司", "醫務衞生局", "香港貿易發展局", "投資推廣署"]
    static let topics: [Int: [String]] = [
        1: ["跨境貿易", "一帶一路", "展覽", "商務考察"], 2: ["跨境理財", "人民幣結算", "綠色金融", "上市融資"],
        3: ["科研合作", "創科園區", "技術轉移", "初創企業"], 4: ["陸海新通道", "物流", "航空貨運", "通關"],
        5: ["旅遊推廣", "文化交流", "演出", "博物館"], 6: ["學校交流", "大學招生", "教師培訓", "港人子女入學"],
        7: ["人才引進", "專業資格", "就業", "職業培訓"], 8: ["青年實習", "創業基地", "青年交流", "實習名額"],
        9: ["法律服務", "仲裁", "律師執業", "調解"], 10: ["醫療服務", "醫保報銷", "中醫藥", "養老"],
        11: ["回鄉證", "居住證", "社保", "公積金", "子女教育", "購房"],
    ]

    mutating func seed(updates: Int, cases: Int) async throws {
        let agreement = try await PortalQueries.currentAgreement(on: db)
        let measures = try await Measure.query(on: db).filter(\.$agreement.$id == agreement.requireID()).filter(\.$removedInRevision == nil)
            .sort(\.$areaNumber).sort(\.$itemNumber).all()
        let sides = try await MeasureSide.query(on: db).filter(\.$measure.$id ~~ measures.compactMap(\.id)).all()
        var units: [Side: [Unit]] = [:]
        for (side, names, script) in [(Side.cq, Self.cqUnits, "zh-Hans"), (.hk, Self.hkUnits, "zh-Hant")] {
            for name in names {
                let unit = try await Unit.query(on: db).filter(\.$side == side).filter(\.$name == name).first() ?? Unit(name: name, side: side, script: script)
                if unit.id == nil {
                    try await unit.create(on: db)
                    try await UnitMechanism.join(unitID: unit.requireID(), mechanismIDs: [agreement.$mechanism.id], on: db)
                }
                units[side, default: []].append(unit)
            }
        }
        var authors: [Side: UUID] = [:]
        for side in Side.allCases {
            let user = User(username: "demo-\(side.rawValue)-\(UUID().uuidString.prefix(6).lowercased())", displayName: "Demo \(side.rawValue.uppercased())",
                            passwordHash: "!", role: .unitOfficer, unitID: units[side]![0].id, mustChangePassword: true)
            user.isDisabled = true
            try await user.create(on: db)
            authors[side] = user.id
        }
        let begin = CalendarDay(year: 2023, month: 6, day: 1)!
        let beginDate = MeetingReports.endOfDay(begin).addingTimeInterval(-86_400 + 9 * 3600)
        // Each area's lead unit on each side, and a supporting one.
        var assignmentRows: [[any Encodable & Sendable]] = []
        var leads: [UUID: [Side: Unit]] = [:]
        for m in measures {
            for side in Side.allCases {
                let pool = units[side]!
                let lead = pool[(m.areaNumber - 1) % pool.count], support = pool[(m.areaNumber + m.itemNumber) % pool.count]
                leads[m.id!, default: [:]][side] = lead
                assignmentRows.append([UUID(), m.id!, lead.id!, "lead", beginDate])
                if support.id != lead.id { assignmentRows.append([UUID(), m.id!, support.id!, "support", beginDate]) }
            }
        }
        try await insert("assignments", ["id", "measure_id", "unit_id", "role", "created_at"], assignmentRows)

        // Milestones: two per measure and side, spread over the agreement's years.
        var milestoneRows: [[any Encodable & Sendable]] = []
        for m in measures {
            for side in Side.allCases {
                for n in 1...2 {
                    let due = begin.adding(days: random.next(in: 60...1300))
                    let done = due < today && random.next(in: 0...9) < 8 ? due.adding(days: -random.next(in: 0...20)).description : nil
                    milestoneRows.append([UUID(), m.id!, side.rawValue, "第\(n)階段工作", "zh-Hant", due.description, done, beginDate])
                }
            }
        }
        try await insert("milestones", ["id", "measure_id", "side", "title", "script", "due_on", "done_on", "created_at"], milestoneRows)

        // Progress updates, one a month per measure and side in turn, each with its audit events.
        let months = max(1, (today.ordinal - begin.ordinal) / 30)
        let pairs = measures.flatMap { m in Side.allCases.map { (m, $0) } }
        var state: [String: (SideStatus, Int)] = [:]
        var updateRows: [[any Encodable & Sendable]] = [], events: [AuditEvent] = []
        func event(_ at: Date, _ action: String, _ entity: String, _ id: UUID, before: String? = nil, after: String?, measure: UUID) {
            let e = AuditEvent(actor: "demo", action: action, entity: entity, entityID: id, before: before, after: after, measureID: measure)
            e.at = AuditChain.rounded(at)
            events.append(e)
        }
        for i in 0..<updates {
            let (m, side) = pairs[i % pairs.count]
            let month = min(months - 1, i * months / max(1, updates))
            let day = begin.adding(days: month * 30 + random.next(in: 0...27))
            let at = MeetingReports.endOfDay(day).addingTimeInterval(-86_400 + Double(random.next(in: 32_400...64_800)))
            let key = "\(m.id!):\(side)"
            let (oldStatus, oldPercent) = state[key] ?? (.notStarted, 0)
            let percent = min(100, oldPercent + random.next(in: 0...6))
            let status: SideStatus = percent == 100 ? .completed : random.next(in: 0...19) == 0 ? .delayed : (m.itemNumber % 4 == 0 ? .ongoing : .inProgress)
            state[key] = (status, percent)
            let period = ReportingPeriod.containing(day, .monthly).label
            let isPublic = random.next(in: 0...9) < 7
            let topic = Self.topics[m.areaNumber]?.first ?? "合作"
            let narrative = side == .cq ? "本月推进\(topic)相关工作，完成度达到 \(percent)%。" : "本月推進\(topic)相關工作，完成度達 \(percent)%。"
            let unit = leads[m.id!]![side]!
            let id = UUID()
            updateRows.append([id, m.id!, unit.id!, authors[side]!, side.rawValue, period, status.rawValue, percent, narrative,
                               side == .cq ? "zh-Hans" : "zh-Hant", [String](), isPublic ? "public" : "internal", false,
                               isPublic ? authors[side]! : nil, isPublic ? at : nil, at, at])
            let sideID = sides.first { $0.$measure.id == m.id && $0.side == side }!.id!
            event(at, "progress.create", ProgressUpdate.schema, id, after: "{}", measure: m.id!)
            event(at, "side.status", MeasureSide.schema, sideID,
                  before: Audit.json(["status": oldStatus.rawValue, "percent": String(oldPercent), "signedOff": "false"]),
                  after: Audit.json(["status": status.rawValue, "percent": String(percent), "signedOff": "false"]), measure: m.id!)
        }
        try await insert("progress_updates", ["id", "measure_id", "unit_id", "author_id", "side", "period", "status", "percent", "narrative", "script",
                                              "evidence", "visibility", "publish_requested", "approved_by", "approved_at", "created_at", "updated_at"], updateRows)
        // Sides that reached 100 % are signed off by their liaison office.
        let signedAt = Date(timeIntervalSince1970: MeetingReports.endOfDay(today).timeIntervalSince1970 - 86_400 * 3)
        for s in sides {
            guard let (status, percent) = state["\(s.$measure.id):\(s.side)"] else { continue }
            s.status = status
            s.percent = percent
            if status == .completed {
                s.signedOffAt = signedAt
                event(signedAt, "signoff", MeasureSide.schema, s.id!, after: Audit.json(["side": s.side.rawValue]), measure: s.$measure.id)
            }
            try await s.update(on: db)
        }
        // Audit events join the hash chain in the order they happened.
        events.sort { $0.at! < $1.at! }
        try await AuditChain.link(events, on: db)
        try await insert("audit_events", ["id", "at", "actor", "action", "entity", "entity_id", "before", "after", "measure_id", "seq", "prev_hash", "hash"],
                         events.map { [UUID(), $0.at!, $0.actor, $0.action, $0.entity, $0.entityID, $0.before, $0.after, $0.measureID, $0.seq!, $0.prevHash!, $0.hash!] })

        // Feedback cases, answered within about ten working days, a third linked to a measure.
        let calendars = try await WorkCalendars.calendars(on: db)
        var caseRows: [[any Encodable & Sendable]] = [], linkRows: [[any Encodable & Sendable]] = []
        let span = today.ordinal - begin.ordinal
        let kinds = FeedbackCase.Kind.allCases.map(\.rawValue)
        for i in 0..<cases {
            let area = random.next(in: 0...3) == 0 ? random.next(in: 1...10) : 11
            let received = begin.adding(days: random.next(in: 0...max(0, span - 1)))
            let holding: Side = random.next(in: 0...4) == 0 ? .hk : .cq
            let calendar = calendars[holding]!
            let due = calendar.addingWorkingDays(10, to: received)
            let topics = Self.topics[area]!
            let topic = topics[random.next(in: 0...(topics.count - 1))]
            let simplified = random.next(in: 0...1) == 0
            let subject = simplified ? "关于\(topic)的意见" : "有關\(topic)的意見"
            let answered = received.adding(days: random.next(in: 1...20))
            let isAnswered = answered < today && random.next(in: 0...9) < 9
            let replyDays = isAnswered ? calendar.workingDays(after: received, through: answered) : nil
            let receivedAt = MeetingReports.endOfDay(received).addingTimeInterval(-86_400 + 36_000)
            let answeredAt = isAnswered ? MeetingReports.endOfDay(answered).addingTimeInterval(-86_400 + 54_000) : nil
            let unit = units[holding]![(area - 1) % units[holding]!.count]
            let id = UUID()
            // Senders leave an e-mail address (some write more than once); most agree to share
            // with the Hong Kong side, and every case the Hong Kong side holds was shared.
            let sender = "sender\(random.next(in: 0...max(1, cases / 3)))@example.org"
            let shared = holding == .hk || random.next(in: 0...9) < 6
            caseRows.append([id, String(format: "YG-DEMO-%07d", i + 1), TokenHash.of(id.uuidString), kinds[random.next(in: 0...3)], area, subject,
                             subject + "。", simplified ? "zh-Hans" : "zh-Hant", simplified ? "zh-Hans" : "zh-Hant", true, shared,
                             Feedback.consentVersion, receivedAt, isAnswered ? "closed" : "assigned", holding.rawValue, received.description,
                             calendar.addingWorkingDays(1, to: received).description, due.description, receivedAt, answeredAt,
                             isAnswered ? answered.description : nil, replyDays, answeredAt, 0, 0, unit.id!, receivedAt, answeredAt ?? receivedAt, sender])
            if random.next(in: 0...2) == 0, let m = measures.filter({ $0.areaNumber == area }).randomElement(using: &random) {
                linkRows.append([UUID(), id, m.id!])
            }
        }
        try await insert("feedback_cases", ["id", "reference", "access_code_hash", "kind", "area_number", "subject", "content", "script", "reply_language",
                                            "consent_reply", "consent_share", "consent_version", "consent_at", "state", "holding_side", "received_on",
                                            "acknowledge_due_on", "reply_due_on", "acknowledged_at", "answered_at", "answered_on", "reply_working_days",
                                            "closed_at", "paused_working_days", "reopen_count", "unit_id", "created_at", "updated_at", "email"], caseRows)
        try await insert("case_measures", ["id", "case_id", "measure_id"], linkRows)
    }

    /// Rows in batches of a few hundred (the command runs in one transaction).
    func insert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
        let batch = max(1, 30_000 / columns.count)
        for chunk in stride(from: 0, to: rows.count, by: batch) {
            let insert = db.sql.insert(into: table).columns(columns)
            for row in rows[chunk..<min(rows.count, chunk + batch)] { insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
        }
    }
}

/// A small seeded random number generator: the same seed gives the same demo data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
