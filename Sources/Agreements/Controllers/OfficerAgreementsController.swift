import ChineseScript
import Fluent
import Foundation
import Platform
import Tracker
import Vapor

/// The officers' pages of agreements over time. Handlers decode, call a query or an action, and render.
package struct OfficerAgreementsController {
    package let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    /// The import form's fields (multipart with the PDF, or URL-encoded).
    struct ImportFields: Content {
        var text: String?
        var sourceName: String?
        var mechanism: String?
        var mechanismName: String?
        var mechanismSlug: String?
        var meetingNumber: String?
        var heldOn: String?
        var place: String?
        var kind: String?
        var confirmWarnings: String?
        var action: String?
        var pdf: File?

        var input: AgreementImport.Input {
            var input = AgreementImport.Input()
            input.text = text ?? ""
            input.sourceName = AgreementImport.sourceName(sourceName ?? "")
            input.mechanism = mechanism ?? ""
            input.mechanismName = mechanismName ?? ""
            input.mechanismSlug = mechanismSlug ?? ""
            input.meetingNumber = meetingNumber ?? ""
            input.heldOn = heldOn ?? ""
            input.place = place ?? ""
            input.kind = kind ?? ""
            input.confirmed = ["yes", "on", "true", "1"].contains(confirmWarnings ?? "")
            return input
        }
    }

    // MARK: The list

    package func list(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let mechanisms = try await AgreementQueries.mechanisms(of: o, on: req.db)
        let form = FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter))
        return Response.html(OfficerAgreementViews.list(mechanisms, mayImport: AgreementImport.mayImport(o), officer: o, form: form)).noStore()
    }

    // MARK: The import

    private func importer(_ req: Request) async throws -> Officer {
        let o = try await req.requireOfficer()
        guard AgreementImport.mayImport(o) else { throw AppError.forbidden }
        return o
    }

    package func importPage(req: Request) async throws -> Response {
        let o = try await importer(req)
        let choices = try await AgreementImport.choices(for: o, on: req.db)
        var input = AgreementImport.Input()
        input.mechanism = choices.first?.slug ?? AgreementImport.newMechanism
        return try await render(req, officer: o, choices: choices, values: input.values, errors: FieldErrors(), preview: nil, status: .ok)
    }

    /// `action=preview` reads the text (from the PDF when one is sent) and shows what it found;
    /// `action=store` stores it and goes on to the document's lineage.
    package func importPost(req: Request) async throws -> Response {
        let o = try await importer(req)
        let fields = try req.content.decode(ImportFields.self)
        var input = fields.input
        let choices = try await AgreementImport.choices(for: o, on: req.db)

        if let pdf = fields.pdf, pdf.data.readableBytes > 0 {
            var errors = FieldErrors()
            var status = HTTPResponseStatus.unprocessableEntity
            do {
                input.text = try await PDFText.extract(Data(buffer: pdf.data))
                input.sourceName = AgreementImport.sourceName(pdf.filename)
            } catch PDFText.Failure.imagesOnly {
                errors.add("pdf", AgreementsText.thePdfHoldsOnlyImages)
            } catch PDFText.Failure.missingTool {
                errors.add("pdf", AgreementsText.pdfTextExtractionIsNot)
                status = .serviceUnavailable
            } catch PDFText.Failure.timedOut {
                errors.add("pdf", AgreementsText.readingThePdfTookToo)
            } catch {
                errors.add("pdf", AgreementsText.theFileCouldNotBe)
            }
            if !errors.isEmpty {
                return try await render(req, officer: o, choices: choices, values: input.values, errors: errors, preview: nil, status: status)
            }
        }

        let check = try await AgreementImport.check(input, for: o, converter: converter, on: req.db)
        if fields.action == "store" {
            do {
                let slug = try await AgreementImport.store(check, by: o, on: req.db)
                return req.redirect(to: SiteURL.officerAgreementLineage(slug).path, redirectType: .normal)
            } catch AppError.invalid(let errors) {
                return try await render(req, officer: o, choices: choices, values: check.input.values, errors: errors,
                                        preview: check.preview, status: .unprocessableEntity)
            }
        }
        return try await render(req, officer: o, choices: choices, values: check.input.values, errors: check.errors,
                                preview: check.preview, status: check.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func render(_ req: Request, officer o: Officer, choices: [AgreementImport.Choice], values: [String: String], errors: FieldErrors,
                        preview: AgreementImport.Preview?, status: HTTPResponseStatus) async throws -> Response {
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(OfficerAgreementViews.importPage(choices, preview: preview, officer: o, form: form), status: status).noStore()
    }

    // MARK: Lineage

    /// The document at the route's slug, for a liaison officer or administrator of its mechanism;
    /// not found for an officer of another mechanism.
    private func lineageDocument(_ req: Request) async throws -> (Officer, Agreement) {
        let o = try await req.requireOfficer()
        guard let slug = req.parameters.get("slug"), slug.count <= 64,
              let agreement = try await Agreement.query(on: req.db).filter(\.$slug == slug).with(\.$mechanism).with(\.$signedAt).first(),
              o.belongs(to: agreement.$mechanism.id)
        else { throw AppError.notFound }
        guard AgreementImport.mayImport(o) else { throw AppError.forbidden }
        return (o, agreement)
    }

    package func lineagePage(req: Request) async throws -> Response {
        let (o, agreement) = try await lineageDocument(req)
        return try await renderLineage(req, officer: o, agreement: agreement, errors: FieldErrors(), values: [:], status: .ok)
    }

    package func lineagePost(req: Request) async throws -> Response {
        let (o, agreement) = try await lineageDocument(req)
        let fields = req.formFields
        let (decisions, errors) = LineageForm.decisions(fields)
        if !errors.isEmpty {
            return try await renderLineage(req, officer: o, agreement: agreement, errors: errors, values: fields, status: .unprocessableEntity)
        }
        do {
            try await Lineage.confirm(decisions, agreementID: agreement.requireID(), stamp: fields["stamp"] ?? "", by: o, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await renderLineage(req, officer: o, agreement: agreement, errors: errors, values: fields, status: .unprocessableEntity)
        } catch let conflict as AppError {
            guard case .conflict = conflict else { throw conflict }
            // Someone else confirmed first: their mapping is shown, with the message.
            return try await renderLineage(req, officer: o, agreement: agreement, errors: FieldErrors(conflict), values: [:], status: .conflict)
        }
        return req.redirect(to: SiteURL.officerAgreementLineage(agreement.slug).path, redirectType: .normal)
    }

    private func renderLineage(_ req: Request, officer o: Officer, agreement: Agreement, errors: FieldErrors, values: [String: String],
                               status: HTTPResponseStatus) async throws -> Response {
        let proposal = try await Lineage.proposal(for: agreement.requireID(), converter: converter, on: req.db)
        let (mechanism, meeting, document) = try await AgreementQueries.place(agreement, on: req.db)
        let page = OfficerAgreementViews.LineagePage(document: document, mechanism: mechanism, meeting: meeting, proposal: proposal)
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(OfficerAgreementViews.lineage(page, officer: o, form: form), status: status).noStore()
    }
}
