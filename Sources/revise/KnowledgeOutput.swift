import ReviseCore

/// How knowledge reads in a terminal: citations as `file:line`, facts on one line each.
enum KnowledgeOutput {
    /// The first few citations as `file:line`, then how many more there are (of `total`, when only some were
    /// fetched).
    static func citations(_ citations: [Citation], limit: Int = 3, total: Int? = nil) -> String {
        var parts = citations.prefix(limit).map(\.description)
        let all = max(total ?? citations.count, citations.count)
        if all > parts.count { parts.append("+\(all - parts.count) more") }
        return parts.joined(separator: ", ")
    }

    static func line(_ fact: Fact) -> String {
        var head = fact.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
        if let when = fact.when, fact.kind == .event { head += when.description + "  " }
        let body: String
        switch fact.kind {
        case .role: body = "\(fact.subject ?? "?"): \(fact.detail ?? "")" + (fact.when.map { " (\($0))" } ?? "")
        case .definition: body = "\(fact.subject ?? "?"): \(fact.detail ?? "")"
        case .quote: body = "“\(fact.detail ?? "")”" + (fact.subject.map { " — \($0)" } ?? "")
        case .cause: body = fact.items.joined(separator: " → ")
        case .list: body = "\(fact.subject ?? fact.text): " + fact.items.prefix(6).joined(separator: "; ") + (fact.items.count > 6 ? "; …" : "")
        case .statistic: body = fact.text + (fact.when.map { " (\($0))" } ?? "")
        case .event: body = fact.text
        }
        return head + body + "  [" + citations(fact.citations) + "]"
    }
}
