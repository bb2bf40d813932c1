extension FactExtractor.Reader {
    // MARK: Definitions

    /// "Term: meaning", "**Term:** meaning": a definition, or a role when the lead-in names a position.
    mutating func readLabel(_ label: String, text: String, context: Context) {
        guard DateFinder.dates(in: label).isEmpty else { return }
        var meaning = String(text.dropFirst(label.count)).trimmingPunctuation()
        if meaning.isEmpty { return }
        let labelWords = Words(label)
        guard labelWords.count > 0, !Vocabulary.notNames.contains(labelWords[0].lower) || labelWords.count > 1
        else { return }
        if isRolePhrase(labelWords, at: 0), let person = context.person {
            addRole(person: person, position: label, text: text, context: context)
            return
        }
        // A lead-in that is a person or a speaker is not a term: "Trotsky: 'outstanding ability'".
        if meaning.hasPrefix("'") || meaning.hasPrefix("‘") || meaning.hasPrefix("\"") || meaning.hasPrefix("“") {
            return
        }
        if meaning.wordCount > 40 { meaning = Clauses.first(of: Sentences.split(meaning).first ?? meaning) }
        guard meaning.wordCount >= 2 else { return }
        // A body that opens with a date tells what happened ("Bureaucracy Speech: 1924 congress - Trotsky made …").
        if meaning.utf8.first.map({ $0 &- 0x30 < 10 }) == true { return }
        addDefinition(term: label, meaning: meaning, text: text, context: context)
    }

    /// A definition, when the subject reads like a term and the meaning explains it; the term is noted as taught by
    /// the notes. The shape of the notes can vouch for the meaning (a card's back, the one line under a heading),
    /// and a sentence that gives the name ("known as the 'second serfdom'") vouches for the term.
    mutating func addDefinition(
        term: String, meaning: String, text: String, context: Context, shapeSaysSo: Bool = false, nameGiven: Bool = false
    ) {
        let term = term.trimmingPunctuation()
        // A meaning that opens with "that" states a claim: "Structuralist argument" / "that the party developed …".
        guard !(meaning.hasPrefix("that ") || meaning.hasPrefix("That ")) else { return }
        guard TermShape.isTermLike(term) || nameGiven, meaning.wordCount >= 1, shapeSaysSo || TermShape.isGloss(meaning, of: term)
        else { return }
        facts.append(
            Fact(
                kind: .definition, text: text, subject: term, detail: meaning, topic: context.topic,
                mentions: [term], citations: [context.citation]))
        noteTerm(term, context: context) { $0.defined += 1 }
    }

    /// Records a sign that a phrase is a term the notes teach.
    mutating func noteTerm(_ phrase: String, context: Context, _ cue: (inout NameEvidence) -> Void) {
        // Updated where it is kept, without copying its citations out and back.
        Self.cite(&names[phrase, default: NameEvidence(name: phrase)], context: context, cue)
    }

    static func cite(_ e: inout NameEvidence, context: Context, _ cue: (inout NameEvidence) -> Void) {
        cue(&e)
        if e.citations.count < NameEvidence.citationLimit, e.citations.last != context.citation {
            e.citations.append(context.citation)
        }
    }

    /// "NEP - New Economic Policy", "whites - anyone opposed to the Bolsheviks", "General secretary - access to
    /// Lenin" (a role, under a heading about a person).
    mutating func readDash(_ text: String, context: Context) {
        guard let (left, right) = text.splitOnce(separators: [" - ", " – ", " — ", " = "]) else { return }
        let leftWords = Words(left)
        guard leftWords.count >= 1, leftWords.count <= 5, right.wordCount >= 2 else { return }
        guard DateFinder.dates(in: left).isEmpty else { return }
        if isRolePhrase(leftWords, at: 0), let person = context.person {
            addRole(person: person, position: left, text: text, context: context)
            return
        }
        let first = leftWords[0]
        let capitalised = first.isCapitalised && !Vocabulary.notNames.contains(first)
        guard capitalised || leftWords.count <= 2, !Vocabulary.notNames.contains(first) || leftWords.count > 1
        else { return }
        // In a list of comments on everyday topics ("industrial base - self sufficient…", "education - more
        // widespread…", "terror - millions killed…") a lower-case label is a topic, not a term.
        if !capitalised, let index = context.node, isCommentList(around: index) { return }
        // Under a heading about a person, a label of several words is something about them ("Trotsky's powerbases:
        // Red Army leadership - heroism …"), not a term.
        if context.person != nil, leftWords.count >= 2, !leftWords.items.allSatisfy({ $0.isCapitalised }) { return }
        if right.hasPrefix("'") || right.hasPrefix("‘") || right.hasPrefix("\"") || right.hasPrefix("“") {
            // Words in marks after a person are theirs ("Trotsky - 'outstanding ability'"); after the name of a thing
            // ("Bukharinite Model - 'socialism with a human face'") they say what it is.
            guard Vocabulary.kindNouns.contains(leftWords[leftWords.count - 1].lower) else { return }
            addDefinition(term: left, meaning: right, text: text, context: context, shapeSaysSo: true)
            return
        }
        addDefinition(term: left, meaning: right, text: text, context: context)
    }

    /// Whether the points beside the one at `index` are mostly "label - comment" with lower-case labels: at least
    /// three such points, and more of them lower-case than capitalised.
    mutating func isCommentList(around index: Int) -> Bool {
        let nodes = outline.nodes
        let depth = nodes[index].depth
        var first = index
        while first > 0, index - first < 60, nodes[first - 1].depth >= depth { first -= 1 }
        if let known = commentLists[first] { return known }
        var lower = 0
        var upper = 0
        var k = first
        while k < nodes.count, k - first < 120, nodes[k].depth >= depth {
            defer { k += 1 }
            guard nodes[k].depth == depth, nodes[k].kind == .item,
                let (left, _) = nodes[k].text.splitOnce(separators: [" - ", " – ", " — "]), left.wordCount <= 5,
                let c = left.unicodeScalars.first
            else { continue }
            if c.isCapital { upper += 1 } else if c.isLetter { lower += 1 }
        }
        let result = lower >= 3 && lower > upper
        commentLists[first] = result
        return result
    }

    /// "New Economic Policy (NEP)": the abbreviation's meaning. "Gosplan (the state planning agency)": a term's.
    mutating func readParenthesis(_ text: String, context: Context) {
        guard text.has("(") else { return }
        // The brackets are ASCII, so their byte positions are positions in the text.
        let bytes = text.utf8
        var searchStart = bytes.startIndex
        while let open = bytes[searchStart...].firstIndex(of: 0x28),
            let close = bytes[open...].firstIndex(of: 0x29)
        {
            searchStart = bytes.index(after: close)
            let inner = String(text[bytes.index(after: open)..<close]).trimming([" "])
            guard !inner.isEmpty, DateFinder.dates(in: inner).isEmpty else { continue }
            let innerWords = Words(inner)
            // An abbreviation ("(NEP)") or a gloss of two to twelve words that does not start with a name.
            let isAbbreviation = innerWords.count == 1 && innerWords[0].isAcronym
            guard isAbbreviation
                || (innerWords.count >= 2 && innerWords.count <= 12
                    && (!innerWords[0].isCapitalised || innerWords[0].lower == "the"))
            else { continue }
            let before = Words(String(text[..<open]))
            guard before.count > 0 else { continue }
            if isAbbreviation {
                // The capitalised words before the bracket whose initials spell the abbreviation.
                let letters = Array(innerWords[0].text.unicodeScalars)
                var k = before.count - 1
                var taken = 0
                while k >= 0, taken < letters.count + 2, before[k].isCapitalised || ["of", "for", "and", "in", "the"].contains(before[k].lower) {
                    k -= 1
                    taken += 1
                }
                var from = k + 1
                while from < before.count - 1, Vocabulary.notNames.contains(before[from].lower) { from += 1 }
                let expansion = before.text(from, before.count - 1)
                let initials = Words(expansion).items.filter { $0.isCapitalised }.compactMap { $0.text.unicodeScalars.first }
                if initials.count >= 2, abs(initials.count - letters.count) <= 1, initials.first == letters.first
                {
                    addDefinition(term: innerWords[0].text, meaning: expansion, text: text, context: context)
                }
            } else if let last = before.items.last, last.isCapitalised || last.isAcronym {
                // The term is the capitalised run just before the bracket.
                var k = before.count - 1
                while k > 0, before[k - 1].isCapitalised, before[k - 1].punctuationAfter.isEmpty { k -= 1 }
                // After a list of names ("Ukraine, Kazakhstan and the Caucasus (…)") the brackets speak of the list.
                let joiner = k >= 1 && before[k - 1].lower == "the" ? k - 2 : k - 1
                if joiner >= 1, Vocabulary.conjunctions.contains(before[joiner]), before[joiner - 1].isCapitalised { continue }
                let term = before.text(k, before.count - 1)
                guard !Vocabulary.notNames.contains(term.lowercased()) else { continue }
                addDefinition(term: term, meaning: inner, text: text, context: context)
            }
        }
    }

    /// The words of a description in apposition, from `start`: lower-case words up to a comma, a full stop, a
    /// "who" or "which", or a verb in the past ("…department tried to…"); two to eight of them, and not the
    /// first of a list.
    func glossAfter(_ start: Int, in words: Words) -> String? {
        var end = start
        while end < words.count {
            let w = words[end]
            // "an end to the NEP, a tough line against the peasant and rapid industrialisation": a list, not a
            // description; "the agitation and propaganda department" joins two words of one name.
            if end - start >= 2, w.lower == "and" || w.lower == "or" { return nil }
            if end > start, ["who", "which", "that", "whose", "where"].contains(w.lower) {
                end -= 1
                break
            }
            if end > start + 1, w.lower.count > 4, w.lower.hasSuffix("ed"), !w.isCapitalised {
                end -= 1
                break
            }
            if TermShape.verbs.contains(w) || w.isNumber { return nil }
            if !w.punctuationAfter.isEmpty && w.punctuationAfter != "-" { break }
            end += 1
        }
        guard end < words.count || end - start <= 8 else { return nil }
        let last = min(end, words.count - 1)
        guard last - start + 1 >= 2, last - start + 1 <= 8, !words[start].isCapitalised || words[start].isAcronym else {
            return nil
        }
        return words.text(start, last).trimmingPunctuation()
    }

    /// "This seizure of grain is known as the procurement crisis", "became known as \"Nepmen\"", "farms called
    /// Kolkhoz": the name the notes give a thing, and the thing it names.
    mutating func readKnownAs(_ words: Words, sentence: String, context: Context) {
        let n = words.count
        for k in 1..<max(1, n - 1) {
            let w = words[k].lower
            var after: Int?
            if w == "known" {
                // "known as", "known by many peasants as".
                if let a = (k + 1..<min(n, k + 5)).first(where: { words[$0].lower == "as" }),
                    words.items[k..<a].allSatisfy({ $0.punctuationAfter.isEmpty })
                {
                    after = a + 1
                }
            } else if w == "called" || w == "nicknamed" || w == "termed" {
                // "farms called Kolkhoz", "were called kulaks"; not "Stalin called it…", "Stalin called 'kulak grain
                // strike'" (someone calling something is another sentence).
                if k + 1 < n, !words[k - 1].isCapitalised || ["was", "were", "is", "are"].contains(words[k - 1].lower),
                    !["it", "him", "her", "them", "this", "that", "these", "those", "for", "on", "up", "off"].contains(words[k + 1].lower)
                {
                    after = k + 1
                }
            }
            guard var t = after, t < n else { continue }
            if Vocabulary.articles.contains(words[t]), t + 1 < n { t += 1 }
            // The name: to the end of its quotation, else its capitalised run or up to five words.
            var e = t
            let quoted = t > 0 && words[t - 1].opensQuote
            if quoted {
                while e + 1 < n, e - t < 5, !words[e].closesQuote { e += 1 }
            }
            while !quoted, e + 1 < n, e - t < 4, words[e].punctuationAfter.isEmpty,
                !Vocabulary.notNames.contains(words[e + 1]) || words[e + 1].isCapitalised,
                !["whereby", "which", "who", "where", "because", "like", "e"].contains(words[e + 1].lower)
            {
                e += 1
            }
            let term = words.text(t, e).trimmingPunctuation()
            // "the list known as the Nomenklatura which consisted of those regarded as reliable", "known as
            // democratic centralism whereby views were passed up": the clause after the name explains it.
            if e + 2 < n, ["which", "whereby", "who"].contains(words[e + 1].lower), term.wordCount <= 4 {
                let meaning = words.text(e + 2, words.clauseEnd(from: e + 2)).trimmingPunctuation()
                if meaning.wordCount >= 3 {
                    addDefinition(term: term, meaning: meaning, text: sentence, context: context, shapeSaysSo: true, nameGiven: true)
                    continue
                }
            }
            // What is named: the words before, back to the start of the clause.
            let linking: Set<String> = ["is", "was", "were", "are", "became", "become", "been", "be", "now", "also", "often", "sometimes", "later", "commonly", "widely"]
            var s = k - 1
            while s > 0, linking.contains(words[s].lower) { s -= 1 }
            guard !linking.contains(words[s].lower) else { continue }
            // Back to the start of the noun phrase: not past a verb or a word that starts a clause. A verb of a
            // relative clause ("Peasants who owned no land were called…") leaves the phrase unknown.
            var b = s
            var relative = false
            while b > 0, words[b - 1].punctuationAfter.isEmpty, b > s - 8 {
                let before = words[b - 1].lower
                // "a centrally controlled economy": a participle after an adverb or an article describes the noun.
                let describes = before.hasSuffix("ed") && b >= 2
                    && (words[b - 2].lower.hasSuffix("ly") || ["a", "an", "the"].contains(words[b - 2].lower))
                if !describes, TermShape.isVerbLike(before) {
                    relative = b >= 2 && ["who", "which", "that"].contains(words[b - 2].lower)
                    break
                }
                if ["hence", "so", "and", "but", "then", "thus", "therefore", "which", "that", "who", "because", "as", "since",
                    "when", "while", "if", "although"].contains(before)
                {
                    break
                }
                b -= 1
            }
            guard !relative else { continue }
            while b <= s, Vocabulary.placePrepositions.contains(words[b]) || ["by", "with", "for", "on", "of"].contains(words[b].lower) {
                b += 1
            }
            while b <= s, ["this", "these", "the", "a", "an", "such", "its", "their", "his", "her"].contains(words[b].lower)
                || words[b].isNumber || (words[b].lower.count > 4 && words[b].lower.hasSuffix("ing"))
            {
                b += 1
            }
            guard b <= s else { continue }
            let named = words.text(b, s).trimmingPunctuation()
            // One lower-case word ("the list known as…", "the system was known as…") says too little to be a meaning.
            if b == s, !words[b].isCapitalised { continue }
            guard !TermShape.statementOpeners.contains(words[b]), named.wordCount >= 1,
                // A participle after an adverb describes ("centrally controlled"); another verb ends the name.
                !(b...s).contains(where: { i in
                    let w = words[i].lower
                    return TermShape.verbs.contains(w) || (TermShape.isVerbLike(w) && !(i > b && words[i - 1].lower.hasSuffix("ly")))
                }),
                term.wordCount >= 1, term.wordCount <= 5, Card.normalised(term) != Card.normalised(named)
            else { continue }
            addDefinition(term: term, meaning: named, text: sentence, context: context, shapeSaysSo: true, nameGiven: quoted || !words[t].isCapitalised)
            // "known as" gives a name, whatever word it starts with ("the 'second serfdom'", "known as collectives").
            noteTerm(term, context: context) { $0.quoted += 1 }
        }
    }

    /// A name in quotation marks and what the clause after it says it is or does: "the "Permanent Revolution"
    /// policy, which sought a worldwide revolution", "'Russification', which banned national languages".
    mutating func readWhich(_ words: Words, sentence: String, context: Context) {
        let n = words.count
        for k in 2..<max(2, n - 2) where words[k].lower == "which" && words[k - 1].punctuationAfter.contains(",") {
            // The quoted name ends at the word before "which", or before a word for what it is ("policy").
            var e = k - 1
            if !words[e].closesQuote, Vocabulary.kindNouns.contains(words[e]), e > 0 { e -= 1 }
            guard words[e].closesQuote else { continue }
            var t = e
            while t > 0, !words[t - 1].opensQuote, e - t < 5 { t -= 1 }
            guard t > 0, words[t - 1].opensQuote else { continue }
            let term = words.text(t, e).trimmingPunctuation()
            // The clause after "which", to its end: the next comma once it has three words.
            let m = words.clauseEnd(from: k + 1, commaAfter: 3)
            guard m > k + 1 else { continue }
            let meaning = words.text(k + 1, m).trimmingPunctuation()
            // The fact is the name and its clause, not the whole sentence around them.
            addDefinition(term: term, meaning: meaning, text: "\(term): \(meaning)", context: context, shapeSaysSo: true, nameGiven: true)
            noteTerm(term, context: context) { $0.quoted += 1 }
        }
    }

    /// What people join is a body or a group, named in lower case too: "had to join the young pioneers", "forced to
    /// join collective farms", "join a trade union". Two or three words, up to a comma, a preposition or a verb;
    /// one word ("joined the party", "the workforce") says too little.
    mutating func readJoined(_ words: Words, context: Context) {
        let n = words.count
        for k in 0..<n where ["join", "joined", "joins", "joining"].contains(words[k].lower) && words[k].punctuationAfter.isEmpty {
            var start = k + 1
            if start < n, Vocabulary.articles.contains(words[start]), words[start].punctuationAfter.isEmpty { start += 1 }
            var end = start
            while end < n, end - start < 3, !words[end].isCapitalised, !words[end].isNumber,
                !Vocabulary.notNames.contains(words[end]), !TermShape.isVerbLike(words[end].lower)
            {
                if !words[end].punctuationAfter.isEmpty {
                    end += 1
                    break
                }
                end += 1
            }
            // Two or three words, ending where the phrase does.
            guard end - start >= 2, end - start <= 3, end == n || !words[end - 1].punctuationAfter.isEmpty
                || Vocabulary.notNames.contains(words[end]) || TermShape.isVerbLike(words[end].lower)
            else { continue }
            let phrase = words.text(start, end - 1).trimmingPunctuation()
            guard TermShape.isTermLike(phrase) else { continue }
            noteTerm(phrase, context: context) { $0.defined += 1 }
        }
    }

    /// "The moderates were those who followed Lenin closely": a group and who they were.
    mutating func readThoseWho(_ words: Words, sentence: String, context: Context) {
        let n = words.count
        var t = 0
        if t < n, Vocabulary.articles.contains(words[t]) { t += 1 }
        for k in (t + 1)..<min(n - 2, t + 4) where ["were", "are"].contains(words[k].lower) {
            guard ["those", "people"].contains(words[k + 1].lower), ["who", "that"].contains(words[k + 2].lower),
                words.items[t..<k].allSatisfy({ $0.punctuationAfter.isEmpty && !TermShape.verbs.contains($0) })
            else { return }
            let meaning = words.text(after: k).trimmingPunctuation()
            guard meaning.wordCount >= 4 else { return }
            addDefinition(term: words.text(t, k - 1), meaning: meaning, text: sentence, context: context, shapeSaysSo: true)
            // Saying who a group are names it, as quotation marks do.
            noteTerm(words.text(t, k - 1), context: context) { $0.quoted += 1 }
            return
        }
    }

    /// "X is/was a Y", "X means Y", "X refers to Y": a term and its meaning (people are sorted out at the merge).
    mutating func readCopula(_ words: Words, sentence: String, context: Context) {
        guard words.count >= 4, words[0].isCapitalised, !words[0].isNumber,
            !Vocabulary.notNames.contains(words[0])
        else { return }
        var k = 0
        while k + 1 < words.count, k < 3, words[k].punctuationAfter.isEmpty, words[k + 1].isCapitalised { k += 1 }
        guard k + 2 < words.count, words[k].punctuationAfter.isEmpty else { return }
        let verb = words[k + 1].lower
        let next = words[k + 2].lower
        let isDefinition: Bool
        switch verb {
        case "is", "was", "are", "were": isDefinition = ["a", "an", "the"].contains(next)
        case "means", "meant": isDefinition = true
        case "refers", "referred": isDefinition = next == "to"
        default: isDefinition = false
        }
        guard isDefinition else { return }
        var m = k + 2
        if ["a", "an", "the", "to"].contains(words[m].lower) { m += 1 }
        guard m < words.count, !isRolePhrase(words, at: m) else { return }
        // "Kennan was a US diplomat": a person, not a term.
        if words.items[m..<min(words.count, m + 4)].contains(where: { Vocabulary.personNouns.contains($0) }) {
            noteTerm(words.text(0, k), context: context) {
                $0.personCues += 1
                $0.strongPersonCues += 1
            }
            return
        }
        let meaning = words.text(after: k + 1)
        guard meaning.wordCount >= 3, meaning.wordCount <= 30 else { return }
        addDefinition(term: words.text(0, k), meaning: meaning.trimmingPunctuation(), text: sentence, context: context)
    }

    // MARK: Roles

    /// True when the words at `index` begin a position: "General Secretary", "head of the Red Army",
    /// "Commissar for Nationalities" (one letter of a role noun may be wrong: "Commisar").
    func isRolePhrase(_ words: Words, at index: Int) -> Bool {
        guard index < words.count else { return false }
        for k in index..<min(words.count, index + 4) {
            let w = words[k].lower
            if Vocabulary.roleNouns.contains(words[k]) {
                // Words before the role noun describe it ("best known soviet director", "Central Committee
                // member"), with no break or function word among them.
                return k == index
                    || words.items[index..<k].allSatisfy {
                        $0.punctuationAfter.isEmpty && !Vocabulary.leadingFunctionWords.contains($0) && !$0.isNumber
                            && !Vocabulary.personVerbs.contains($0) && !TermShape.verbs.contains($0)
                            && !(!$0.isCapitalised && $0.lower.hasSuffix("ed"))
                    }
            }
            if k > index, !words[k - 1].punctuationAfter.isEmpty { return false }
            // One letter wrong in a long role noun ("Commisar"), but not a plural or a verb ("leaders", "founded").
            if w.utf8.count >= 7, !w.hasSuffix("s"), !w.hasSuffix("ed"), Vocabulary.roleNounStarts.contains(String(w.prefix(2))),
                // One edit away shares the first or the last letter (the nouns are ASCII and seven letters or more).
                Vocabulary.longRoleNouns.contains(where: {
                    ($0.utf8.first == w.utf8.first || $0.utf8.last == w.utf8.last) && w.isOneEditAway(from: $0)
                })
            {
                return true
            }
        }
        return false
    }

    /// The position starting at `index`: up to a comma, a date or a clause word, at most eight words.
    func rolePhrase(_ words: Words, from index: Int) -> String {
        var end = index
        let stops = RoleWords.stops
        while end + 1 < words.count, end - index < 7, words[end].punctuationAfter.isEmpty {
            let next = words[end + 1]
            if next.isNumber || stops.contains(next.lower) || TermShape.verbs.contains(next)
                || Vocabulary.personVerbs.contains(next) || (!next.isCapitalised && next.lower.hasSuffix("ed"))
            {
                break
            }
            if next.lower == "and", !(end + 2 < words.count && words[end + 2].isCapitalised) { break }
            end += 1
        }
        while end > index, ["from", "in", "of", "the", "between", "until", "to", "for", "and"].contains(words[end].lower) {
            end -= 1
        }
        return words.text(index, end)
    }

    /// "Trotsky was leader of the Red Army", "he became General Secretary", "Promoted Stalin as Commissar for
    /// Nationalities", and a bullet that is only a position under a heading about a person.
    mutating func readRole(_ words: Words, sentence: String, context: Context) {
        let n = words.count
        guard n >= 2 else { return }
        // A bullet that opens with a position, under a person's heading: "head of central control commission".
        if context.isItem, context.label == nil, let person = context.person, isRolePhrase(words, at: 0),
            !words[0].isPossessive
        {
            addRole(person: person, position: rolePhrase(words, from: 0), text: sentence, context: context)
            return
        }
        for i in 0..<(n - 1) {
            guard RoleWords.linking.contains(words[i + 1]) else {
                if RoleWords.promoting.contains(words[i]), i + 2 < n,
                    words[i + 1].isCapitalised, !Vocabulary.notNames.contains(words[i + 1])
                {
                    var r = i + 2
                    if r < n, Vocabulary.appointmentLinks.contains(words[r]) { r += 1 }
                    if r < n, words[r].lower == "the" { r += 1 }
                    if isRolePhrase(words, at: r) {
                        addRole(
                            person: words[i + 1].text, position: rolePhrase(words, from: r), text: sentence,
                            context: context)
                        return
                    }
                }
                continue
            }
            // The subject: a capitalised name, or "he"/"she" for the person the heading is about.
            let subject: String
            if words[i].isCapitalised, !words[i].isNumber, !Vocabulary.notNames.contains(words[i]) {
                var s = i
                while s > 0, words[s - 1].isCapitalised, words[s - 1].punctuationAfter.isEmpty,
                    !Vocabulary.notNames.contains(words[s - 1])
                {
                    s -= 1
                }
                subject = words.text(s, i)
            } else if Vocabulary.subjectPronouns.contains(words[i]), let person = context.person {
                subject = person
            } else {
                continue
            }
            var r = i + 2
            // "was also then made General Secretary": adverbs, then the verb of the appointment.
            while r < n, Vocabulary.appointmentAdverbs.contains(words[r]) { r += 1 }
            if r < n, Vocabulary.appointmentVerbs.contains(words[r]) { r += 1 }
            if r < n, Vocabulary.appointmentLinks.contains(words[r]) { r += 1 }
            if r < n, Vocabulary.articles.contains(words[r]) { r += 1 }
            guard isRolePhrase(words, at: r) else { continue }
            addRole(person: subject, position: rolePhrase(words, from: r), text: sentence, context: context)
            return
        }
    }

    /// Roles told around a name: "Borisov, Kirov's bodyguard", "Kalinin, Soviet president", "the composer
    /// Shostakovich", "his position as secretary-general", "Yezhov was in charge of the NKVD".
    mutating func readAppositiveRoles(_ words: Words, sentence: String, context: Context) {
        let n = words.count
        var i = 0
        while i < n {
            // Word `i` read in place: a copy would retain its three strings, for every word of every sentence.
            guard words[i].isCapitalised, !words[i].isNumber, !Vocabulary.leadingFunctionWords.contains(words[i]) else {
                // "position as ROLE", "post as ROLE", "position of ROLE": the holder is the name before.
                if Vocabulary.postNouns.contains(words[i]), i + 2 < n, Vocabulary.postLinks.contains(words[i + 1]) {
                    // A post someone is put out of is theirs: "vote Trotsky out of the position of Commissar for
                    // war" (not the subject's, Stalin's).
                    let outOf = (max(1, i - 4)..<i).last { Vocabulary.oustingWords.contains(words[$0]) }
                    let ousted = outOf.flatMap { k -> String? in
                        let w = words[k - 1]
                        return w.isCapitalised && !w.isNumber && !Vocabulary.notNames.contains(w) ? w.text : nil
                    }
                    if let holder = ousted ?? nameBefore(i, in: words)
                        ?? (i >= 1 && Vocabulary.possessivePronouns.contains(words[i - 1]) ? context.person : nil)
                    {
                        var r = i + 2
                        if r < n, words[r].lower == "the" { r += 1 }
                        if isRolePhrase(words, at: r) {
                            addRole(person: holder, position: rolePhrase(words, from: r), text: sentence, context: context)
                        }
                    }
                }
                i += 1
                continue
            }
            let (start, end) = Self.run(words, from: i)
            guard start <= end, !words[start].isSingleLetter else {
                i = end + 1
                continue
            }
            let name = words.text(start, end)
            // After the name: ", a poet", ", Soviet president", ", Kirov's bodyguard", "was in charge of".
            if words[end].punctuationAfter == ",", end + 1 < n {
                var r = end + 1
                if Vocabulary.articlesOrFormer.contains(words[r]), r + 1 < n { r += 1 }
                if words[r].isPossessive, r + 1 < n { r += 1 }
                if r < n, isRolePhrase(words, at: r) || Vocabulary.occupations.contains(words[r]) {
                    addRole(person: name, position: rolePhrase(words, from: r), text: sentence, context: context)
                } else if r > end + 1, Vocabulary.articles.contains(words[r - 1]), let gloss = glossAfter(r, in: words),
                    // A name, not a word that opens the sentence ("Simultaneously, the…") or one a number leads
                    // into ("under the first FYP, the output…": the sentence goes on, it does not explain the name).
                    !(words[start].opensClause && start == end && !words[start].isAcronym),
                    start == 0 || !(Vocabulary.sequenceOrdinals.contains(words[start - 1])
                        || words[start - 1].isNumber || Vocabulary.placePrepositions.contains(words[start - 1]))
                {
                    // "GOSPLAN, the state planning department", "Pravda, the communist newspaper".
                    addDefinition(term: name, meaning: gloss, text: sentence, context: context)
                }
            } else if end + 3 < n, Vocabulary.wasIs.contains(words[end + 1]), words[end + 2].lower == "in",
                words[end + 3].lower == "charge", end + 5 < n
            {
                addRole(person: name, position: rolePhrase(words, from: end + 2), text: sentence, context: context)
            }
            // Before the name: "the composer Shostakovich", "prosecuter Andrei Vykinosky", "the coal miner, Stakhanov".
            if start >= 1, words[start - 1].punctuationAfter.isEmpty || words[start - 1].punctuationAfter == ",",
                Vocabulary.occupations.contains(words[start - 1]) || Vocabulary.roleNouns.contains(words[start - 1])
                    || Vocabulary.isTitle(words[start - 1].lower) && !words[start - 1].isCapitalised
            {
                var r = start - 1
                while r > 0, words[r - 1].punctuationAfter.isEmpty, !Vocabulary.leadingFunctionWords.contains(words[r - 1]),
                    !words[r - 1].isCapitalised || words[r - 1].lower == words[r - 1].text.lowercased(), start - r < 3
                {
                    r -= 1
                }
                if r == 0 || Vocabulary.roleLeadWords.contains(words[r - 1]) {
                    addRole(person: name, position: words.text(r, start - 1), text: sentence, context: context)
                }
            }
            i = end + 1
        }
    }

    /// The capitalised name just before word `index` in the same clause.
    func nameBefore(_ index: Int, in words: Words) -> String? {
        var k = index - 1
        while k >= 0 {
            let w = words[k]
            // Only within the clause: a comma or stop before the word ends the search.
            if !w.punctuationAfter.isEmpty, k < index - 1 { return nil }
            // The subject of the clause: a name followed by what it did ("Zinoviev lost his position"), not a
            // name describing something ("the Lenin enrolment programme").
            if w.isCapitalised, !w.isNumber, !Vocabulary.leadingFunctionWords.contains(w), !Vocabulary.notNames.contains(w),
                k + 1 < words.count,
                Vocabulary.personVerbs.contains(words[k + 1]) || TermShape.verbs.contains(words[k + 1])
                    || words[k + 1].lower.hasSuffix("ed")
            {
                return w.text
            }
            k -= 1
        }
        return nil
    }

    mutating func addRole(person: String, position: String, text: String, context: Context) {
        var person = person
        if person.hasSuffix("'s") || person.hasSuffix("’s") { person = String(person.dropLast(2)) }
        let date = DateFinder.dates(in: text).first?.when ?? context.date
        facts.append(
            Fact(
                kind: .role, text: text, subject: person, detail: position.trimmingPunctuation(), when: date,
                topic: context.topic, mentions: [person], citations: [context.citation]))
        if var e = names[person] {
            e.roleSubject += 1
            names[person] = e
        } else {
            var e = NameEvidence(name: person)
            e.roleSubject = 1
            names[person] = e
        }
    }

    // MARK: Quotes and causes

    /// Words in quotation marks, with the speaker when the sentence names one. With `namesOnly` (an exam
    /// question, whose marks give a claim to weigh, not someone's words), only the names in marks are noted.
    mutating func readQuotes(_ sentence: String, words: Words, context: Context, namesOnly: Bool = false) {
        guard Quotations.mayHave(sentence) else { return }
        for quote in Quotations.find(in: sentence) {
            let quoteWords = quote.words.wordCount
            // The text before the quotation (its offset counts scalars, as `words.offsets` does).
            let beforeText = String(decoding: words.bytes[..<words.offsets[min(quote.offset, words.offsets.count - 1)]], as: UTF8.self)
            let before = Words(beforeText)
            let speechVerb = before.items.suffix(6).contains { Vocabulary.speechVerbs.contains($0) }
            var speaker: String?
            // The last name before the quotation, or the person a heading is about for "he said".
            for k in stride(from: before.count - 1, through: 0, by: -1) {
                let w = before[k]
                if w.isCapitalised, !w.isNumber, !Vocabulary.notNames.contains(w), !w.isAcronym {
                    var s = k
                    while s > 0, before[s - 1].isCapitalised, before[s - 1].punctuationAfter.isEmpty,
                        !Vocabulary.notNames.contains(before[s - 1].lower)
                    {
                        s -= 1
                    }
                    speaker = before.text(s, k)
                    break
                }
                if Vocabulary.subjectPronouns.contains(w) {
                    speaker = context.person
                    break
                }
            }
            // A point that opens with the quotation quotes whoever its label or heading is about ("'grey blur' -
            // boring" under "Stalin"); so does a speech verb with nobody named ("claimed local officials 'over-
            // enthusiastic'").
            if speaker == nil, before.count == 0 || speechVerb { speaker = context.label ?? context.person }
            // A short phrase in quotation marks names a thing when the sentence treats it as a name ("known as
            // the 'second serfdom'", "a policy of 'Russification'", "the 'Great Turn'"); otherwise the marks are
            // the notes' own irony ("Yezhov 'unearthed' plots").
            let named = quote.words.first?.isUppercase == true
                || before.items.last.map { Vocabulary.namingCues.contains($0) } ?? false
            // One word in marks before a noun qualifies the noun ("the 'soft' approach to socialism").
            let qualifies = quoteWords == 1 && {
                let after = sentence.unicodeScalars.dropFirst(quote.offset + quote.words.unicodeScalars.count + 2)
                guard after.first == " ", let next = Words(String(after)).items.first else { return false }
                return !next.isCapitalised && !next.isNumber && !Vocabulary.notNames.contains(next)
                    && !TermShape.isVerbLike(next.lower)
            }()
            if quoteWords <= 4, !speechVerb, named, !qualifies, TermShape.isTermLike(quote.words) {
                noteTerm(quote.words, context: context) { $0.quoted += 1 }
            }
            if namesOnly { continue }
            // A short phrase in quotes is a quotation only with someone who said it ("Trotsky called him 'a grey
            // blur'"); without, it is a name for something ("a new label 'enemy of the state'").
            // Fewer words in quotation marks are a quotation when someone is said to say them or the point opens
            // with them; otherwise they name something ("Trotsky's policy of 'permanent revolution'", "trials of
            // 'crimes against the state'"), as a title does ("an article called 'Lessons of October'").
            let last = before.count >= 1 ? before[before.count - 1].lower : ""
            let secondLast = before.count >= 2 ? before[before.count - 2].lower : ""
            let titled = ["entitled", "titled"].contains(last)
                || (["called", "named"].contains(last) && before.count >= 2 && !before[before.count - 2].isCapitalised)
            let wholePoint = before.count == 0 && sentence.unicodeScalars.count <= quote.words.unicodeScalars.count + 4
            // After a preposition the marks name a thing ("argued for 'Socialism in one country'", "themes such as
            // 'How the steel was tempered'"); after "the statement that" they give a proposition, not someone's words.
            let aName = ["for", "against", "like"].contains(last) || (last == "as" && secondLast == "such")
            let proposition = last == "that"
                && ["statement", "view", "claim", "idea", "argument", "interpretation"].contains(secondLast)
            // One word for a doctrine or a process in marks names it ("labeled as exercising 'factionalism'").
            let concept = quoteWords == 1 && TermShape.isConceptNoun(quote.words)
            // "Bukharinite Model - 'socialism with a human face'": the phrase glosses the label, whose last word says
            // it is a thing (a model, a policy), not a person who said it.
            let gloss = before.count >= 1 && before.count <= 5 && before[before.count - 1].punctuationAfter.hasPrefix("-")
                && Vocabulary.kindNouns.contains(last)
            if titled || proposition || concept || gloss || (aName && quoteWords <= 12) { continue }
            // A point that opens with the speech verb leaves out who speaks ("claimed local officials 'over-
            // enthusiastic'"): still a quotation.
            let saidByTheTopic = before.count >= 1 && Vocabulary.speechVerbs.contains(before[0].lower)
            guard quoteWords >= 5 || wholePoint || saidByTheTopic || (speaker != nil && (speechVerb || before.count == 0))
            else { continue }
            var speakerName = speaker
            if let s = speakerName, s.hasSuffix("'s") || s.hasSuffix("’s") { speakerName = String(s.dropLast(2)) }
            facts.append(
                Fact(
                    kind: .quote, text: sentence, subject: speakerName, detail: quote.words, topic: context.topic,
                    mentions: mentions(words), citations: [context.citation]))
        }
    }

    /// The arrows of a chain, "-->" before "->" (the order a sentence is split in).
    static let arrows = ["-->", "->", "→", "=>", "⇒"]

    /// "A -> B -> C", "A led to B", "B because A", "as a result".
    mutating func readCause(_ sentence: String, words: Words, context: Context) {
        // Every arrow has a ">" or starts with the byte 0xE2 ("→", "⇒"): most sentences have neither.
        let mayHaveArrow = sentence.withBytes { $0.contains { $0 == UInt8(ascii: ">") || $0 == 0xE2 } }
        if mayHaveArrow, Self.arrows.contains(where: { sentence.has($0) }) {
            var steps = [sentence]
            for arrow in Self.arrows {
                steps = steps.flatMap { $0.pieces(separatedBy: arrow) }
            }
            steps = steps.map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
            guard steps.count >= 2 else { return }
            // "Troika -> carried out the executions", "Nikolaev-> the murderer who killed Kirov": an arrow from a
            // bare name to what it is or did glosses the name; nothing follows from anything.
            if steps.count == 2, Self.isBareName(steps[0]) {
                let right = Words(steps[1])
                if let first = right.items.first, !first.isCapitalised,
                    ["the", "a", "an", "to"].contains(first.lower) || TermShape.isVerbLike(first.lower)
                {
                    addDefinition(term: steps[0], meaning: steps[1], text: sentence, context: context, shapeSaysSo: true)
                    return
                }
            }
            facts.append(
                Fact(
                    kind: .cause, text: sentence, subject: steps[0], detail: steps[steps.count - 1], items: steps,
                    topic: context.topic, mentions: mentions(words), citations: [context.citation]))
            return
        }
        // Markers are found in the sentence's bytes with ASCII letters lowered, so offsets stay the sentence's own.
        let bytes = Array(sentence.utf8)
        let lower: [UInt8] = [0x20] + bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 } + [0x20]
        for (marker, causeFirst) in Vocabulary.causeMarkerBytes {
            guard let at = ByteSearch.firstOffset(of: marker, in: lower) else { continue }
            // Offsets in `lower` are one more than in `bytes` (the leading space).
            let leftEnd = max(0, min(bytes.count, at - 1))
            let rightStart = max(0, min(bytes.count, at - 1 + marker.count))
            let a = Self.withoutLinkWords(String(decoding: bytes[..<leftEnd], as: UTF8.self).trimmingPunctuation())
            let b = Self.withoutLinkWords(String(decoding: bytes[rightStart...], as: UTF8.self).trimmingPunctuation())
            guard a.wordCount >= 2, b.wordCount >= 2 else { continue }
            let (cause, effect) = causeFirst ? (a, b) : (b, a)
            facts.append(
                Fact(
                    kind: .cause, text: sentence, subject: cause, detail: effect, items: [cause, effect],
                    topic: context.topic, mentions: mentions(words), citations: [context.citation]))
            return
        }
    }
}

extension FactExtractor.Reader {
    /// Words that link a sentence to the one before ("To begin with,", "Therefore,", "In addition,"): not part of a
    /// cause or of what it led to.
    static let linkWords = [
        "to begin with", "in addition", "on the other hand", "furthermore", "moreover", "therefore", "besides",
        "nevertheless", "however", "hence", "similarly", "firstly", "secondly", "finally", "also", "thus",
    ]

    static let linkWordList = WordList(linkWords)

    static func withoutLinkWords(_ side: String) -> String {
        // A link word is what comes before the first comma ("However, …"): looked up once, not each tried in turn.
        guard let comma = side.utf8.firstIndex(of: UInt8(ascii: ",")) else { return side }
        let head = side[..<comma].lowercased()
        guard linkWordList.contains(head), side.utf8.count > head.utf8.count + 2 else { return side }
        return String(side[side.index(after: comma)...]).trimming([" "])
    }

    /// A name and nothing else: capitalised words (with "of", "the", "for" between them), at most five.
    static func isBareName(_ text: String) -> Bool {
        let words = Words(text)
        // A number or an ordinal may open it: "1st of December Law".
        let numeric = { (w: Words.Word) in w.isNumber || w.text.utf8.first.map { $0 &- 0x30 < 10 } == true }
        guard words.count >= 1, words.count <= 5, words[0].isCapitalised || numeric(words[0]) else { return false }
        // Two names joined by "and" are two things ("Zinoviev and Kamenev -> to be blamed"), not one name.
        return words.items.allSatisfy { $0.isCapitalised || numeric($0) || ["of", "the", "for", "st", "nd", "rd", "th"].contains($0.lower) }
    }
}

/// Quotations in a sentence: “…”, "…", ‘…’ and '…' (an apostrophe inside a word does not open one).
enum Quotations {
    struct Found {
        var words: String
        /// Where the opening mark is, in unicode scalars.
        var offset: Int
    }

    /// A quick look at the bytes: a double quote, a curly opening quote, or an apostrophe opening a word.
    static func mayHave(_ sentence: String) -> Bool {
        sentence.withBytes { bytes in
            var previous: UInt8 = 0x20
            for b in bytes {
                if b == 0x22 || (b == 0x27 && (previous == 0x20 || previous == 0x28)) { return true }
                if previous == 0x80, b == 0x9C || b == 0x98 { return true }  // “ ‘ (E2 80 9C, E2 80 98)
                previous = b
            }
            return false
        }
    }

    static func find(in sentence: String) -> [Found] {
        let text = ScalarText(sentence)
        let s = text.scalars
        var result: [Found] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            let closer: Unicode.Scalar?
            switch c {
            case "“": closer = "”"
            case "\"": closer = "\""
            case "‘": closer = "’"
            case "'": closer = (i == 0 || !s[i - 1].isLetter) ? "'" : nil
            default: closer = nil
            }
            guard let closer else {
                i += 1
                continue
            }
            var j = i + 1
            var found: Int?
            while j < s.count {
                if s[j] == closer {
                    // For apostrophe-like marks, the closer must not be inside a word ("Lenin's").
                    let insideWord = (closer == "'" || closer == "’") && j + 1 < s.count
                        && s[j + 1].isLetter && j > 0 && s[j - 1].isLetter
                    if !insideWord {
                        found = j
                        break
                    }
                }
                j += 1
            }
            guard let end = found, end > i + 1 else {
                i += 1
                continue
            }
            let inner = text.slice(i + 1, end).trimming([" "])
            if !inner.isEmpty { result.append(Found(words: inner, offset: i)) }
            i = end + 1
        }
        return result
    }
}

/// Cutting a long sentence down to the clause that holds a fact.
enum Clauses {
    /// The clause around a UTF-8 range: split at ";", ", " and " - ", widened until it has six words.
    static func around(_ range: Range<Int>, in sentence: String) -> String {
        guard sentence.wordCount > 25 else { return sentence }
        let bytes = Array(sentence.utf8)
        var cuts: [Int] = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ";") || (bytes[i] == UInt8(ascii: ",") && i + 1 < bytes.count && bytes[i + 1] == 0x20)
                || (bytes[i] == UInt8(ascii: "-") && i > 0 && bytes[i - 1] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x20)
            {
                cuts.append(i + 1)
            }
            i += 1
        }
        cuts.append(bytes.count + 1)
        guard let k = cuts.lastIndex(where: { $0 <= range.lowerBound }) else { return sentence }
        var a = k
        var b = k + 1
        func text() -> String {
            String(decoding: bytes[cuts[a]..<min(bytes.count, cuts[b] - 1)], as: UTF8.self).trimmingPunctuation()
        }
        while text().wordCount < 6 {
            if b + 1 < cuts.count { b += 1 } else if a > 0 { a -= 1 } else { break }
        }
        // "…were executed or sent to gulags, including 70% of the Central Committee": a clause that only adds
        // examples belongs to the clause before it, which says what happened to them.
        if a > 0, let lead = text().split(separator: " ").first?.lowercased(), ["including", "especially", "notably", "mostly", "mainly"].contains(lead) {
            a -= 1
        }
        return text()
    }

    /// A sentence with dates in separate clauses cut into one piece per date, each piece from the clause
    /// break before its date to the break before the next: "1925- Forced to resign, 1926- Expelled from
    /// Politburo". Nil when two dates share a clause (then the sentence is one event).
    static func perDate(_ dates: [DateFinder.Match], in sentence: String) -> [(String, DateFinder.Match)]? {
        let bytes = Array(sentence.utf8)
        var cuts: [Int] = [0]
        for date in dates.dropFirst() {
            // Back from the date to a comma, semicolon or " - " that ends the clause before it.
            var k = date.range.lowerBound
            var found: Int?
            while k > cuts[cuts.count - 1] {
                let b = bytes[k - 1]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") { found = k; break }
                k -= 1
            }
            guard let cut = found, cut > cuts[cuts.count - 1] else { return nil }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        var pieces: [(String, DateFinder.Match)] = []
        for (n, date) in dates.enumerated() {
            let piece = String(decoding: bytes[cuts[n]..<cuts[n + 1]], as: UTF8.self).trimmingPunctuation()
            guard piece.wordCount >= 2 else { return nil }
            var shifted = date
            // The date's place in the piece, for cutting it out of the event's detail.
            if let r = piece.byteRange(of: date.when.text) {
                let start = piece.utf8.distance(from: piece.utf8.startIndex, to: r.lowerBound)
                shifted.range = start..<(start + date.when.text.utf8.count)
            }
            pieces.append((piece, shifted))
        }
        return pieces
    }

    /// The first clause of a sentence, for a short factor or meaning.
    static func first(of sentence: String) -> String {
        guard sentence.wordCount > 14 else { return sentence.trimmingPunctuation() }
        for separator in [", ", "; ", " - ", " because ", " which "] {
            if let r = sentence.byteRange(of: separator), sentence[..<r.lowerBound].wordCount >= 4 {
                return String(sentence[..<r.lowerBound]).trimmingPunctuation()
            }
        }
        return sentence.trimmingPunctuation()
    }
}

/// Words the role patterns look for, as sets: they are asked of every word of every sentence.
enum RoleWords {
    static let linking: WordList = ["was", "became", "is", "remained", "served"]
    static let promoting: WordList = ["promoted", "appointed", "made", "named", "elected"]
    static let stops: WordList = ["which", "who", "that", "because", "when", "where", "while", "but", "so", "in", "after", "before", "until", "since", "during", "with", "by", "giving", "allowing", "meaning"]
}
