import Accounts
import ChineseScript
import Consultation
import Feedback
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Platform
import Reporting
import Tracker
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
    // Every catalogue of interface text is read now: a missing or broken one stops the start,
    // not a page later.
    _ = (PlatformText.catalogue, TrackerText.catalogue, ConsultationText.catalogue, FeedbackText.catalogue, ReportingText.catalogue,
         AccountsText.catalogue)

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
    let services = services(converter: converter)
    app.metrics = AppMetrics(gauges: services.flatMap(\.gauges))
    app.scheduledJobs = services.flatMap(\.jobs)
    app.progressObservers = [NoticeResolver()]
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.isSecure))
    app.middleware.use(AppErrorMiddleware(converter: converter))
    app.middleware.use(LanguageMiddleware(secureCookies: config.isSecure))

    try routes(app, services: services, converter: converter, cache: cache)
    for service in services {
        for (name, command) in service.commands { app.asyncCommands.use(command, as: name) }
    }
    app.asyncCommands.use(ReindexCommand(), as: "reindex")
    app.asyncCommands.use(WorkerCommand(), as: "worker")
    app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")

    if FirstStart.servesOnBoot(app.environment.arguments) {
        app.lifecycle.use(FirstStart())
        app.lifecycle.use(ReportExport.StartupCheck())
        if config.workerInServe { app.lifecycle.use(WorkerInServe()) }
    }
}

/// `WORKER_IN_SERVE=1`: the worker's passes run inside the server until it stops.
final class WorkerInServe: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        task = Task { await Worker().run(app) }
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



extension AppConfig {
    /// The PostgreSQL driver with this configuration's pool (the tests use it too).
    func postgres(_ configuration: SQLPostgresConfiguration) -> DatabaseConfigurationFactory {
        .postgres(configuration: configuration, maxConnectionsPerEventLoop: databasePoolSize,
                  connectionPoolTimeout: .seconds(Int64(databasePoolTimeoutSeconds)), sqlLogLevel: .trace)
    }
}

/// An organisational unit (`Platform.Unit`), not Foundation's unit of measure.
typealias Unit = Platform.Unit
