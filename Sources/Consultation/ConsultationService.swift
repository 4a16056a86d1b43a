import ChineseScript
import Platform
import Vapor

/// The one-stop consultation service (measure 11.2): site search, the policy knowledge base,
/// questions from the public and the officers who answer them.
package struct ConsultationService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let pages = ConsultationController(converter: converter)
        site.open.get(.search(.param), use: pages.searchPage)
        site.cached.get(.knowledgeBase, use: pages.knowledgeBase)
        site.cached.get(.kbCategory(.param), use: pages.category)
        site.cached.get(.article(.param), use: pages.article)
        // /api/v1/search and /api/v1/questions: App's APIHandler, generated from openapi.yaml.
        site.sessions.get(.ask, use: pages.askPage)
        site.counted(.question, maxBytes: site.formBytes, browser: true).post(.ask, body: .stream, use: pages.ask)
        site.sessions.get(.question(.param), use: pages.questionPage)
        site.counted(.followUp, maxBytes: site.formBytes, browser: true).post(.question(.param), body: .stream, use: pages.question)

        let kb = OfficerConsultationController(converter: converter)
        site.officer.get(.officerArticles, use: kb.articles)
        site.officer.get(.officerArticleNew) { try await kb.editor(req: $0) }
        site.officer.post(.officerArticleNew, use: kb.save)
        site.officer.get(.officerArticle(.param)) { try await kb.editor(req: $0) }
        site.officer.post(.officerArticle(.param), use: kb.save)
        site.officer.get(.officerQuestions, use: kb.questions)
        site.officer.get(.officerQuestion(.param)) { try await kb.question(req: $0) }
        site.officer.post(.officerQuestion(.param), use: kb.answer)
        site.officer.post(.officerQuestionPublish(.param), use: kb.publish)
        site.officer.get(.officerSynonyms) { try await kb.synonyms(req: $0) }
        site.officer.post(.officerSynonyms, use: kb.addSynonym)
        site.officer.get(.officerSearchGaps, use: kb.gaps)
        site.officer.get(.officerCategories) { try await kb.categories(req: $0) }
        site.officer.post(.officerCategories, use: kb.saveCategory)
    }
}
