import ChineseScript
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Platform
import Vapor

/// Sets up the application: configuration (read once, here), database, migrations,
/// middleware, routes and commands. `config` is for tests; otherwise the environment is read.
public func configure(_ app: Application, config: AppConfig? = nil) async throws {
    let config = try config ?? AppConfig.fromEnvironment()
    app.config = config
    if let level = config.logLevel { app.logger.logLevel = level }
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"

    let converter = try ScriptConverter.shared()

    let cache = PageCache(ttl: config.pageCacheSeconds)
    switch config.database {
    case .sqlite(let path):
        // The file (and its folder, see `prepareDatabase`) is made on first use, not here, so
        // that commands which need no database leave no trace.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        if postgres.coreConfiguration.tls.isAllowed == false { postgres.coreConfiguration.tls = .disable }
        app.databases.use(config.postgres(postgres), as: .psql)
        // Every instance empties its page cache when another one writes.
        if FirstStart.servesOnBoot(app.environment.arguments) {
            let listener = PageCacheListener(cache: cache, configuration: postgres.coreConfiguration)
            app.pageCacheListener = listener
            app.lifecycle.use(listener)
        }
    }
    app.migrations.add(Migrations.all)
    app.databases.middleware.use(AuditChainMiddleware(app), on: config.database.id)

    // Sessions live in the database, so several instances share them.
    app.sessions.use(.fluent)
    let secure = config.isSecure
    app.sessions.configuration = SessionsConfiguration(cookieName: "yugang_session") { id in
        HTTPCookies.Value(string: id.string, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    // Errors first, so that they also cover what later middleware throws.
    app.middleware = .init()
    app.metrics = AppMetrics(gauges: [CaseWorkflow.overdueGauge, Reporting.owedGauge])
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.isSecure))
    app.middleware.use(AppErrorMiddleware(converter: converter))
    app.middleware.use(LanguageMiddleware(secureCookies: config.isSecure))

    try routes(app, converter: converter, cache: cache)
    app.asyncCommands.use(ImportMemorandumCommand(), as: "import-memorandum")
    app.asyncCommands.use(ReindexCommand(), as: "reindex")
    app.asyncCommands.use(CalendarCommand(), as: "calendar")
    app.asyncCommands.use(PurgePersonalDataCommand(), as: "purge-personal-data")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")

    if FirstStart.servesOnBoot(app.environment.arguments) {
        app.lifecycle.use(FirstStart())
        app.lifecycle.use(ReportExport.StartupCheck())
        if config.workerInServe { app.lifecycle.use(WorkerInServe(converter: converter)) }
    }
}

/// `WORKER_IN_SERVE=1`: the worker's passes run inside the server until it stops.
final class WorkerInServe: LifecycleHandler, @unchecked Sendable {
    let converter: ScriptConverter
    private var task: Task<Void, Never>?

    init(converter: ScriptConverter) { self.converter = converter }

    func didBootAsync(_ app: Application) async throws {
        let converter = converter
        task = Task { await Worker().run(app, converter: converter) }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}

/// Before the server accepts requests: SQLite in WAL mode, migrations, then the first-start
/// data (the 2023 memorandum, the liaison offices, the admin account).
struct FirstStart: LifecycleHandler {
    /// Whether the command line runs the server (`serve`, or no command at all).
    static func servesOnBoot(_ arguments: [String]) -> Bool {
        arguments.count < 2 || arguments[1] == "serve" || arguments[1].hasPrefix("-")
    }

    func willBootAsync(_ app: Application) async throws {
        try await app.prepareDatabase()
        let result = try await Bootstrap.run(on: app.db)
        if result.importedMemorandum { app.logger.notice("Imported the 2023 memorandum of 渝港合作會議 (47 measures).") }
        if result.createdUnits > 0 { app.logger.notice("Created \(result.createdUnits) liaison office units.") }
        let moved = try await DatabaseFileStore.importFolder(app.config.dataDirectory + "/attachments", now: app.clock.now(), on: app.db)
        if moved > 0 { app.logger.notice("Moved \(moved) attachments from DATA_DIR/attachments into the database.") }
        if let password = result.adminPassword {
            // Shown once, on the operator's terminal; only its bcrypt hash is stored.
            print("""

            ┌──────────────────────────────────────────────────────────────┐
              Admin account created. User name: admin
              One-time password: \(password)
              It is shown only now; a new password is required at log-in.
            └──────────────────────────────────────────────────────────────┘

            """)
        }
    }
}

extension Application {
    /// The SQLite file's folder and WAL journal (kept in the file), then every pending migration.
    func prepareDatabase() async throws {
        if case .sqlite(let path) = config.database, let sql = db as? SQLDatabase {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await autoMigrate()
    }
}


extension AppConfig {
    /// The PostgreSQL driver with this configuration's pool (the tests use it too).
    func postgres(_ configuration: SQLPostgresConfiguration) -> DatabaseConfigurationFactory {
        .postgres(configuration: configuration, maxConnectionsPerEventLoop: databasePoolSize,
                  connectionPoolTimeout: .seconds(Int64(databasePoolTimeoutSeconds)), sqlLogLevel: .trace)
    }
}

/// An organisational unit (`Platform.Unit`), not Foundation's unit of measure.
typealias Unit = Platform.Unit
