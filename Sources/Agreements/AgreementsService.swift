import ChineseScript
import Platform
import Vapor

/// Agreements over time: the mechanisms, their meetings and documents on the portal; officers
/// import a document and map its measures to those of the previous meeting.
package struct AgreementsService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let portal = MechanismsController(converter: converter)
        site.cached.get(.mechanisms, use: portal.mechanisms)
        site.cached.get(.mechanism(.param), use: portal.mechanism)
        site.cached.get(.agreementDocument(.param), use: portal.document)

        let officers = OfficerAgreementsController(converter: converter)
        site.officer.get(.officerAgreements, use: officers.list)
        site.officer.get(.officerAgreementImport, use: officers.importPage)
        // A PDF comes as multipart, up to the size the CSRF check reads of an upload.
        site.officer.post(.officerAgreementImport, body: .collect(maxSize: ByteCount(value: CSRFMiddleware.maxMultipartBytes)),
                          use: officers.importPost)
        site.officer.get(.officerAgreementLineage(.param), use: officers.lineagePage)
        site.officer.post(.officerAgreementLineage(.param), use: officers.lineagePost)
    }
}
