import Foundation
import ReviseCore
import ReviseStore

extension Site {
    static let navigation: [(path: String, name: String)] = [
        ("/", "Today"), ("/study", "Study"), ("/timeline", "Timeline"), ("/people", "People"), ("/terms", "Terms"),
        ("/conflicts", "Conflicts"), ("/exam", "Exam"), ("/cards", "Cards"), ("/stats", "Stats"), ("/import", "Import"),
    ]

    /// The page around every page: the header with the navigation and search, the content, the script.
    func layout(title: String, active: String, context: ReviseContext, query: String = "", body: HTML) -> HTML {
        let links = Self.navigation.map { item -> HTML in
            "<a href=\"\(item.path)\"\(item.path == active ? HTML(raw: " aria-current=\"page\"") : "")>\(item.name)</a>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(context.csrf)">
            <title>\(title) · Revise</title>
            <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header class="top">
              <a class="brand" href="/"><img src="/assets/icon.svg" alt="" width="24" height="24"> Revise</a>
              <nav class="main-nav" aria-label="Main">\(links)</nav>
              <form class="search-box" action="/search" method="get" role="search">
                <input type="search" name="q" value="\(query)" placeholder="Search your notes" aria-label="Search your notes">
              </form>
            </header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// A hidden field with the request's CSRF token, for every form that changes something.
    func csrfField(_ context: ReviseContext) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(context.csrf)\">"
    }

    /// Where a citation leads: the note lines it points at.
    static func sourceLink(_ citation: Citation) -> String {
        "/source?name=\(FormData.encode(citation.source))&line=\(citation.span.first)#L\(citation.span.first)"
    }

    /// Citations as links, `file:line`, the first few and how many more.
    static func citationLinks(_ citations: [Citation], limit: Int = 4) -> HTML {
        var parts = citations.prefix(limit).map { c -> HTML in "<a class=\"cite\" href=\"\(sourceLink(c))\">\(c.description)</a>" }
        if citations.count > limit { parts.append("<span class=\"more\">+\(citations.count - limit) more</span>") }
        return "<span class=\"citations\">\(HTML.join(parts, separator: " "))</span>"
    }

    static func personLink(_ entity: Entity) -> String {
        (entity.kind == .person ? "/people/" : "/terms/") + FormData.encode(entity.name)
    }

    /// "in 10 min", "in 3 days", "now".
    static func interval(from now: Date, to due: Date) -> String {
        let seconds = due.timeIntervalSince(now)
        if seconds < 60 { return "<1m" }
        if seconds < 3600 { return "\(Int((seconds / 60).rounded()))m" }
        if seconds < 86400 { return "\(Int((seconds / 3600).rounded()))h" }
        let days = seconds / 86400
        if days < 31 { return "\(Int(days.rounded()))d" }
        if days < 365 { return "\(Int((days / 30.4).rounded()))mo" }
        return String(format: "%.1fy", days / 365.25)
    }

    static func shortDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB")
        f.dateFormat = "d MMM yyyy, HH:mm"
        return f.string(from: date)
    }
}
