import Fluent
import Platform

struct CreateFeedbackCases: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("feedback_cases")
            .id()
            .field("reference", .string, .required)
            .field("access_code_hash", .string, .required)
            .field("kind", .string, .required)
            .field("area_number", .int)
            .field("subject", .string, .required)
            .field("content", .string, .required)
            .field("script", .string, .required)
            .field("reply_language", .string, .required)
            .field("name", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("consent_reply", .bool, .required)
            .field("consent_share", .bool, .required)
            .field("consent_version", .string, .required)
            .field("consent_at", .datetime, .required)
            .field("state", .string, .required)
            .field("holding_side", .string, .required)
            .field("suggested_area", .int)
            .field("suggestion_confidence", .double)
            .field("suggested_unit_id", .uuid, .references("units", .id))
            .field("received_on", .string, .required)
            .field("acknowledge_due_on", .string, .required)
            .field("reply_due_on", .string, .required)
            .field("reassign_due_on", .string)
            .field("acknowledged_at", .datetime)
            .field("answered_at", .datetime)
            .field("closed_at", .datetime)
            .field("paused_on", .string)
            .field("paused_working_days", .int, .required)
            .field("rating", .int)
            .field("reopen_count", .int, .required)
            .field("personal_data_purged_at", .datetime)
            .field("unit_id", .uuid, .references("units", .id))
            .field("merged_into_id", .uuid, .references("feedback_cases", .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        try await db.schema("case_messages")
            .id()
            .field("case_id", .uuid, .required, .references("feedback_cases", .id))
            .field("user_id", .uuid, .references("users", .id))
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("script", .string, .required)
            .field("to_requester", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("case_attachments")
            .id()
            .field("case_id", .uuid, .required, .references("feedback_cases", .id))
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("case_measures")
            .id()
            .field("case_id", .uuid, .required, .references("feedback_cases", .id))
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .unique(on: "case_id", "measure_id")
            .create()
        try await db.schema("response_templates")
            .id()
            .field("kind", .string)
            .field("area_number", .int)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("script", .string, .required)
            .create()
        try await db.schema("personal_data_access")
            .id()
            .field("user_id", .uuid, .required, .references("users", .id))
            .field("case_id", .uuid, .required, .references("feedback_cases", .id))
            .field("what", .string, .required)
            .field("at", .datetime)
            .create()
        try await db.schema("calendar_overrides")
            .id()
            .field("side", .string, .required)
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .unique(on: "side", "day")
            .create()
        // Counters for rate limits, shared by every instance: one row per key and window.
        try await db.schema("rate_limits")
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("count", .int, .required)
            .unique(on: "key", "window_start")
            .create()
        // Replies ready to adapt, both scripts.
        let templates: [Frozen003.ResponseTemplate] = [
            .init(kind: nil, areaNumber: nil, title: "收悉及跟進", text: "多謝你的來信。我們已收到你的意見，並已交相關部門跟進，稍後會再回覆你。", script: "zh-Hant"),
            .init(kind: nil, areaNumber: nil, title: "收悉及跟进", text: "感谢你的来信。我们已收到你的意见，并已交相关部门跟进，稍后会再回复你。", script: "zh-Hans"),
            .init(kind: "suggestion", areaNumber: nil, title: "建議已轉交", text: "多謝你的建議。有關部門會在研究相關措施時一併考慮，並會在渝港合作會議的進度報告中匯報。", script: "zh-Hant"),
            .init(kind: "complaint", areaNumber: 11, title: "便利香港居民措施查詢", text: "关于你反映的在渝生活便利问题，相关部门已核实情况，处理结果如下：", script: "zh-Hans"),
            .init(kind: "compliment", areaNumber: nil, title: "多謝讚賞", text: "多謝你的讚賞，我們已轉告相關同事。", script: "zh-Hant"),
        ]
        for t in templates { try await t.create(on: db) }
    }

    func revert(on db: Database) async throws {
        for schema in ["rate_limits", "calendar_overrides", "personal_data_access", "response_templates", "case_measures",
                       "case_attachments", "case_messages", "feedback_cases"] {
            try await db.schema(schema).delete()
        }
    }
}

/// The reply templates 003 seeds, as the table was then.
private enum Frozen003 {
    final class ResponseTemplate: Model, @unchecked Sendable {
        static let schema = "response_templates"
        @ID(key: .id) var id: UUID?
        @OptionalField(key: "kind") var kind: String?
        @OptionalField(key: "area_number") var areaNumber: Int?
        @Field(key: "title") var title: String
        @Field(key: "text") var text: String
        @Field(key: "script") var script: String

        init() {}
        init(kind: String?, areaNumber: Int?, title: String, text: String, script: String) {
            (self.kind, self.areaNumber, self.title, self.text, self.script) = (kind, areaNumber, title, text, script)
        }
    }
}
