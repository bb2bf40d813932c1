import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// What the notes say, to read: the timeline, the people and terms, the conflicts between sources, search, and
/// the note lines behind every citation.
extension Site {
    /// The events of the timeline between two years (inclusive), and the years the notes cover.
    func timelineEvents(from: Int?, to: Int?) throws -> (events: [Fact], first: Int, last: Int) {
        let all = try knowledge().timeline
        let first = all.first?.when?.year ?? 1900
        let last = all.map { $0.when!.lastYear }.max() ?? first
        var events = all
        if let from { events = events.filter { $0.when!.lastYear >= from } }
        if let to { events = events.filter { $0.when!.year <= to } }
        return (events, first, last)
    }

    func yearRange(_ request: Request) throws -> (from: Int?, to: Int?) {
        let from = try request.intQuery("from", in: -10000...10000)
        let to = try request.intQuery("to", in: -10000...10000)
        if let from, let to, from > to { throw UserError.badRequest("The timeline's from (\(from)) is after its to (\(to)).") }
        return (from, to)
    }

    func timelinePage(_ request: Request, context: ReviseContext) throws -> Response {
        let (from, to) = try yearRange(request)
        // The same notes give the same timeline: drawn once a period.
        let body = try drawn("timeline \(from.map(String.init) ?? "") \(to.map(String.init) ?? "")") { _ in
            try timelineBody(from: from, to: to)
        }
        return Responses.html(layout(title: "Timeline", active: "/timeline", context: context, body: body))
    }

    func timelineBody(from: Int?, to: Int?) throws -> HTML {
        var (from, to) = (from, to)
        let all = try timelineEvents(from: nil, to: nil)
        // With no period asked for, the years where nine events in ten fall: a stray date decades away would
        // otherwise squeeze the rest into a corner.
        var core: (Int, Int)?
        if from == nil, to == nil, all.events.count >= 20 {
            let years = all.events.map { $0.when!.year }.sorted()
            let low = years[years.count / 20]
            let high = years[years.count - 1 - years.count / 20]
            if low > all.first || high < all.last {
                core = (low, high)
                (from, to) = (low, high)
            }
        }
        let (events, first, last) = try timelineEvents(from: from, to: to)
        let shownFrom = from ?? first
        let shownTo = to ?? max(shownFrom, min(last, events.map { $0.when!.lastYear }.max() ?? last))
        let chart = TimelineChart(
            events: events.enumerated().map { i, fact in
                TimelineChart.Event(when: fact.when!, label: fact.text, group: fact.topic.first ?? "", link: "#e\(i)")
            }, from: shownFrom, to: shownTo)
        // Zoom: everything, then the five-year periods that have events.
        let allCurrent = from == first && to == last && core == nil
        var periods: [HTML] = ["<a href=\"/timeline?from=\(first)&amp;to=\(last)\"\(allCurrent ? HTML(raw: " aria-current=\"page\"") : "")>All \(first)–\(last)</a>"]
        var start = first - ((first % 5) + 5) % 5
        while start <= last, periods.count < 40 {
            let end = start + 4
            if all.events.contains(where: { $0.when!.year <= end && $0.when!.lastYear >= start }) {
                let current = from == start && to == end
                periods.append("<a href=\"/timeline?from=\(start)&amp;to=\(end)\"\(current ? HTML(raw: " aria-current=\"page\"") : "")>\(start)–\(end)</a>")
            }
            start += 5
        }
        let people = try knowledge().people
        let list = events.enumerated().map { i, fact -> HTML in
            let mentioned = people.filter { fact.text.contains($0.name) }.prefix(4).map { p -> HTML in
                "<a class=\"tag\" href=\"\(Self.personLink(p))\">\(p.name)</a>"
            }
            return """
                <li id="e\(i)"><span class="when">\(fact.when!.description)</span> <span class="what">\(fact.text)</span>
                <span class="meta">\(fact.topic.joined(separator: " › ")) \(Array(mentioned)) \(Self.citationLinks(fact.citations, limit: 3))</span></li>
                """
        }
        let body: HTML = """
            <section class="panel">
              <h1>Timeline</h1>
              <p class="lead">\(events.count) dated \(events.count == 1 ? "event" : "events") from your notes\(from != nil || to != nil ? HTML(" between \(shownFrom) and \(shownTo)") : "")\(core != nil ? HTML(", the years where most of them fall (\(all.events.count) in all)") : "").</p>
              <nav class="periods" aria-label="Periods">\(periods)</nav>
              <form class="inline-form" method="get" action="/timeline">
                <label>From <input type="number" name="from" value="\(from.map(String.init) ?? "")" min="-10000" max="10000"></label>
                <label>To <input type="number" name="to" value="\(to.map(String.init) ?? "")" min="-10000" max="10000"></label>
                <button type="submit">Zoom</button>
              </form>
              \(events.isEmpty ? HTML("<p class=\"empty\">No dated events here. Import notes with dates in them, or widen the period.</p>") : HTML("<div class=\"chart-scroll\">\(HTML(raw: chart.svg()))</div>"))
            </section>
            <section class="panel">
              <h2>Events</h2>
              <ol class="event-list">\(list)</ol>
            </section>
            """
        return body
    }

    func glossaryPage(people: Bool, context: ReviseContext) throws -> Response {
        let knowledge = try knowledge()
        let entries = people ? knowledge.people : knowledge.terms.sorted { $0.name.lowercased() < $1.name.lowercased() }
        let title = people ? "People" : "Terms"
        let items = entries.map { entity -> HTML in
            let aliases: HTML = entity.aliases.isEmpty ? "" : " <span class=\"aliases\">(\(entity.aliases.joined(separator: ", ")))</span>"
            let kind: HTML = entity.kind == .term || entity.kind == .person ? "" : " <span class=\"badge\">\(entity.kind.rawValue)</span>"
            return """
                <li><a class="entry-name" href="\(Self.personLink(entity))">\(entity.name)</a>\(aliases)\(kind)
                \(entity.summary.map { HTML("<span class=\"summary\">— \($0)</span>") })
                <span class="meta">\(entity.citations.count) \(entity.citations.count == 1 ? "mention" : "mentions")</span></li>
                """
        }
        let body: HTML = """
            <section class="panel">
              <h1>\(title)</h1>
              <p class="lead">\(entries.count) \(people ? "people" : "terms, organisations and places") in your notes.</p>
              <input class="filter" type="search" placeholder="Filter" aria-label="Filter the list" data-filter="#glossary">
              \(entries.isEmpty ? HTML("<p class=\"empty\">None found yet. <a href=\"/import\">Import notes</a>.</p>") : "")
              <ul class="glossary" id="glossary">\(items)</ul>
            </section>
            """
        return Responses.html(layout(title: title, active: people ? "/people" : "/terms", context: context, body: body))
    }

    /// One person or term: what it is, the roles, the timeline, every fact and where the notes say it.
    func entryPage(name: String, people: Bool, context: ReviseContext) throws -> Response {
        let knowledge = try knowledge()
        guard let entity = knowledge.entity(named: name), (entity.kind == .person) == people else {
            throw UserError.notFound("There is no \(people ? "person" : "term") called “\(name)” in your notes.")
        }
        let facts = knowledge.facts(about: entity)
        let roles = facts.filter { $0.kind == .role && $0.subject == entity.name }
        let events = facts.filter { $0.kind == .event && $0.when != nil }.sorted { $0.when! < $1.when! }
        let others = facts.filter { $0.kind != .role && $0.kind != .event }
        func factItem(_ fact: Fact) -> HTML {
            "<li>\(fact.when.map { HTML("<span class=\"when\">\($0.description)</span> ") })\(Self.factText(fact)) \(Self.citationLinks(fact.citations, limit: 3))</li>"
        }
        var body: HTML = """
            <section class="panel">
              <p class="crumbs"><a href="\(people ? "/people" : "/terms")">\(people ? "People" : "Terms")</a> ›</p>
              <h1>\(entity.name)</h1>
              \(entity.aliases.isEmpty ? "" : HTML("<p class=\"aliases\">Also written: \(entity.aliases.joined(separator: ", "))</p>"))
              \(entity.summary.map { HTML("<p class=\"lead\">\($0)</p>") })
            </section>
            """
        if !roles.isEmpty { body += "<section class=\"panel\"><h2>Roles</h2><ul class=\"facts\">\(roles.map(factItem))</ul></section>" }
        if !events.isEmpty {
            let first = events.first!.when!.year
            let last = events.map { $0.when!.lastYear }.max()!
            let chart = TimelineChart(
                events: events.map { TimelineChart.Event(when: $0.when!, label: $0.text, group: $0.topic.first ?? "", link: "/timeline?from=\($0.when!.year)&to=\($0.when!.lastYear)") },
                from: first, to: last)
            body += """
                <section class="panel"><h2>Timeline</h2><div class="chart-scroll">\(HTML(raw: chart.svg()))</div>
                <ul class="facts">\(events.map(factItem))</ul></section>
                """
        }
        if !others.isEmpty { body += "<section class=\"panel\"><h2>Facts</h2><ul class=\"facts\">\(others.map(factItem))</ul></section>" }
        body += "<section class=\"panel\"><h2>Where your notes mention it</h2><p>\(Self.citationLinks(entity.citations, limit: 40))</p></section>"
        return Responses.html(layout(title: entity.name, active: people ? "/people" : "/terms", context: context, body: body))
    }

    /// A fact in words, the way the command line's `facts` says it.
    static func factText(_ fact: Fact) -> HTML {
        switch fact.kind {
        case .role: return "<strong>\(fact.subject ?? "")</strong>: \(fact.detail ?? "")"
        case .definition: return "<strong>\(fact.subject ?? "")</strong>: \(fact.detail ?? "")"
        case .quote: return "“\(fact.detail ?? "")”\(fact.subject.map { HTML(" — \($0)") })"
        case .cause: return HTML(stringLiteral: fact.items.map { Markup.escape($0) }.joined(separator: " → "))
        case .list: return "<strong>\(fact.subject ?? fact.text)</strong>: \(fact.items.joined(separator: "; "))"
        case .statistic, .event: return "\(fact.text)"
        }
    }

    func conflictsPage(context: ReviseContext) throws -> Response {
        let conflicts = try knowledge().conflicts
        let items = conflicts.map { conflict -> HTML in
            let claims = conflict.claims.map { claim -> HTML in
                """
                <div class="claim"><p class="value">\(claim.value)</p><p class="claim-text">“\(claim.text)”</p>
                <p><a class="cite" href="\(Self.sourceLink(claim.citation))">\(claim.citation.description)</a></p></div>
                """
            }
            let severity = conflict.severity == .conflict ? "conflict" : "may differ in scope"
            return """
                <article class="conflict severity-\(conflict.severity == .conflict ? "conflict" : "scope")"><h2>\(conflict.topic) <span class="badge">\(severity)</span></h2>
                <div class="claims">\(claims)</div></article>
                """
        }
        let hard = conflicts.filter { $0.severity == .conflict }.count
        let body: HTML = """
            <section class="panel">
              <h1>Where your sources disagree</h1>
              <p class="lead">\(hard) \(hard == 1 ? "conflict" : "conflicts") and \(conflicts.count - hard) \(conflicts.count - hard == 1 ? "place" : "places") where the figures may only differ in scope. Check these before the exam.</p>
              \(conflicts.isEmpty ? HTML("<p class=\"empty\">Your notes agree with each other: no conflicting numbers or dates found.</p>") : "")
            </section>
            \(items)
            """
        return Responses.html(layout(title: "Conflicts", active: "/conflicts", context: context, body: body))
    }

    func searchPage(_ request: Request, context: ReviseContext) throws -> Response {
        let query = request.query("q") ?? ""
        guard query.count <= 500 else { throw UserError.badRequest("The search is too long (at most 500 characters).") }
        let hits = query.isEmpty ? [] : try store.search(query, limit: 30)
        let items = hits.map { hit -> HTML in
            """
            <li class="hit"><p class="meta">\(hit.topic) \(Self.citationLinks(hit.citations, limit: 3))</p>
            <p class="passage-text">\(HTML.highlighted(hit.highlighted))</p></li>
            """
        }
        let summary: HTML = query.isEmpty
            ? "<p class=\"lead\">Type words to find in your notes: \"a phrase\" in quotes, a word ending in * for its beginning.</p>"
            : hits.isEmpty ? "<p class=\"empty\">Nothing in your notes matches “\(query)”.</p>"
            : "<p class=\"lead\">\(hits.count) \(hits.count == 1 ? "passage" : "passages") for “\(query)”, best first.</p>"
        let body: HTML = """
            <section class="panel">
              <h1>Search</h1>
              <form method="get" action="/search" class="inline-form"><input type="search" name="q" value="\(query)" aria-label="Search" autofocus><button type="submit">Search</button></form>
              \(summary)
              <ol class="hits">\(items)</ol>
            </section>
            """
        return Responses.html(layout(title: query.isEmpty ? "Search" : "Search: \(query)", active: "", context: context, query: query, body: body))
    }

    /// The lines of a note file around a citation, as Revise read them.
    func sourcePage(_ request: Request, context: ReviseContext) throws -> Response {
        guard let name = request.query("name") else { throw UserError.badRequest("Say which notes to show: /source?name=FILE&line=N.") }
        let line = try request.intQuery("line", in: 0...100_000_000)
        guard let source = try store.sources().first(where: { $0.name == name }) ?? store.source(matching: name) else {
            throw UserError.notFound("There are no notes called “\(name)”.")
        }
        let outline = try store.outline(of: source.id)
        let rows = outline.nodes.map { node -> HTML in
            let hit = line.map { node.span.first <= $0 && $0 <= node.span.last } ?? false
            return """
                <li id="L\(node.span.first)" class="node node-\(node.kind.rawValue) depth-\(min(node.depth, 8))\(hit ? " cited" : "")"><a class="line-number" href="#L\(node.span.first)">\(node.span.first)</a> <span class="node-text">\(node.text)\(node.kind == .card ? node.answer.map { HTML(" — \($0)") } : nil)</span></li>
                """
        }
        let body: HTML = """
            <section class="panel">
              <h1>\(source.title.isEmpty ? source.name : source.title)</h1>
              <p class="lead">\(source.name) · \(source.format.rawValue) · \(source.lineCount) lines\(line.map { HTML(" · line \($0) is marked") })</p>
              <ol class="outline">\(rows)</ol>
            </section>
            """
        return Responses.html(layout(title: source.name, active: "", context: context, body: body))
    }

    func addKnowledgeRoutes(to router: Router<ReviseContext>) {
        router.get("/timeline") { request, context in try self.timelinePage(request, context: context) }
        router.get("/people") { _, context in try self.glossaryPage(people: true, context: context) }
        router.get("/people/:name") { _, context in
            try self.entryPage(name: context.parameters.decoded("name"), people: true, context: context)
        }
        router.get("/terms") { _, context in try self.glossaryPage(people: false, context: context) }
        router.get("/terms/:name") { _, context in
            try self.entryPage(name: context.parameters.decoded("name"), people: false, context: context)
        }
        router.get("/conflicts") { _, context in try self.conflictsPage(context: context) }
        router.get("/search") { request, context in try self.searchPage(request, context: context) }
        router.get("/source") { request, context in try self.sourcePage(request, context: context) }
    }
}
