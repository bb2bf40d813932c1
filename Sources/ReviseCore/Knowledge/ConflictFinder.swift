/// Finds where the notes disagree: different numbers for the same measure ("famine deaths": 7 million here,
/// 10 million there) and different dates for the same event ("Second Five Year Plan 1933-1937" against
/// "Second FYP (1933-1938)"). Claims that look alike but are dated differently or worded more narrowly are
/// reported as "may differ in scope", not as conflicts.
enum ConflictFinder {
    static func conflicts(in facts: [Fact], people: Set<String> = []) -> [Conflict] {
        let events = facts.filter { $0.kind == .event && $0.when != nil }
        let dated = dateConflicts(events)
        let removals = removalConflicts(events, people: people).filter { removal in
            // A disagreement the wording already showed is not told twice.
            !dated.contains { Set($0.claims.map(\.citation)).isSuperset(of: removal.claims.map(\.citation)) }
        }
        let slips = slipConflicts(events).filter { slip in
            !dated.contains { Set($0.claims.map(\.citation)).isSuperset(of: slip.claims.map(\.citation)) }
        }
        return numberConflicts(facts.filter { $0.kind == .statistic && $0.quantity != nil }) + dated + slips + removals
            + roleConflicts(facts.filter { $0.kind == .role && $0.when != nil }) + completionConflicts(events)
            + recoveryConflicts(events)
    }

    /// The words of a text in lower case, split at everything but letters (and digits, with `numbers`).
    static func tokens(_ text: String, numbers: Bool = false) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !(numbers && $0.isNumber) }).map(String.init)
    }

    // MARK: Recovery

    /// Words that say a measure got back to a level it had: "returned to that of 1913", "did not exceed
    /// pre-war levels until 1935", "recovered".
    static let recoveryWords: Set<String> = [
        "recover", "recovered", "recovery", "returned", "back", "exceed", "exceeded", "regained", "surpassed", "regain",
    ]

    /// When a measure got back to its old level, told with different years: "by 1939 the level of agricultural
    /// productivity barely returned to that of 1913" against "grain production did not exceed
    /// pre-collectivisation levels until 1935". Two words in common besides the recovery and the level.
    private static func recoveryConflicts(_ events: [Fact]) -> [Conflict] {
        let bounds: Set<When.Qualifier> = [.on, .by, .before]
        let items: [(fact: Fact, words: Set<String>)] = events.compactMap { fact in
            guard let when = fact.when, !when.isRange, bounds.contains(when.qualifier) else { return nil }
            let tokens = Set(tokens(fact.text))
            guard !tokens.isDisjoint(with: recoveryWords), tokens.contains("level") || tokens.contains("levels") else { return nil }
            let words = Stem.all(ContentWords.of(fact.text)).filter { w in
                !w.allSatisfy(\.isNumber) && !recoveryWords.contains(w) && !w.hasPrefix("level")
            }
            return (fact, words)
        }
        let groups = StarClusters.groups(items.count) { a, b in
            items[a].fact.when!.year != items[b].fact.when!.year && items[a].fact.citations != items[b].fact.citations
                && items[a].words.intersection(items[b].words).count >= 2
        }
        return groups.map { group in
            let facts = group.map { items[$0].fact }
            let shared = group.dropFirst().reduce(items[group[0]].words) { $0.intersection(items[$1].words) }
            return Conflict(
                topic: "when recovered: " + topic(facts[0].text, keeping: shared, happening: []), severity: .mayDifferInScope,
                claims: facts.map { Conflict.Claim(value: $0.when!.description, text: $0.text, citation: $0.citations[0]) })
        }
    }

    // MARK: Slips

    /// A range written backwards ("in 1944-1938") against the same period written the right way round in the
    /// same notes ("The Great Terror (1934-1938)" above it): the notes disagree with themselves.
    private static func slipConflicts(_ events: [Fact]) -> [Conflict] {
        events.filter { $0.when!.isBackwards }.flatMap { slip -> [Conflict] in
            let meant = slip.when!.plausible
            let own = Stem.all(ContentWords.of(slip.text))
            let headings = Set(slip.topic.map { InlineText.collapseWhitespace($0) })
            let right = events.filter { other in
                guard let w = other.when, !w.isBackwards, w.year == meant.year, w.lastYear == meant.lastYear,
                    other.citations[0].source == slip.citations[0].source
                else { return false }
                // The heading the slip is written under, or a statement of the same words.
                return headings.contains(InlineText.collapseWhitespace(other.text))
                    || own.intersection(Stem.all(ContentWords.of(other.text))).count >= 3
            }
            guard let first = right.first else { return [] }
            let words = Stem.all(ContentWords.of(first.text.replacingFirst(first.when!.text, with: " ")))
            return [
                Conflict(
                    topic: "when: " + topic(first.text.replacingFirst(first.when!.text, with: " "), keeping: words, happening: []),
                    severity: .conflict,
                    claims: [first, slip].map { Conflict.Claim(value: $0.when!.description, text: $0.text, citation: $0.citations[0]) })
            ]
        }
    }

    // MARK: Completion

    /// Words that say a thing was (nearly) complete: "almost all of the farms", "nearly all farmland".
    static let nearlyWords: Set<String> = ["almost", "nearly", "virtually", "practically", "essentially"]

    /// When something was all but complete, told with different years: "By 1935, almost all of the farms were
    /// collective" against "By 1937 nearly all farmland was in collective farms". What was complete is the noun
    /// after "all", the same when one is the other's start ("farm", "farmland").
    private static func completionConflicts(_ events: [Fact]) -> [Conflict] {
        struct Completion {
            var fact: Fact
            var noun: String
        }
        let items: [Completion] = events.compactMap { fact in
            let tokens = tokens(fact.text, numbers: true)
            guard let k = tokens.indices.dropFirst().first(where: { tokens[$0] == "all" && nearlyWords.contains(tokens[$0 - 1]) })
            else { return nil }
            var j = k + 1
            while j < tokens.count, ["of", "the", "their", "its", "his", "her"].contains(tokens[j]) { j += 1 }
            guard j < tokens.count, tokens[j].count >= 3, !tokens[j].allSatisfy(\.isNumber) else { return nil }
            var noun = tokens[j]
            if noun.count > 4, noun.hasSuffix("s") { noun.removeLast() }
            return Completion(fact: fact, noun: noun)
        }
        let groups = StarClusters.groups(items.count) { a, b in
            let x = items[a]
            let y = items[b]
            guard x.fact.when!.year != y.fact.when!.year, x.fact.citations[0].source != y.fact.citations[0].source
            else { return false }
            return x.noun.hasPrefix(y.noun) || y.noun.hasPrefix(x.noun)
        }
        return groups.map { group in
            let facts = group.map { items[$0].fact }
            return Conflict(
                topic: "when: nearly all " + items[group[0]].noun, severity: .mayDifferInScope,
                claims: facts.map { Conflict.Claim(value: $0.when!.description, text: $0.text, citation: $0.citations[0]) })
        }
    }

    // MARK: Removals

    /// Words that say someone lost a post or a place: "expelled from Politburo", "the dismissal of Yezhov".
    static let removalWords: Set<String> = [
        "expelled", "expulsion", "removed", "removal", "dismissed", "dismissal", "ousted", "sacked", "lost", "loses",
        "lose", "resign", "resigned", "resignation", "demoted", "deposed", "voted",
    ]

    /// Resigning, being expelled and being dismissed are three things.
    static func removalKind(_ word: String) -> Int {
        if word.hasPrefix("resign") { return 0 }
        if ["expelled", "expulsion", "ousted", "voted"].contains(word) { return 1 }
        return 2
    }

    struct Removal {
        var fact: Fact
        /// The people the removal happens to: named within a few words of the removal word, or given by the
        /// event's heading when the event names nobody.
        var people: Set<String>
        /// What they were removed from, when the event names it: "Politburo", "NKVD".
        var places: Set<String>
        var word: String
    }

    /// One person removed from one place in different years: "by December [1925] had lost his seat in the
    /// Politburo" against "1926- Expelled from Politburo". The wordings differ too much for `dateConflicts`.
    private static func removalConflicts(_ events: [Fact], people: Set<String>) -> [Conflict] {
        let removals: [Removal] = events.compactMap { fact in
            let tokens = tokens(fact.text, numbers: true)
            guard let when = fact.when, !when.isRange else { return nil }
            // The removal nearest the event's own year: "resigned … in 1925 and was expelled … in 1927" is an
            // expulsion in 1927.
            let year = tokens.firstIndex(of: String(when.year))
            let candidates = tokens.indices.filter { removalWords.contains(tokens[$0]) }
            guard let at = candidates.min(by: { abs($0 - (year ?? $0)) < abs($1 - (year ?? $1)) }) else { return nil }
            var who = Set<String>()
            for person in fact.mentions where people.contains(person) {
                let last = person.lowercased().split(separator: " ").last.map(String.init) ?? person.lowercased()
                if let k = tokens.firstIndex(where: { $0.hasPrefix(last) }), abs(k - at) <= 6 { who.insert(person) }
            }
            if who.isEmpty, let subject = fact.subject, people.contains(subject), !fact.mentions.contains(where: people.contains) {
                who.insert(subject)
            }
            guard !who.isEmpty else { return nil }
            return Removal(fact: fact, people: who, places: Set(fact.mentions.filter { !people.contains($0) }), word: tokens[at])
        }
        let groups = StarClusters.groups(removals.count) { a, b in
            let x = removals[a]
            let y = removals[b]
            guard x.fact.when!.year != y.fact.when!.year, x.fact.citations != y.fact.citations,
                !x.people.isDisjoint(with: y.people)
            else { return false }
            // From the same place; or, when one does not say where from, the same kind of removal ("resigned" is
            // not "expelled").
            if !x.places.isDisjoint(with: y.places) { return true }
            return (x.places.isEmpty || y.places.isEmpty) && removalKind(x.word) == removalKind(y.word)
        }
        return groups.compactMap { group in
            var items: [Removal] = []
            for k in group where !items.contains(where: { $0.fact.citations[0] == removals[k].fact.citations[0] }) { items.append(removals[k]) }
            guard items.count >= 2 else { return nil }
            let person = items[0].people.intersection(items[1].people).sorted().first ?? ""
            let place = items.dropFirst().reduce(items[0].places) { $0.intersection($1.places) }.sorted().first
            return Conflict(
                topic: "when: \(person) \(items[0].word)" + (place.map { " (\($0))" } ?? ""), severity: .conflict,
                claims: items.map { Conflict.Claim(value: $0.fact.when!.description, text: $0.fact.text, citation: $0.fact.citations[0]) })
        }
    }

    /// Words that say a post was taken: a statement with one is about the taking, not another event the post is
    /// named in ("1934 congress, Kirov asked to stand against Stalin as general secretary").
    static let takingWords: Set<String> = [
        "appointed", "became", "becoming", "become", "becomes", "made", "elected", "promoted", "named", "given",
        "took", "chosen", "nominated", "succeeded", "replaced", "replacing", "installed",
    ]

    /// One person given one position in different years: "General Secretary in 1922" against "in 1917".
    private static func roleConflicts(_ roles: [Fact]) -> [Conflict] {
        var byHolder: [String: [Fact]] = [:]
        for role in roles {
            guard let person = role.subject, let position = role.detail else { continue }
            let key = person + "|" + Stem.all(ContentWords.of(position)).sorted().joined(separator: " ")
            byHolder[key, default: []].append(role)
        }
        return byHolder.keys.sorted().compactMap { key in
            let group = byHolder[key]!
            let years = Set(group.map { $0.when!.year })
            guard years.count > 1 else { return nil }
            let first = group[0]
            return Conflict(
                topic: "when: \(first.subject!) \(first.detail!)", severity: .conflict,
                claims: group.map { Conflict.Claim(value: $0.when!.description, text: $0.text, citation: $0.citations[0]) })
        }
    }

    // MARK: Numbers

    /// What happened to the things counted, folded to one word per kind of happening.
    static let happenings: [String: String] = [
        "die": "death", "died": "death", "dying": "death", "dead": "death", "death": "death", "deaths": "death",
        "killed": "death", "kill": "death", "perished": "death", "starved": "death", "starvation": "death",
        "lives": "death", "executed": "death", "excecuted": "death", "executions": "death", "shot": "death",
        "arrested": "arrest", "arrests": "arrest", "imprisoned": "arrest", "deported": "deport", "exiled": "deport",
        "camps": "camp", "camp": "camp", "gulags": "camp", "gulag": "camp", "purged": "purge", "expelled": "purge",
        "dismissed": "purge", "moved": "move", "migrated": "move", "fell": "fall", "dropped": "fall",
        "drop": "fall", "declined": "fall", "rose": "rise", "increased": "rise", "doubled": "rise",
        "trebled": "rise", "tripled": "rise", "grew": "rise", "joined": "join", "times": "rise",
        "decline": "fall", "decreased": "fall", "reduced": "fall", "slumped": "fall",
    ]

    struct Measured {
        var fact: Fact
        var happening: Set<String>
        var words: Set<String>
        var context: Set<String>
        /// The time the claim is about: its own date, else the date of the heading it is written under.
        var period: When?
        /// The years its statement names: "1/4 of the 1913 levels" is measured against 1913.
        var years: Set<Int>
        /// A rate ("5-6% each year", "per annum") rather than a total.
        var isRate: Bool
    }

    /// Words that make a number a rate over each period.
    static let ratePhrases = ["each year", "per year", "a year", "every year", "per annum", "annually", "a month", "per month", "each month"]

    private static func measured(_ fact: Fact) -> Measured {
        var text = fact.text
        // A multiple belongs to the words of its own piece of a list: "electricity trebled, coal doubled".
        if let q = fact.quantity, q.unit == "times" {
            text = text.pieces(separatedBy: ", ").first { $0.has(q.text) } ?? text
        }
        if let q = fact.quantity { text = text.replacingFirst(q.text, with: " ") }
        if let w = fact.when { text = text.replacingFirst(w.text, with: " ") }
        let raw = Set(tokens(text))
        var happening = Set(raw.compactMap { happenings[$0] })
        // "14x the norm", "doubled": a multiple is a rise.
        if fact.quantity?.unit == "times" { happening.insert("rise") }
        // "from 147 to 78 million": a fall, whether or not its clause says so.
        if let q = fact.quantity, let end = q.endValue, end != q.value { happening.insert(end < q.value ? "fall" : "rise") }
        // What is counted belongs to the measure: "23,000 officers" counts officers.
        if let unit = fact.quantity?.unit, unit != "%", unit != "times" { text += " " + unit }
        let words = Stem.all(ContentWords.of(text).filter { happenings[$0] == nil })
            .filter { !$0.allSatisfy(\.isNumber) && !Stem.scales.contains($0) }
        let context = words.union(Stem.all(Set(fact.topic.flatMap { ContentWords.of($0) })))
        let period = fact.when ?? fact.topic.reversed().lazy.compactMap { DateFinder.dates(in: $0).first?.when }.first
        let years = Set(DateFinder.dates(in: fact.text).flatMap { [$0.when.year, $0.when.lastYear] })
        let lower = " " + fact.text.lowercased() + " "
        let isRate = ratePhrases.contains { lower.has(" \($0) ") || lower.has(" \($0),") || lower.has(" \($0).") }
        return Measured(
            fact: fact, happening: happening, words: words, context: context, period: period, years: years, isRate: isRate)
    }

    private static func numberConflicts(_ stats: [Fact]) -> [Conflict] {
        let items = stats.map(measured)
        return StarClusters.groups(items.count) { sameMeasure(items[$0], items[$1]) }.compactMap { group in
            let facts = group.map { items[$0].fact }
            guard Set(facts.map { $0.citations }).count > 1 else { return nil }
            let dates = Set(facts.map { $0.when?.description ?? "" })
            let units = Set(facts.map { $0.quantity?.unit ?? "" })
            let scoped = dates.count > 1 || units.count > 1
            let shared = group.dropFirst().reduce(items[group[0]].words) { $0.intersection(items[$1].words) }
            return Conflict(
                topic: topic(facts[0].subject ?? facts[0].text, keeping: shared, happening: items[group[0]].happening),
                severity: scoped ? .mayDifferInScope : .conflict,
                claims: facts.map { Conflict.Claim(value: $0.quantity!.text, text: $0.text, citation: $0.citations[0]) })
        }
    }

    /// A loss told as a fall between two levels against a loss told as a count: "the number of sheep fell from
    /// 147 to 78 million" against "100 million sheep were killed". The fall's size is the count to compare.
    private static func isLossAgainstFall(_ a: Measured, _ b: Measured) -> Bool {
        guard let qa = a.fact.quantity, let qb = b.fact.quantity, (qa.endValue == nil) != (qb.endValue == nil),
            !qa.isChange, !qb.isChange
        else { return false }
        let (fall, count) = qa.endValue != nil ? (a, b) : (b, a)
        return fall.happening.contains("fall") && count.happening.contains("death") && !count.happening.contains("fall")
    }

    private static func sameMeasure(_ a: Measured, _ b: Measured) -> Bool {
        guard var qa = a.fact.quantity, var qb = b.fact.quantity, (qa.unit == "%") == (qb.unit == "%"),
            a.fact.citations != b.fact.citations, a.isRate == b.isRate
        else { return false }
        // A change against a change by their sizes: "dropped by 4 million" against "from 84 to 68 million"; a
        // change and a level are two measures.
        let loss = isLossAgainstFall(a, b)
        if qa.isChange || qb.isChange || loss {
            guard let sa = loss ? (qa.changeSize ?? qa.value) : qa.changeSize, let sb = loss ? (qb.changeSize ?? qb.value) : qb.changeSize
            else { return false }
            qa = Quantity(value: sa, unit: qa.unit, text: qa.text)
            qb = Quantity(value: sb, unit: qb.unit, text: qb.text)
        }
        guard differ(qa, qb) else { return false }
        // The same happening to the same things ("7 million peasants died" / "10 million died in the famine"),
        // in the same setting (a word of the sentence or its heading in common).
        guard loss || (!a.happening.isEmpty && !a.happening.isDisjoint(with: b.happening)) else {
            // Without a verb: most of the words in common ("steel output 4 million tonnes" / "… 6 million tonnes"),
            // or two of them and a year both measure against ("1/4 of the 1913 levels" / "one third of 1913").
            let shared = a.words.intersection(b.words).count
            let overlap = ContentWords.overlap(a.words, b.words)
            return (shared >= 3 || (shared >= 2 && !a.years.isDisjoint(with: b.years))) && overlap >= 0.6
        }
        // Claims about one measure disagree within reason: 7 million against 10 million, not 700,000 against
        // 100 million (those are two measures that share words).
        if qa.unit != "%", max(qa.value, qb.value) / max(1, min(qa.value, qb.value)) > 5 { return false }
        // What is counted, when both say: "officers" and "party members" are not the same measure. The word
        // after a number may be an adjective ("1 million lower ranking party officials"): counted things that
        // the other claim names among its words agree.
        if let ua = counted(qa), let ub = counted(qb), Stem.of(ua) != Stem.of(ub), !a.words.contains(Stem.of(ub)),
            !b.words.contains(Stem.of(ua))
        {
            return false
        }
        let sentence = a.words.intersection(b.words).subtracting(Stem.all(Set(a.happening)))
        let setting = a.context.intersection(b.context).subtracting(Stem.all(Set(a.happening)))
        // Deaths are told in many words ("died of starvation", "died during the famine"): the same heading is
        // enough. Percentages must share a word of their own sentence: "rose 10%" and "rose 300%" under one
        // heading are usually two measures.
        // One word of setting is enough when both are dated to overlapping years ("the Terror", 1934-38 and 1936-38).
        let sameTime = a.period.flatMap { wa in b.period.map { wa.overlaps($0) } } ?? false
        if a.happening.contains("death"), b.happening.contains("death") {
            return !sentence.isEmpty || setting.count >= 2 || (setting.count == 1 && sameTime)
        }
        // Percentages and multiples ("coal doubled", "electricity trebled") likewise.
        let relative = qa.unit == "%" || qa.unit == "times"
        return !sentence.isEmpty || (setting.count >= 2 && !relative)
    }

    /// The noun a number counts, unless it is one that anything could be counted in ("people", "overall").
    private static func counted(_ q: Quantity) -> String? {
        guard let unit = q.unit, unit != "%" else { return nil }
        let generic: Set<String> = ["people", "persons", "overall", "total", "men", "citizens", "more", "about", "around", "nearly", "over"]
        return generic.contains(unit) ? nil : unit
    }

    /// Two numbers that cannot both be the same measure's value: more than 10% apart.
    private static func differ(_ a: Quantity, _ b: Quantity) -> Bool {
        // The same range written two ways agrees: "5-6%" and "5% to 6%".
        if let ha = a.high, let hb = b.high { return abs(ha - hb) > 0.05 * max(ha, hb) || abs(a.value - b.value) > 0.05 * max(a.value, b.value) }
        if a.high != nil || b.high != nil { return true }
        let x = a.endValue ?? a.value
        let y = b.endValue ?? b.value
        guard x > 0, y > 0 else { return x != y }
        return max(x, y) / min(x, y) > 1.1 || (a.value != b.value && max(a.value, b.value) / min(a.value, b.value) > 1.1)
    }

    // MARK: Dates

    private static func dateConflicts(_ events: [Fact]) -> [Conflict] {
        let texts = events.map { Ordinals.normalised(($0.detail ?? $0.text).replacingFirst($0.when!.text, with: " ")) }
        let keys = texts.map { Stem.all(ContentWords.of($0)) }
        var hard = Set<Int>()
        let groups = StarClusters.groups(events.count) { a, b in
            guard let wa = events[a].when, let wb = events[b].when, wa.year != wb.year || wa.lastYear != wb.lastYear,
                events[a].citations != events[b].citations, comparable(wa.qualifier, wb.qualifier),
                !areSteps(events[a], events[b])
            else { return false }
            // A year inside the other's range or decade agrees with it ("1921" and "the 1920s").
            if !wa.isRange || !wb.isRange, wa.overlaps(wb), wa.isRange != wb.isRange { return false }
            let ka = Acronyms.expanded(keys[a], from: texts[a], against: texts[b])
            let kb = Acronyms.expanded(keys[b], from: texts[b], against: texts[a])
            let shared = ka.intersection(kb)
            // Taking a post is not the same event as a mention of the post: "was made General Secretary" and
            // "Kirov asked to stand against Stalin as general secretary".
            if takes(events[a].text, shared) != takes(events[b].text, shared) { return false }
            // A named period given two ends: "The Great Terror (1934-1938)" against "The terror lasted from 1934 to
            // 1939". Short statements, the same start, a word in common.
            let namedPeriod = wa.isRange && wb.isRange && wa.year == wb.year && wa.lastYear != wb.lastYear
                && !shared.isEmpty && ka.count <= 3 && kb.count <= 3
            guard namedPeriod
                || (shared.count >= 3 || (shared.count == 2 && ContentWords.jaccard(ka, kb) >= 0.6 && max(ka.count, kb.count) <= 4))
                    && ContentWords.overlap(ka, kb) >= 0.75
            else { return false }
            // "Second plan" and "third plan" are two things.
            let oa = Ordinals.in(texts[a])
            let ob = Ordinals.in(texts[b])
            if !oa.isEmpty || !ob.isEmpty, oa != ob { return false }
            if ContentWords.jaccard(ka, kb) >= 0.6 || namedPeriod {
                hard.insert(a)
                hard.insert(b)
            }
            return true
        }
        return groups.map { group in
            let facts = group.map { events[$0] }
            let shared = group.dropFirst().reduce(keys[group[0]]) { $0.intersection(keys[$1]) }
            return Conflict(
                topic: "when: " + topic(texts[group[0]], keeping: shared, happening: []),
                severity: group.allSatisfy(hard.contains) ? .conflict : .mayDifferInScope,
                claims: facts.map { Conflict.Claim(value: $0.when!.description, text: $0.text, citation: $0.citations[0]) })
        }
    }

    /// Dates that say when a thing happened can be compared: "early 1924" with "October 1923". A bound ("by
    /// 1935", "until 1935", "after 1929") only with the same kind of bound.
    static func comparable(_ a: When.Qualifier, _ b: When.Qualifier) -> Bool {
        let within: Set<When.Qualifier> = [.on, .early, .mid, .late, .around]
        return a == b || (within.contains(a) && within.contains(b))
    }

    /// The statement says that what the words name was taken: a word of taking ("made", "appointed") within
    /// three words before one of them ("made General Secretary"; not "became the main priority").
    static func takes(_ text: String, _ words: Set<String>) -> Bool {
        let tokens = tokens(text)
        return tokens.indices.contains { i in
            takingWords.contains(tokens[i]) && tokens[(i + 1)..<min(tokens.count, i + 4)].contains { words.contains(Stem.of($0)) }
        }
    }

    /// Two lines of one chronology ("1930 - peasants allowed private plots", "1935 - allowed to sell their
    /// private plots"): lines of the same notes that each begin with their date tell successive steps.
    static func areSteps(_ a: Fact, _ b: Fact) -> Bool {
        guard a.citations[0].source == b.citations[0].source else { return false }
        return [a, b].allSatisfy { fact in fact.when.map { fact.text.hasPrefix($0.text) } ?? false }
    }

    /// The words of a statement that the claims share, in the statement's order: a short name for the topic.
    private static func topic(_ text: String, keeping shared: Set<String>, happening: Set<String>) -> String {
        var out: [String] = []
        for raw in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }) {
            let w = Stem.of(raw.lowercased())
            if shared.contains(w) || happening.contains(happenings[raw.lowercased()] ?? "-"), !out.contains(String(raw)) {
                out.append(String(raw))
            }
        }
        return out.isEmpty ? Clauses.first(of: text) : out.joined(separator: " ")
    }
}

/// A crude English stemmer, enough to see "dismissed" and "dismissal", "purges" and "purged" as one word.
enum Stem {
    static let scales: Set<String> = ["million", "thousand", "billion", "hundred", "tonne", "ton"]

    static func of(_ word: String) -> String {
        var w = word
        for suffix in ["ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "al", "s"] where w.count > suffix.count + 3 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            break
        }
        return w
    }

    static func all(_ words: Set<String>) -> Set<String> { Set(words.map(of)) }
}

/// "2nd" and "second" written the same way.
enum Ordinals {
    static let names: Set<String> = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]

    /// The ordinal words of a text: "second", "third".
    static func `in`(_ text: String) -> Set<String> {
        Set(ConflictFinder.tokens(text)).intersection(names)
    }

    static let words = [
        "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth",
        "7th": "seventh", "8th": "eighth", "9th": "ninth", "10th": "tenth",
    ]

    static func normalised(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { piece in
            let lower = piece.lowercased()
            for (short, long) in words where lower.hasPrefix(short) { return long + String(lower.dropFirst(short.count)) }
            return String(piece)
        }.joined(separator: " ")
    }
}

/// Abbreviations read against the words of another text: "FYP" is "Five Year Plan" there.
enum Acronyms {
    /// `words` with each abbreviation written in `text` replaced by the words of `other` whose initials spell it
    /// in order.
    static func expanded(_ words: Set<String>, from text: String, against other: String) -> Set<String> {
        let pieces: [Substring] = text.split(whereSeparator: { !$0.isLetter })
        let abbreviations = pieces.filter { w in
            w.count >= 2 && w.count <= 6 && w.allSatisfy(\.isUppercase)
        }
        guard !abbreviations.isEmpty else { return words }
        let otherWords = other.split(whereSeparator: { !$0.isLetter }).map { String($0) }
        var result = words
        for abbreviation in abbreviations {
            let letters = Array(abbreviation.lowercased())
            guard otherWords.count >= letters.count else { continue }
            for start in 0...(otherWords.count - letters.count) {
                let run = otherWords[start..<(start + letters.count)]
                if zip(run, letters).allSatisfy({ $0.lowercased().first == $1 }) {
                    result.remove(Stem.of(abbreviation.lowercased()))
                    result.formUnion(Stem.all(Set(run.map { $0.lowercased() })))
                    break
                }
            }
        }
        return result
    }
}

/// Groups around a seed: each group is an item and the later items that match it (not chains of matches,
/// which would join unrelated claims through a middle one).
enum StarClusters {
    /// Each claim with the claims that match it, as long as the group says something no earlier group said
    /// (a claim may stand in two disagreements: "10 million" against "7 million" and against "5-7 million").
    static func groups(_ count: Int, _ matches: (Int, Int) -> Bool) -> [[Int]] {
        var related = Array(repeating: [Int](), count: count)
        for a in 0..<count {
            for b in (a + 1)..<max(a + 1, count) where matches(a, b) {
                related[a].append(b)
                related[b].append(a)
            }
        }
        var result: [[Int]] = []
        var covered = Set<[Int]>()
        // Seeds with most matches first, so the largest disagreement comes first.
        for seed in (0..<count).sorted(by: { (related[$0].count, -$0) > (related[$1].count, -$1) }) where !related[seed].isEmpty {
            let group = ([seed] + related[seed]).sorted()
            // A group inside an earlier one says nothing new.
            if result.contains(where: { Set($0).isSuperset(of: group) }) { continue }
            if covered.insert(group).inserted { result.append(group) }
        }
        return result.sorted { $0[0] < $1[0] }
    }
}
