import App
import Foundation
import Logging
import Platform
import Vapor

/// Starts App: detects the environment, configures, runs the command (default `serve`).
@main
enum Entrypoint {
    static func main() async {
        do {
            var env = try Environment.detect()
            try RedactingLogHandler.bootstrap(from: &env)
            let app = try await Application.make(env)
            var status: Int32 = 0
            do {
                try await configure(app)
            } catch {
                app.logger.report(error: error)
                status = 1
            }
            if status == 0 {
                do {
                    try await app.execute()
                    status = app.exitStatus
                } catch {
                    status = 1 // `execute` has logged what went wrong
                }
                // After SIGTERM or SIGINT: the server finishes the requests in flight (up to its
                // shutdown timeout) before the databases and other services close under them.
                await app.server.shutdown()
            }
            try? await app.asyncShutdown()
            exit(status)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }
}
