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
    }
}
