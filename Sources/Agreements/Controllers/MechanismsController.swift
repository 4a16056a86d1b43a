import ChineseScript
import Platform
import Vapor

/// The public pages of mechanisms and their documents: no log-in, every page in the reader's
/// language and script.
package struct MechanismsController {
    package let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func mechanisms(req: Request) async throws -> Response {
        let rows = try await AgreementQueries.mechanisms(on: req.db)
        return .html(MechanismViews.mechanisms(rows, Localizer(req, converter: converter)))
    }

    package func mechanism(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug"), let row = try await AgreementQueries.mechanism(slug, on: req.db) else { throw AppError.notFound }
        return .html(MechanismViews.mechanism(row, Localizer(req, converter: converter)))
    }

    package func document(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug"),
              let page = try await AgreementQueries.document(slug, on: req.db, today: req.application.clock.today)
        else { throw AppError.notFound }
        return .html(MechanismViews.document(page, Localizer(req, converter: converter)))
    }
}
