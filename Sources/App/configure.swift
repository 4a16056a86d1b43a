import Vapor

/// Sets up the application: configuration, commands and (later) the database and routes.
public func configure(_ app: Application) async throws {
    app.asyncCommands.use(ImportMemorandumCommand(), as: "import-memorandum")
}
