import Fluent
import Platform
import SQLKit
import Vapor

/// `/health/live`: the process answers. `/health/ready`: the database answers and every
/// migration has run.
struct HealthController {
    func live(req: Request) -> HTTPStatus { .ok }

    func ready(req: Request) async throws -> Response {
        do {
            let done = Set(try await MigrationLog.query(on: req.db).all(\.$name))
            let pending = Migrations.all.filter { !done.contains($0.name) }.count
            guard pending == 0 else {
                return Response(status: .serviceUnavailable, body: .init(string: "migrations pending: \(pending)\n"))
            }
            // Which database this instance uses, and whether it hears the other instances' writes.
            _ = try await (req.db as? SQLDatabase)?.raw("SELECT 1").run()
            var lines = ["ready", "database: " + ((req.db as? SQLDatabase)?.dialect.name ?? "unknown")]
            if let listener = req.application.pageCacheListener {
                lines.append("page cache invalidation: " + (listener.isListening ? "listening" : "reconnecting"))
            }
            return Response(status: .ok, body: .init(string: lines.joined(separator: "\n") + "\n"))
        } catch {
            req.logger.report(error: error)
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }
}
