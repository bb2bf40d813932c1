/// Decides which capitalised names are people, organisations, places or terms, and which spellings mean the
/// same one: "Trosky" is Trotsky, "Lenins" is Lenin's, "Leon Trotsky" is Trotsky, "NEP" is the New Economic
/// Policy. Only the notes' own evidence is used: capitals, the words around a name, and repetition.
struct EntityResolver {
    /// Every spelling the notes use, to its entity's name.
    private(set) var canonical: [String: String] = [:]
    private(set) var kinds: [String: Entity.Kind] = [:]
    /// Two initials for two people: "K&Z" is Kamenev and Zinoviev when the notes list those two together.
    private(set) var pairs: [String: [String]] = [:]
    private var evidence: [String: NameEvidence] = [:]
    /// Names the evidence says are not people, places or terms: topic labels, everyday words.
    private var turnedDown: Set<String> = []
    private var definitions: [String: [Fact]] = [:]
    /// The bare names that are most of a list's points ("3 main types: Toz, Sovkhoz, Kolhoz").
    private var nameLists: [[String]] = []
    /// Named posts people hold ("General Secretary", "Commissar for Nationalities"), with the roles that name them.
    private var posts: [String: [Fact]] = [:]

    init(_ sources: [SourceKnowledge]) {
        for source in sources {
            for e in source.names {
                evidence[e.name, default: NameEvidence(name: e.name)].add(e)
            }
            for fact in source.facts {
                if fact.kind == .definition, let subject = fact.subject { definitions[subject, default: []].append(fact) }
                if fact.kind == .role, let post = fact.detail.flatMap(Self.postName) { posts[post, default: []].append(fact) }
                if fact.kind == .list, fact.items.count >= 3 {
                    // A point's name: the words before a " - " comment, when they are one capitalised word.
                    let names = fact.items.map { item in (item.splitOnce(separators: [" - "])?.0 ?? item).trimmingPunctuation() }
                    let bare = names.filter { !$0.isEmpty && !$0.contains(" ") && $0.first?.isUppercase == true }
                    if bare.count >= 3, bare.count * 2 >= names.count { nameLists.append(bare) }
                }
            }
        }
        classify()
    }

    // MARK: Deciding

    private mutating func classify() {
        // People first: they anchor the aliases. Then names listed with people ("Bukharin, Rykov and Tomsky").
        var people = Set(evidence.values.filter(isPerson).map(\.name))
        for _ in 0..<3 {
            let listed = evidence.values.filter { e in
                !people.contains(e.name) && e.partners.contains(where: people.contains) && couldBePerson(e)
            }
            if listed.isEmpty { break }
            people.formUnion(listed.map(\.name))
        }
        // A name made of a person's name and a thing is the thing: "Truman Doctrine", "Marshall Plan".
        for name in people where name.contains(" ") {
            let parts = name.split(separator: " ").map(String.init)
            if people.contains(parts[0]), !people.contains(parts[parts.count - 1]) { people.remove(name) }
        }
        // A multi-word name whose last word is a person is that person: "Leon Trotsky".
        for name in people where name.contains(" ") {
            let last = String(name.split(separator: " ").last!)
            if people.contains(last) {
                canonical[name] = last
                people.remove(name)
            }
        }
        // A rarer spelling close to a commoner person's name is a misspelling of it, unless the notes list the
        // two together (then they are two people).
        let evidence = self.evidence
        let count = { (name: String) in evidence[name]?.count ?? 0 }
        for name in people.sorted(by: { (count($0), $0) < (count($1), $1) }) where canonical[name] == nil {
            let partners = Set(evidence[name]?.partners ?? [])
            let targets = people.filter { other in
                other != name && canonical[other] == nil && count(other) >= max(2, count(name) * 2)
                    && !partners.contains(other) && Self.isVariant(name, of: other, rare: count(name) <= 2)
            }
            if let target = targets.min(by: {
                (Self.editDistance($0.lowercased(), name.lowercased()), -count($0))
                    < (Self.editDistance($1.lowercased(), name.lowercased()), -count($1))
            }) {
                canonical[name] = target
            }
        }
        for name in people where canonical[name] == nil {
            canonical[name] = name
            kinds[name] = .person
        }
        resolvePairs()
        // Names that are not people: a misspelt person with no evidence of its own ("Kykov"), a possessive that
        // lost its apostrophe ("Lenins"), a full name ("Nikolai Yezhov"), an organisation, a place, or a term.
        let personNames = Set(kinds.keys)
        let grouped = groupedEvidence(excluding: personNames)
        for (name, e) in evidence where canonical[name] == nil && pairs[name] == nil {
            if name.contains(" "), let last = name.split(separator: " ").last.map(String.init), personNames.contains(last),
                name.split(separator: " ").count == 2, e.strongPersonCues + e.personCues > 0 || e.midSentence > 0
            {
                canonical[name] = last
                continue
            }
            if name.contains("&"), name.unicodeScalars.count == 3 { continue }
            if name.hasSuffix("s"), personNames.contains(String(name.dropLast())) {
                canonical[name] = String(name.dropLast())
                continue
            }
            if !name.contains(" "), name.count >= 4, !isAcronym(name), e.count <= 3,
                let person = personNames.filter({ Self.isVariant(name, of: $0, rare: e.count <= 2) && (evidence[$0]?.count ?? 0) >= e.count * 2 }).min(by: {
                    Self.editDistance($0.lowercased(), name.lowercased()) < Self.editDistance($1.lowercased(), name.lowercased())
                }),
                !isCommonWord(e)
            {
                canonical[name] = person
                continue
            }
            // Other spellings add evidence that a name is a term; they take none away.
            guard let kind = grouped[name].flatMap(otherKind) ?? otherKind(e) else {
                turnedDown.insert(name)
                continue
            }
            canonical[name] = name
            kinds[name] = kind
        }
        // Names listed with places are places when nothing says they are taught as terms: "Ukraine, Kazakhstan
        // and the Caucasus", "Siberia and the Urals".
        for (name, kind) in kinds where kind == .term {
            guard let e = grouped[name] ?? evidence[name], e.defined == 0, e.quoted == 0, e.emphasised == 0 else { continue }
            let listed = e.partners.map { kinds[canonical[$0] ?? $0] }
            let places = listed.filter { $0 == .place }.count
            if places >= 1, places * 2 >= listed.count, !listed.contains(where: { $0 == .term || $0 == .organisation }) {
                kinds[name] = .place
            }
        }
        // A word only ever written before other words is part of a longer name the notes teach, not a term of
        // its own: "Shakhty" in "the Shakhty Trial", "the Shakhty trial of 1928".
        let longer = kinds.filter { $0.key.contains(" ") && ($0.value == .term || $0.value == .organisation) }.map(\.key)
        for (name, kind) in kinds where kind == .term && !name.contains(" ") && !isAcronym(name) {
            guard let e = grouped[name] ?? evidence[name], e.aloneAfterThe == 0, e.defined == 0, e.quoted == 0,
                e.emphasised == 0, longer.contains(where: { $0.hasPrefix(name + " ") })
            else { continue }
            kinds[name] = nil
            canonical[name] = nil
            turnedDown.insert(name)
        }
        // The points of one list are things of one kind: a bare name listed with terms is a term ("Toz, Sovkhoz,
        // Kolhoz").
        for names in nameLists {
            let known = names.map { kinds[canonical[$0] ?? $0] }
            let terms = known.filter { $0 == .term || $0 == .organisation }.count
            guard terms * 2 > names.count, !known.contains(where: { $0 == .person || $0 == .place }) else { continue }
            for (name, kind) in zip(names, known) where kind == nil && canonical[name] == nil && evidence[name] != nil
                && turnedDown.contains(name)
            {
                canonical[name] = name
                kinds[name] = .term
            }
        }
        // Terms the notes define, and abbreviations with their meanings.
        for (subject, facts) in definitions {
            let key = canonical[subject] ?? subject
            if kinds[key] == .person { continue }
            // A defined subject the evidence has already turned down (a topic label such as "Agriculture:") stays
            // out; the notes' abbreviations always come in.
            if kinds[key] == nil, isAcronym(subject) || evidence[subject].map({ otherKind($0) != nil }) ?? true {
                canonical[subject] = subject
                kinds[subject] = isInstitution(subject) ? .organisation : .term
            }
            if isAcronym(subject) {
                for fact in facts {
                    if let meaning = fact.detail, meaning.wordCount <= 8 {
                        canonical[meaning] = canonical[subject]
                        if kinds[meaning] != nil, meaning != canonical[subject] { kinds[meaning] = nil }
                    }
                }
            }
        }
        // A post with a name of its own is a term of the glossary, held by the people whose roles name it.
        for post in posts.keys where canonical[post] == nil && kinds[post] == nil {
            canonical[post] = post
            kinds[post] = .term
        }
        mergeTermVariants()
    }

    /// The name of a post in a role: a title and what it is over, capitalised ("General Secretary", "Commissar
    /// for Nationalities", "Commissar for war", "Secretary-General"), up to the words that say more ("… as Lenin
    /// believed"). Not "member of the Politburo" or "head of the NKVD": those say what someone did.
    static func postName(_ detail: String) -> String? {
        let words = Words(detail)
        guard words.count >= 2, words[0].isCapitalised, Vocabulary.titles.contains(words[0]) else { return nil }
        var end = 0
        while end + 1 < words.count, words[end].punctuationAfter.isEmpty || words[end].punctuationAfter == "-" {
            let next = words[end + 1]
            if next.isCapitalised || ["for", "of"].contains(next.lower) && !next.isNumber {
                end += 1
            } else if ["for", "of"].contains(words[end].lower), !next.isNumber, !Vocabulary.notNames.contains(next) {
                end += 1
                break
            } else {
                break
            }
        }
        guard end >= 1, !["for", "of"].contains(words[end].lower) else { return nil }
        return words.text(0, end)
    }

    /// One term however the notes spell it: "Collectivisation" and "collectivization", "Five-Year Plans" and
    /// "Five Year Plan", "Shakhty Trial" and "Shakty Trial", "FYPs" and "Five-Year Plans". The spelling the
    /// notes use most names it; the others become its aliases.
    private mutating func mergeTermVariants() {
        let terms = kinds.filter { $0.value == .term || $0.value == .organisation }.map(\.key)
        let evidence = self.evidence
        let count = { (name: String) in evidence[name]?.count ?? 0 }
        for members in Self.spellingGroups(of: terms) where members.count > 1 {
            // A spelled-out name over an abbreviation ("Five-Year Plans", not "FYPs"), then the most used
            // spelling, then the shorter.
            let winner = members.min {
                (Self.isAbbreviation($0) ? 1 : 0, -count($0), $0.count, $0)
                    < (Self.isAbbreviation($1) ? 1 : 0, -count($1), $1.count, $1)
            }!
            let kind: Entity.Kind = members.contains { kinds[$0] == .organisation } ? .organisation : .term
            for m in members where m != winner { kinds[m] = nil }
            kinds[winner] = kind
            for (spelling, name) in canonical where members.contains(name) { canonical[spelling] = winner }
            for m in members { canonical[m] = winner }
        }
    }

    /// The evidence of every spelling of a name added up, for each spelling: "Rural Credit Bank" twice and "Rural
    /// Credit Banks" once are one name seen three times, and so is "RCB" when one phrase has those initials.
    private func groupedEvidence(excluding people: Set<String>) -> [String: NameEvidence] {
        var result: [String: NameEvidence] = [:]
        // A misspelling is not more evidence of a name (it is merged later, once both are terms).
        let names = evidence.keys.filter { !people.contains($0) }
        for names in Self.spellingGroups(of: names, misspelt: false) where names.count > 1 {
            for name in names {
                var total = NameEvidence(name: name)
                for other in names { if let e = evidence[other] { total.add(e) } }
                // How often the words are written in lower case is the same count whatever the spelling.
                total.lowercase = names.compactMap { evidence[$0]?.lowercase }.max() ?? 0
                result[name] = total
            }
        }
        return result
    }

    /// Names grouped by what they spell: the same `termKey`, one letter apart in a long name ("Shakhty Trial",
    /// "Shakty Trial"), or an abbreviation that is the initials of exactly one phrase ("MTS", "Motor Tractor
    /// Stations"). `misspelt: false` leaves out the one-letter matches.
    static func spellingGroups(of names: [String], misspelt: Bool = true) -> [[String]] {
        let names = names.sorted()
        var parent = Dictionary(uniqueKeysWithValues: names.map { ($0, $0) })
        func root(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        func join(_ a: String, _ b: String) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[rb] = ra }
        }
        var byKey: [String: String] = [:]
        for name in names {
            let key = termKey(name)
            if let first = byKey[key] { join(first, name) } else { byKey[key] = name }
        }
        let distinct = byKey.keys.sorted()
        for (i, a) in distinct.enumerated() where misspelt && a.count >= 8 {
            for b in distinct[(i + 1)...] where b.count >= 8 && a.first == b.first && abs(a.count - b.count) <= 1 {
                if a.isOneEditAway(from: b) { join(byKey[a]!, byKey[b]!) }
            }
        }
        var byInitials: [String: [String]] = [:]
        for name in names where !TermShape.isAcronym(name) {
            if let initials = initials(of: name) { byInitials[initials, default: []].append(name) }
        }
        for name in names where isAbbreviation(name) {
            if let long = byInitials[String(name.filter(\.isUppercase))], Set(long.map { root($0) }).count == 1 {
                join(long[0], name)
            }
        }
        var groups: [String: [String]] = [:]
        for name in names { groups[root(name), default: []].append(name) }
        return Array(groups.values)
    }

    /// Capitals, perhaps with a plural "s": "MTS", "FYPs".
    static func isAbbreviation(_ name: String) -> Bool {
        TermShape.isAcronym(name.hasSuffix("s") ? String(name.dropLast()) : name)
    }

    /// A term's spelling with case, hyphens, possessives, plurals and -ise/-ize folded.
    static func termKey(_ term: String) -> String {
        var t = term.lowercased().replacingOccurrences(of: "’", with: "'")
        t = t.replacingOccurrences(of: "'s ", with: " ")
        if t.hasSuffix("'s") { t.removeLast(2) }
        t = t.replacingOccurrences(of: "iz", with: "is")
        let words = t.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word -> String in
            var w = String(word)
            if w.count > 4, w.hasSuffix("ies") { w = String(w.dropLast(3)) + "y" }
            else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { w.removeLast() }
            return w
        }
        return words.joined(separator: " ")
    }

    /// The capitals a phrase would be abbreviated to: "Five-Year Plans" → "FYP", "Machine and Tractor Station"
    /// → "MTS". Nil for a single word.
    static func initials(of phrase: String) -> String? {
        let words = phrase.split(whereSeparator: { !$0.isLetter }).filter { !["of", "and", "the", "for"].contains($0.lowercased()) }
        guard words.count >= 2 else { return nil }
        return String(words.compactMap { $0.first?.uppercased() }.joined())
    }

    /// "K&Z", "Z&K": the two people with those initials that the notes list together most often.
    private mutating func resolvePairs() {
        let people = kinds.filter { $0.value == .person }.map(\.key)
        for name in evidence.keys {
            let letters = name.split(separator: "&").map(String.init)
            guard letters.count == 2, letters.allSatisfy({ $0.count == 1 && $0.first!.isUppercase }) else { continue }
            var best: (String, String, Int)?
            for a in people where a.hasPrefix(letters[0]) {
                for b in people where b.hasPrefix(letters[1]) && b != a {
                    let together = (evidence[a]?.partners.contains(b) ?? false ? 2 : 0)
                        + (evidence[b]?.partners.contains(a) ?? false ? 2 : 0)
                        + min(evidence[a]?.count ?? 0, evidence[b]?.count ?? 0) / 10
                    if together > (best?.2 ?? 0) { best = (a, b, together) }
                }
            }
            if let (a, b, score) = best, score >= 2 { pairs[name] = [a, b] }
        }
    }

    /// Nothing says the name is not a person's: not a common word, an abbreviation, an institution, a group
    /// ("the Kulaks"), a place, or a word made into an adjective or an -ism ("Stalinist", "Leninism").
    private func couldBePerson(_ e: NameEvidence) -> Bool {
        guard !isAcronym(e.name), !isInstitution(e.name), e.name.unicodeScalars.count >= 3 else { return false }
        let words = e.name.split(separator: " ").map { $0.lowercased() }
        guard let first = words.first, !Vocabulary.notNames.contains(first), !Vocabulary.roleNouns.contains(first),
            !Vocabulary.institutionHeads.contains(first), words.count <= 3
        else { return false }
        if words.contains("of") || words.contains("for") { return false }
        // "People", "Workers": words for people in general.
        if words.count == 1, Vocabulary.isPeopleNoun(first) { return false }
        if let last = words.last, Self.nonNameEndings.contains(where: { last.hasSuffix($0) }) { return false }
        if isCommonWord(e) { return false }
        if e.afterThe * 3 > e.count { return false }
        // Explained more often than it acts like a person: "the newspaper Pravda … Pravda, the communist newspaper".
        if e.defined > e.strongPersonCues { return false }
        if e.placeCues * 2 > e.count, e.strongPersonCues == 0 { return false }
        return true
    }

    /// Endings of English adverbs, adjectives and abstract nouns made from names.
    static let nonNameEndings = ["ly", "ist", "ists", "ism", "isms", "isation", "ization", "ite", "ites", "ian", "ians", "ese"]

    private func isPerson(_ e: NameEvidence) -> Bool {
        guard couldBePerson(e) else { return false }
        let strong = e.strongPersonCues
        let weak = e.personCues - strong
        let score = strong * 2 + weak + e.roleSubject * 2
        guard score >= 2, score > e.placeCues * 2 else { return false }
        // A name only ever seen at the start of sentences or in titles needs strong evidence.
        if e.midSentence == 0 { return strong >= 1 || e.roleSubject >= 1 }
        return true
    }

    private func otherKind(_ e: NameEvidence) -> Entity.Kind? {
        let words = e.name.split(separator: " ").map { $0.lowercased() }
        let single = words.count == 1
        // Taught: defined, emboldened as a phrase (a single bold word is often just emphasis), or quoted twice.
        let emphasised = e.emphasised > 0 && (!single || e.emphasised >= 2 || e.name.first?.isUppercase == true)
        // A phrase in quotation marks that the sentence treats as a name ("known as the 'second serfdom'").
        let quoted = e.quoted >= 1
        let taught = e.defined > 0 || emphasised || quoted
        // A name the notes give in quotation marks and explain ("known as the 'second serfdom'") is a term even
        // when it starts with an everyday word.
        guard TermShape.isTermLike(e.name) || (e.defined > 0 && e.quoted > 0) else { return nil }
        if let last = words.last, Self.adjectiveEndings.contains(where: { last.hasSuffix($0) }), !taught { return nil }
        // A position is a role, not a term: "General Secretary", "Member of Politburo".
        if let first = words.first, Vocabulary.roleNouns.contains(first) || Vocabulary.isTitle(first),
            words.count <= 2 || words.contains("of") && first == "member"
        {
            return nil
        }
        // Named like a place: "Volga-Don Canal", "Dnieper Dam", "Red Square", "the Far East", "the West".
        if e.defined == 0, e.quoted == 0, !isAcronym(e.name), !isInstitution(e.name),
            words.last.map(Vocabulary.placeHeads.contains) == true && words.count >= 2
                || words.first.map(Vocabulary.compassWords.contains) == true
        {
            return .place
        }
        // Places: after "in", "to", "from", and never taught as a term.
        if e.placeCues >= 1, e.defined == 0, !isAcronym(e.name), !isInstitution(e.name), e.strongPersonCues * 2 <= e.placeCues,
            e.placeCues * 4 >= e.count || e.midSentence <= e.placeCues * 2
        {
            return .place
        }
        // A single word shaped like the name of a country or a people, never taught as a term: "Russia",
        // "Poland", "Germany", "Kazakhstan"; "German", "European", "Japanese". English word endings, not a list
        // of places.
        if single, e.defined == 0, e.quoted == 0, !isAcronym(e.name), e.name.first?.isUppercase == true {
            let w = words[0]
            if ["ia", "land", "stan", "many"].contains(where: { w.hasSuffix($0) }) && w.count >= 5 { return .place }
            if ["ean", "ese", "ish"].contains(where: { w.hasSuffix($0) }) && w.count >= 5 { return nil }
            // "German", "Georgians": a people's name, or a word before a noun ("the German invasion").
            if w.hasSuffix("an") || w.hasSuffix("ans"), w.count >= 5, e.midSentence > 0, e.aloneAfterThe * 2 < e.count { return nil }
        }
        // "Party", "Church": the word for an institution, not the name of one.
        // A body of its own is named so, capitalised and alone after "the" ("the Secretariat made decisions").
        if single, Vocabulary.institutionHeads.contains(words[0]) {
            return e.lowercase == 0 && e.aloneAfterThe >= 1 ? .organisation : nil
        }
        if isInstitution(e.name) { return e.midSentence > 0 || e.count >= 2 || taught ? .organisation : nil }
        // A process, policy or doctrine the notes keep coming back to: "Collectivisation", "factionalism".
        if single, TermShape.isConceptNoun(words[0]), e.count + e.lowercase >= 3 || e.midSentence >= 1 { return .term }
        // An ordinary word used as a topic label ("Agriculture:", "Women:", "Living standards:") is not a term,
        // unless the notes explain it.
        if e.lowercase >= 2, e.midSentence == 0 || (single && e.lowercase * 2 >= e.midSentence),
            !emphasised, e.quoted == 0, e.defined == 0 || (single && e.lowercase > e.count),
            e.name.first?.isUppercase == true || single
        {
            return nil
        }
        if taught { return .term }
        // An abbreviation used twice, or once as a name of its own after "the" ("the KGB put the figures …").
        if isAcronym(e.name) { return e.count >= 2 || e.aloneAfterThe >= 1 ? .term : nil }
        // A single word: capitalised mid-sentence twice, or once as a name of its own after "the" and never in
        // lower case ("in control of the Cheka", "joined the Mensheviks"; not "the Turksib railway").
        if single {
            // Only ever a word before a noun after "the" ("the Kronstadt sailors", "the Kronstadt rebellion"): it
            // names where or what the noun is about, not a term of its own.
            if e.afterThe >= 2, e.aloneAfterThe == 0, e.afterThe >= e.midSentence { return nil }
            // Followers named after someone or something: "Stakhanovites", "Trotskyites".
            if words[0].hasSuffix("ites"), e.count >= 2, e.midSentence >= 1 { return .term }
            return e.midSentence >= 2 || (e.aloneAfterThe >= 1 && e.lowercase == 0 && e.placeCues == 0) ? .term : nil
        }
        // A name of several words, used twice.
        if e.count >= 2 && e.midSentence >= 1 { return .term }
        // Once, the name is of a body ("the Union of Soviet Writers", "the Supreme Council of National Economy").
        return e.aloneAfterThe >= 1 && words.contains("of") && words.contains(where: Vocabulary.institutionHeads.contains) ? .organisation : nil
    }

    /// Endings of adjectives made from names ("Georgian", "Tsarist"): not terms by themselves.
    static let adjectiveEndings = ["ian", "ians", "ese", "ist", "ists", "ly", "ish"]

    /// A word written in lower case at least as often as capitalised mid-sentence: an ordinary word.
    private func isCommonWord(_ e: NameEvidence) -> Bool {
        guard !e.name.contains(" "), !isAcronym(e.name) else { return false }
        if Vocabulary.notNames.contains(e.name.lowercased()) { return true }
        // Written in lower case at least as often as with a capital in mid-sentence, and more than once.
        return e.lowercase >= 2 && e.lowercase >= e.midSentence
    }

    private func isInstitution(_ name: String) -> Bool {
        guard let last = name.split(separator: " ").last else { return false }
        return Vocabulary.institutionHeads.contains(last.lowercased())
    }

    private func isAcronym(_ name: String) -> Bool { TermShape.isAcronym(name) }

    /// A spelling of the same name: one letter wrong, or two with the same first letter in a longer name.
    static func isVariant(_ a: String, of b: String, rare: Bool = true) -> Bool {
        guard !a.contains(" "), !b.contains(" ") else { return false }
        let la = a.lowercased()
        let lb = b.lowercased()
        if la == lb { return true }
        if la.count >= 4, lb.count >= 4, la.isOneEditAway(from: lb) { return true }
        if rare, la.count >= 5, lb.count >= 5, la.first == lb.first, editDistance(la, lb) <= 2 { return true }
        return false
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }

    // MARK: Using

    /// The entity name a spelling stands for, if it is an entity.
    func name(for spelling: String) -> String? {
        if let c = canonical[spelling] { return c }
        if spelling.hasSuffix("'s") || spelling.hasSuffix("’s") { return canonical[String(spelling.dropLast(2))] }
        return nil
    }

    func kind(of name: String) -> Entity.Kind? { kinds[name] }

    /// A fact with its names made canonical; nil for a role whose holder is not a person or a definition of a
    /// person.
    func resolve(_ fact: Fact) -> Fact? {
        var fact = fact
        var mentions: [String] = []
        for m in fact.mentions {
            for n in pairs[m] ?? name(for: m).map { [$0] } ?? [] where !mentions.contains(n) { mentions.append(n) }
        }
        fact.mentions = mentions
        switch fact.kind {
        case .role:
            guard let subject = fact.subject, let n = name(for: subject), kinds[n] == .person else { return nil }
            fact.subject = n
            if !fact.mentions.contains(n) { fact.mentions.insert(n, at: 0) }
        case .definition:
            guard let subject = fact.subject else { return nil }
            if let n = name(for: subject), kinds[n] == .person { return nil }
            // A topic label the notes write about ("Agriculture - improvement by 1926 …") rather than a term.
            if name(for: subject) == nil, turnedDown.contains(subject) { return nil }
            if let n = name(for: subject) { fact.subject = n }
        case .event:
            // Who the event is about: the first person it names; else the one person its own heading names
            // ("Trotskys Weaknesses" over "1926- Expelled from Politburo"); else the first thing.
            fact.subject = mentions.first { kinds[$0] == .person } ?? headingPerson(fact.topic.last)
                ?? mentions.first { kinds[$0] != .place }
        case .quote, .statistic:
            if let subject = fact.subject, let n = name(for: subject) { fact.subject = n }
            if fact.kind == .quote, let subject = fact.subject, kinds[subject] != .person { fact.subject = nil }
        case .cause, .list: break
        }
        return fact
    }

    /// The one person a heading names, if it names exactly one: "Trotskys Weaknesses" → Trotsky.
    func headingPerson(_ heading: String?) -> String? {
        guard let heading else { return nil }
        var found = Set<String>()
        for raw in heading.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }) where raw.first?.isUppercase == true {
            let word = String(raw)
            if let n = name(for: word), kinds[n] == .person { found.insert(n) }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The entities with their aliases, summaries and citations, people first, each group by name.
    func entities(with facts: [Fact]) -> [Entity] {
        var aliases: [String: [String]] = [:]
        for (spelling, name) in canonical where spelling != name && kinds[name] != nil {
            aliases[name, default: []].append(spelling)
        }
        for (pair, names) in pairs {
            for name in names { aliases[name, default: []].append(pair) }
        }
        var roles: [String: [String]] = [:]
        var definitionsByName: [String: String] = [:]
        var cited: [String: Set<Citation>] = [:]
        for fact in facts {
            for m in fact.mentions { cited[m, default: []].formUnion(fact.citations) }
            if fact.kind == .role, let s = fact.subject, let d = fact.detail {
                if !(roles[s] ?? []).contains(where: { $0.lowercased() == d.lowercased() }) { roles[s, default: []].append(d) }
            }
            if fact.kind == .definition, let s = fact.subject, let d = fact.detail, definitionsByName[s] == nil {
                definitionsByName[s] = d
            }
        }
        // The roles that name each post, under the post's entity name (its spellings merged).
        var held: [String: [Fact]] = [:]
        for (post, facts) in posts { held[canonical[post] ?? post, default: []].append(contentsOf: facts) }
        var result: [Entity] = []
        for (name, kind) in kinds {
            var citations = cited[name] ?? []
            for spelling in [name] + (aliases[name] ?? []) {
                citations.formUnion(evidence[spelling]?.citations ?? [])
            }
            let namingPost = held[name] ?? []
            for fact in namingPost { citations.formUnion(fact.citations) }
            let holders = namingPost.compactMap(\.subject).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let summary: String? =
                kind == .person
                ? (roles[name].map { $0.prefix(4).joined(separator: "; ") })
                : definitionsByName[name] ?? (holders.isEmpty ? nil : "a post held by " + holders.prefix(4).joined(separator: ", "))
            result.append(
                Entity(
                    kind: kind, name: name, aliases: (aliases[name] ?? []).sorted(), summary: summary,
                    citations: citations.sorted()))
        }
        let order: [Entity.Kind: Int] = [.person: 0, .organisation: 1, .place: 2, .term: 3]
        return result.sorted { (order[$0.kind]!, $0.name) < (order[$1.kind]!, $1.name) }
    }
}
