/// Finds where the notes disagree: different numbers for the same measure ("famine deaths": 7 million here,
/// 10 million there) and different dates for the same event. Claims that look alike but are dated differently
/// or worded more narrowly are reported as "may differ in scope", not as conflicts.
enum ConflictFinder {
    static func conflicts(in facts: [Fact]) -> [Conflict] {
        var result: [Conflict] = []
        result += numberConflicts(facts.filter { $0.kind == .statistic && $0.quantity != nil })
        result += dateConflicts(facts.filter { $0.kind == .event && $0.when != nil })
        return result
    }

    /// What a statistic measures: the words of its clause without the number, its date or its unit.
    private static func measure(_ fact: Fact) -> Set<String> {
        var text = fact.subject ?? fact.text
        if let q = fact.quantity { text = text.replacingFirst(q.text, with: " ") }
        if let w = fact.when { text = text.replacingFirst(w.text, with: " ") }
        return ContentWords.of(text).filter { !$0.allSatisfy(\.isNumber) && $0 != "million" && $0 != "thousand" && $0 != "billion" }
    }

    private static func numberConflicts(_ stats: [Fact]) -> [Conflict] {
        let measures = stats.map(measure)
        var groups: [[Int]] = []
        var grouped = Set<Int>()
        for a in stats.indices where !grouped.contains(a) {
            var group = [a]
            for b in stats.indices where b > a && !grouped.contains(b) {
                let shared = measures[a].intersection(measures[b])
                guard shared.count >= 2, ContentWords.overlap(measures[a], measures[b]) >= 0.5 else { continue }
                guard let qa = stats[a].quantity, let qb = stats[b].quantity, differ(qa, qb),
                    (qa.unit == "%") == (qb.unit == "%")
                else { continue }
                guard stats[a].citations != stats[b].citations else { continue }
                group.append(b)
            }
            if group.count > 1 {
                groups.append(group)
                grouped.formUnion(group)
            }
        }
        return groups.map { group in
            let facts = group.map { stats[$0] }
            let dates = Set(facts.compactMap { $0.when?.description })
            let scoped = dates.count > 1 || (dates.count == 1 && facts.contains { $0.when == nil })
            let shared = group.dropFirst().reduce(measures[group[0]]) { $0.intersection(measures[$1]) }
            return Conflict(
                topic: topic(facts[0].subject ?? facts[0].text, keeping: shared),
                severity: scoped ? .mayDifferInScope : .conflict,
                claims: facts.map { Conflict.Claim(value: $0.quantity!.text, text: $0.text, citation: $0.citations[0]) })
        }
    }

    /// Two numbers that cannot both be the same measure's value: more than 10% apart.
    private static func differ(_ a: Quantity, _ b: Quantity) -> Bool {
        let x = a.endValue ?? a.value
        let y = b.endValue ?? b.value
        guard x > 0, y > 0 else { return x != y }
        return max(x, y) / min(x, y) > 1.1 || (a.value != b.value && max(a.value, b.value) / min(a.value, b.value) > 1.1)
    }

    private static func dateConflicts(_ events: [Fact]) -> [Conflict] {
        let words = events.map { ContentWords.of($0.detail ?? $0.text) }
        var result: [Conflict] = []
        var used = Set<Int>()
        for a in events.indices where !used.contains(a) {
            for b in events.indices where b > a && !used.contains(b) {
                guard let wa = events[a].when, let wb = events[b].when, !wa.overlaps(wb) else { continue }
                let shared = words[a].intersection(words[b])
                guard shared.count >= 3, ContentWords.overlap(words[a], words[b]) >= 0.75 else { continue }
                guard Set(events[a].citations.map(\.source)) != Set(events[b].citations.map(\.source))
                    || events[a].citations.first?.span != events[b].citations.first?.span
                else { continue }
                let same = ContentWords.jaccard(words[a], words[b]) >= 0.8
                result.append(
                    Conflict(
                        topic: topic(events[a].detail ?? events[a].text, keeping: shared),
                        severity: same ? .conflict : .mayDifferInScope,
                        claims: [a, b].map {
                            Conflict.Claim(value: events[$0].when!.description, text: events[$0].text, citation: events[$0].citations[0])
                        }))
                used.insert(a)
                used.insert(b)
                break
            }
        }
        return result
    }

    /// The words of a statement that the claims share, in the statement's order: a short name for the topic.
    private static func topic(_ text: String, keeping shared: Set<String>) -> String {
        var out: [String] = []
        for raw in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }) {
            var w = raw.lowercased()
            if w.count > 4, w.hasSuffix("s") { w.removeLast() }
            if shared.contains(w), !out.contains(String(raw)) { out.append(String(raw)) }
        }
        return out.isEmpty ? text : out.joined(separator: " ")
    }
}
