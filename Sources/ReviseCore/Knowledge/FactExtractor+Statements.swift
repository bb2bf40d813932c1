extension FactExtractor.Reader {
    typealias Context = FactExtractor.Context

    /// One item or paragraph: each of its sentences, then the patterns that need the whole line.
    mutating func readStatement(_ text: String, node: OutlineNode, context: Context) {
        let sentences = Sentences.split(text)
        for (k, sentence) in sentences.enumerated() {
            // "In 1917 he was made Commissar for Nationalities. Stalin was also then made General Secretary":
            // "then" is the year of the sentence before.
            if context.date == nil, k > 0, sentence.utf8.count > 6, sentence.has(" then "),
                DateFinder.dates(in: sentence).isEmpty, let earlier = DateFinder.dates(in: sentences[k - 1]).last?.when
            {
                var dated = context
                dated.date = earlier
                readSentence(sentence, context: dated)
            } else {
                readSentence(sentence, context: context)
            }
        }
        if let label = context.label {
            readLabel(label, text: text, context: context)
        } else if context.isItem {
            readDash(text, context: context)
        }
        readParenthesis(text, context: context)
    }

    mutating func readSentence(_ sentence: String, context: Context) {
        let words = Words(sentence)
        readNames(words, context: context, isTitle: false)
        let dates = DateFinder.dates(in: sentence)
        if dates.count > 1, let pieces = Clauses.perDate(dates, in: sentence) {
            // "1925- Forced to resign…, 1926- Expelled from Politburo": one event for each dated clause.
            for (piece, date) in pieces { addEvent(sentence: piece, date: date, context: context) }
        } else if let date = dates.first, !Self.isPointOfComparison(date, in: words) {
            addEvent(sentence: sentence, date: date, context: context, words: words)
        } else if let inherited = context.date, sentence.wordCount >= 2 {
            facts.append(
                Fact(
                    kind: .event, text: sentence, subject: firstName(words), detail: sentence, when: inherited,
                    topic: context.topic, mentions: mentions(words), citations: [context.citation]))
        }
        for match in QuantityFinder.mayHaveQuantities(words) ? QuantityFinder.quantities(in: sentence, skipping: dates) : [] {
            let clause = Clauses.around(match.range, in: sentence)
            facts.append(
                Fact(
                    kind: .statistic, text: clause, subject: clause, detail: match.quantity.text,
                    when: dates.first?.when ?? context.date, quantity: match.quantity, topic: context.topic,
                    mentions: mentions(words), citations: [context.citation]))
        }
        readQuotes(sentence, words: words, context: context)
        if Vocabulary.mayJoinCauses(words) { readCause(sentence, words: words, context: context) }
        readRole(words, sentence: sentence, context: context)
        readAppositiveRoles(words, sentence: sentence, context: context)
        readCopula(words, sentence: sentence, context: context)
        if sentence.has(", which") { readWhich(words, sentence: sentence, context: context) }
        if sentence.has(" join") { readJoined(words, context: context) }
        if sentence.has(" those who") || sentence.has(" those that") || sentence.has(" people who") {
            readThoseWho(words, sentence: sentence, context: context)
        }
        if words.count >= 4, sentence.has(" known ") || sentence.has(" called ") || sentence.has(" referred ")
            || sentence.has(" termed ") || sentence.has(" nicknamed ")
        {
            readKnownAs(words, sentence: sentence, context: context)
        }
    }

    /// A year the sentence measures against, not the one its event happened in: "barely returned to that of the
    /// Tsar in 1913", "doubling the amount in 1929", "back to the level of 1913", "higher than in 1928". Not a year
    /// something lasted until ("not above pre-collectivisation levels until 1935").
    static func isPointOfComparison(_ date: DateFinder.Match, in words: Words) -> Bool {
        let items = words.items
        guard let k = items.firstIndex(where: { words.offsets[$0.start] >= date.range.lowerBound }), k >= 1,
            !Vocabulary.untilWords.contains(items[k - 1])
        else { return false }
        let window = max(0, k - 5)..<k
        if items[window].contains(where: { Vocabulary.comparisonWords.contains($0) }) { return true }
        return window.contains { j in
            j + 1 < k && Vocabulary.levelWords.contains(items[j]) && items[j + 1].lower == "of"
        }
    }

    mutating func addEvent(sentence: String, date: DateFinder.Match, context: Context, words: Words? = nil) {
        let words = words ?? Words(sentence)
        let clause = Clauses.around(date.range, in: sentence)
        let detail = Self.withoutDate(clause, date.when.text)
        facts.append(
            Fact(
                kind: .event, text: clause, subject: firstName(words), detail: detail.isEmpty ? nil : detail,
                when: date.when, topic: context.topic, mentions: mentions(words), citations: [context.citation]))
    }

    /// Words that only lead up to a date: "in", "by", "from", "until", "the", …
    static let wordsLeadingToDates: WordList = [
        "in", "by", "during", "from", "since", "the", "between", "of", "on", "until", "untill", "till", "after",
        "before", "around", "c",
    ]

    /// A statement with its date taken out, and the words that only led up to the date: "The plan began in
    /// 1928" → "The plan began".
    static func withoutDate(_ text: String, _ date: String) -> String {
        guard let range = text.byteRange(of: date) else { return text.trimmingPunctuation() }
        let before = Words(String(text[..<range.lowerBound]))
        var keep = before.count
        while keep > 0, Self.wordsLeadingToDates.contains(before[keep - 1]) {
            keep -= 1
        }
        // Up to where the dropped words start, keeping what follows the last kept word ("300%").
        let cut = keep == before.count ? before.bytes.count : before.offsets[before[keep].start]
        let head = String(decoding: before.bytes[..<cut], as: UTF8.self)
        var tail = String(text[range.upperBound...]).trimmingPunctuation()
        // "from 1932 onwards": the word that finishes the date goes with it.
        for word in ["onwards ", "onward "] where (tail + " ").hasPrefix(word) {
            tail = String(tail.dropFirst(word.count - 1)).trimmingPunctuation()
        }
        let joined = head.trimmingPunctuation() + (tail.isEmpty || head.isEmpty ? "" : " ") + tail
        return InlineText.collapseWhitespace(joined).trimmingPunctuation()
    }

    /// A card the student wrote: a short front is a term, its back the meaning; a dated answer is an event.
    mutating func readCard(_ node: OutlineNode, context: Context) {
        let front = node.text
        let back = node.answer ?? ""
        readNames(in: front, context: context, isTitle: false)
        readNames(in: back, context: context, isTitle: false)
        // "'grey blur' - boring": a card whose front is a quotation.
        if Quotations.mayHave(front) { readQuotes(front, words: Words(front), context: context) }
        let frontDates = DateFinder.dates(in: front)
        let backDates = DateFinder.dates(in: back)
        if let date = backDates.first ?? frontDates.first {
            let text = front.hasSuffix("?") ? front + " " + back : front + ": " + back
            facts.append(
                Fact(
                    kind: .event, text: text, subject: firstName(Words(front)), detail: front, when: date.when,
                    topic: context.topic, mentions: mentions(Words(front + " " + back)),
                    citations: [context.citation]))
        } else if !front.hasSuffix("?"), front.wordCount <= 6, !back.isEmpty {
            addDefinition(term: front, meaning: back, text: front + ": " + back, context: context, shapeSaysSo: true)
        }
    }

    /// An exam question, what it commands, and the factors its answer or plan uses.
    func question(at index: Int, citation: Citation, topic: [String]) -> ExamQuestion {
        let node = outline.nodes[index]
        let command = ExamQuestion.Command(asking: node.text)
        var factors: [String] = []
        for child in outline.childIndices(of: index) {
            let n = outline.nodes[child]
            var factor: String
            if let label = n.label {
                factor = label
            } else if n.kind == .section {
                factor = NodeShapes.headingText(n.text)
            } else {
                factor = Clauses.first(of: Sentences.split(n.text).first ?? n.text)
            }
            factor = factor.trimmingPunctuation()
            if !factor.isEmpty, !factors.contains(factor) { factors.append(factor) }
            if factors.count == 10 { break }
        }
        return ExamQuestion(
            text: node.text, marks: node.marks, command: command, topic: topic, factors: factors, citation: citation)
    }

    // MARK: Names

    mutating func readNames(in text: String, context: Context, isTitle: Bool) {
        readNames(Words(text), context: context, isTitle: isTitle)
    }

    /// Records every run of capitalised words with the clues around it, and counts lowercase words, so a word
    /// that is only capitalised at the start of sentences is not taken for a name.
    mutating func readNames(_ words: Words, context: Context, isTitle: Bool) {
        let n = words.count
        guard n > 0 else { return }
        var capitals = 0
        for k in 0..<n where !words[k].isNumber {
            if words[k].isCapitalised { capitals += 1 } else { lowercaseWords.add(words[k]) }
        }
        let titleCase = isTitle || (n >= 3 && capitals * 2 > n)
        var runs: [(name: String, start: Int, end: Int)] = []
        for run in Self.nameRuns(words) {
            if run.isPair {
                noteTerm(run.text, context: context) { $0.count += 1 }
            } else if let name = recordName(words, start: run.start, end: run.end, context: context, titleCase: titleCase) {
                runs.append((name, run.start, run.end))
                // A name and the word for what it is name one thing together: "the Nazi-Soviet pact". A word that
                // opens a sentence must be a name by its shape ("Stakhanovite movement", not "Food crisis").
                let nameByShape = !words[run.start].opensClause || run.start < run.end
                    || ["ite", "ist", "ian"].contains(where: words[run.start].lower.hasSuffix)
                if !titleCase, nameByShape, run.end + 1 < n, words[run.end].punctuationAfter.isEmpty,
                    !words[run.end].isPossessive, !words[run.end + 1].isCapitalised,
                    Vocabulary.namedThingHeads.contains(words[run.end + 1])
                {
                    noteTerm(words.text(run.start, run.end + 1), context: context) {
                        $0.count += 1
                        $0.defined += 1
                    }
                }
            }
        }
        // Names in one list: "Bukharin, Rykov and Tomsky", "Kamenev and Zinoviev".
        guard runs.count >= 2 else { return }
        var group: [String] = [runs[0].name]
        var hasConjunction = false
        func flushGroup() {
            // "A and B", "A, B and C", "A, B, C": a list; "Furthermore, Stalin" is not.
            if group.count >= 3 || (group.count == 2 && hasConjunction) {
                for name in group {
                    for other in group where other != name {
                        if let partners = names[name]?.partners, !partners.contains(other),
                            partners.count < NameEvidence.partnerLimit
                        {
                            names[name]?.partners.append(other)
                        }
                    }
                }
            }
        }
        for k in 1..<runs.count {
            let previous = runs[k - 1]
            let current = runs[k]
            let between = current.start - previous.end - 1
            let comma = between == 0 && [",", "&", "/"].contains(words[previous.end].punctuationAfter)
            // "Ukraine, Kazakhstan and the Caucasus": "the" may follow the "and".
            let conjunction =
                (between == 0 && ["&", "/"].contains(words[previous.end].punctuationAfter))
                || ((between == 1 || (between == 2 && words[previous.end + 2].lower == "the"))
                    && Vocabulary.conjunctions.contains(words[previous.end + 1])
                    && [",", ""].contains(words[previous.end].punctuationAfter)
                    && words[previous.end + 1].punctuationAfter.isEmpty)
            if comma || conjunction {
                group.append(current.name)
                if conjunction { hasConjunction = true }
            } else {
                flushGroup()
                group = [current.name]
                hasConjunction = false
            }
        }
        flushGroup()
    }

    /// The capitalised run starting at `i`: "Red Army", "Commissar for Nationalities", "Karl Radek"; leading
    /// common words ("The") dropped. Returns the first and last word of the name.
    static func run(_ words: Words, from i: Int) -> (Int, Int) {
        let n = words.count
        var j = i
        while j + 1 < n, words[j].punctuationAfter.isEmpty, !words[j].isPossessive {
            if words[j + 1].isCapitalised, !words[j + 1].isNumber, !Vocabulary.leadingFunctionWords.contains(words[j + 1]) {
                j += 1
            } else if (words[j + 1].lower == "of" || words[j + 1].lower == "for"), words[j + 1].punctuationAfter.isEmpty, j + 2 < n,
                Vocabulary.roleNouns.contains(words[i]) || Vocabulary.institutionHeads.contains(words[i])
                    || Vocabulary.institutionHeads.contains(words[j])
                    // A title after a word for a made thing: "his book Foundations of Leninism".
                    || (i > 0 && words[i - 1].punctuationAfter.isEmpty && !words[i - 1].isCapitalised
                        && Vocabulary.thingNouns.contains(words[i - 1])),
                words[j + 2].isCapitalised, !words[j + 2].isNumber, !Vocabulary.notNames.contains(words[j + 2])
            {
                j += 2
            } else if words[j + 1].lower == "and",
                j == i || (j == i + 1 && Vocabulary.leadingFunctionWords.contains(words[i]))
                    || (j > i && Vocabulary.nameLinks.contains(words[j - 1])),
                words[j + 1].punctuationAfter.isEmpty, j + 2 < n, words[j + 2].isCapitalised,
                let head = (j + 2..<min(n, j + 5)).first(where: { Vocabulary.institutionHeads.contains(words[$0]) }),
                (j + 2...head).allSatisfy({ words[$0].isCapitalised && ($0 == head || words[$0].punctuationAfter.isEmpty) })
            {
                // "Workers and Peasants Inspectorate", "Head of Workers and Peasants Inspectorate": one body named
                // with an "and" after one word ("Truman Doctrine and Marshall Plan" are two names).
                j = head
                break
            } else if words[j + 1].lower == "the", j == i, words[j + 1].punctuationAfter.isEmpty, j + 2 < n, words[j + 2].isCapitalised,
                !words[j + 2].isNumber, !Vocabulary.notNames.contains(words[j + 2]), !words[i].isAcronym
            {
                // "Peter the Great", "Ivan the Terrible".
                j += 2
                break
            } else {
                break
            }
        }
        var start = i
        while start <= j, Vocabulary.leadingFunctionWords.contains(words[start])
            || (start == j && Vocabulary.notNames.contains(words[start]))
        {
            start += 1
        }
        // A title opens the run: "Marshal Tukhachevsky" is Tukhachevsky.
        if start < j, Vocabulary.titles.contains(words[start]), !Vocabulary.roleNouns.contains(words[start + 1]) {
            start += 1
        }
        return (start, j)
    }

    /// Counts one use of a name and the clues around it; returns the name as recorded.
    mutating func recordName(_ words: Words, start: Int, end j: Int, context: Context, titleCase: Bool) -> String? {
        let name = words.text(start, j)
        // Updated where it is kept: a copy taken out and put back copied its citations on every use.
        Self.weigh(
            &names[name, default: NameEvidence(name: name)], words, start: start, end: j, context: context,
            titleCase: titleCase)
        return name
    }

    /// Punctuation after a name that a description of it follows: "Bauman, a ruthless man", "Kalinin - president".
    static let appositionGaps: WordList = [",", "-", "–", "->", ":", "—"]

    /// The clues around one use of a name, added to its evidence.
    static func weigh(
        _ e: inout NameEvidence, _ words: Words, start: Int, end j: Int, context: Context, titleCase: Bool
    ) {
        let n = words.count
        e.count += 1
        if !words[start].opensClause, !titleCase { e.midSentence += 1 }
        if titleCase { e.inTitles += 1 }
        func strong() {
            e.personCues += 1
            e.strongPersonCues += 1
        }
        // The words around the name are read in place, by index: a copy of a word retains its three strings.
        if start > 0 {
            let before = start - 1
            let gap = words[before].punctuationAfter
            if Vocabulary.isTitle(words[before].lower), gap.isEmpty || gap == "." { strong() }
            if words[before].isSingleLetter, words[before].isCapitalised, gap == "." {
                strong()
                e.midSentence += 1
            }
            if words[before].lower == "to", gap.isEmpty, start >= 2, words[start - 2].lower == "according" { strong() }
            // "Two such people were Tatlin and Lissitzky", "writers such as Gorky".
            if Vocabulary.exampleLeadIns.contains(words[before]), gap.isEmpty,
                start >= 2, Vocabulary.isPeopleNoun(words[start - 2].lower)
                    || (start >= 3 && words[start - 2].lower == "such" && Vocabulary.isPeopleNoun(words[start - 3].lower))
            {
                strong()
            }
            // After "the", or after a person's possessive ("Lenin's Last Testament"): a thing's name.
            if words[before].lower == "the" || (words[before].isPossessive && words[before].isCapitalised), gap.isEmpty {
                e.afterThe += 1
                // A name of several words that is someone's is a thing they made or had: "Lenins' Last Testament".
                if words[before].isPossessive, start < j, !titleCase { e.defined += 1 }
                let next = j + 1 < n ? words[j + 1].lower : ""
                if !titleCase, words[j].punctuationAfter != "/", next != "of",
                    j + 1 == n || !words[j].punctuationAfter.isEmpty || Vocabulary.notNames.contains(next) || next.hasSuffix("ed")
                        || TermShape.verbs.contains(next)
                {
                    e.aloneAfterThe += 1
                }
            }
            if Vocabulary.placePrepositions.contains(words[before]), gap.isEmpty,
                !(start >= 2 && words[start - 2].lower == "according")
            {
                e.placeCues += 1
            }
            // "the city of Magnitogorsk", "the region of the Caucasus": a word for a place says so outright.
            let ofAt = words[before].lower == "the" && start >= 3 ? start - 2 : start - 1
            if words[ofAt].lower == "of", words[ofAt].punctuationAfter.isEmpty, ofAt >= 1,
                Vocabulary.isPlaceHead(words[ofAt - 1].lower), words[ofAt - 1].punctuationAfter.isEmpty
            {
                e.placeCues += 2
            }
            // "the Party's newspaper Pravda", "the policy of War Communism": the words before say what the name is.
            let kindAt = words[before].lower == "of" && gap.isEmpty && start >= 2 ? start - 2 : start - 1
            if Vocabulary.thingNouns.contains(words[kindAt]), words[kindAt].punctuationAfter.isEmpty,
                !words[kindAt].isCapitalised, kindAt == start - 1 || Vocabulary.kindNouns.contains(words[kindAt]),
                j + 1 >= n || words[j + 1].lower != "of"
            {
                e.defined += 1
            }
            if Vocabulary.kin.contains(words[before]), gap.isEmpty || gap == "," { strong() }
            // "the wife of Kalinin", "the death of Lenin".
            if words[before].lower == "of", gap.isEmpty, start >= 2,
                Vocabulary.personalEvents.contains(words[start - 2]) || Vocabulary.kin.contains(words[start - 2])
            {
                strong()
            }
        }
        // A plural word opening a sentence ("Governments wanted…") says nothing by the verb after it.
        let verbsCount = !(words[j].lower.hasSuffix("s") && !words[j].lower.hasSuffix("ss") && !words[j].isPossessive
            && (words[start].opensClause || start < j))
        if j + 1 < n {
            let after = j + 1
            let gap = words[j].punctuationAfter
            // "the Donbas region", "the Baltic provinces".
            if gap.isEmpty, !words[j].isPossessive, !words[after].isCapitalised, Vocabulary.isPlaceHead(words[after].lower) {
                e.placeCues += 2
            }
            if words[j].isPossessive, Vocabulary.humanNouns.contains(words[after]) || Vocabulary.personNouns.contains(words[after]) {
                strong()
            } else if gap.isEmpty || gap == "," {
                if words[after].lower == "who", gap.isEmpty || gap == "," {
                    strong()
                } else if verbsCount, Vocabulary.strongPersonVerbs.contains(words[after]), gap.isEmpty {
                    strong()
                } else if verbsCount, Vocabulary.personVerbs.contains(words[after]), gap.isEmpty {
                    e.personCues += 1
                } else if verbsCount, Vocabulary.pastBe.contains(words[after]), gap.isEmpty, j + 2 < n,
                    Vocabulary.personPassives.contains(words[j + 2])
                        || (j + 3 < n && Vocabulary.sequenceAdverbs.contains(words[j + 2])
                            && Vocabulary.personPassives.contains(words[j + 3]))
                {
                    strong()
                }
            }
            // "Bauman, a ruthless man", "Kalinin, Soviet president", "Borisov, Kirov's bodyguard".
            if Self.appositionGaps.contains(gap) {
                let window = words.items[(j + 1)..<min(n, j + 6)]
                if let noun = window.first(where: { Vocabulary.personNouns.contains($0) }),
                    window.prefix(while: { $0.start < noun.start }).allSatisfy({ $0.punctuationAfter.isEmpty || $0.punctuationAfter == "/" || $0.isPossessive })
                {
                    strong()
                }
            }
        }
        // "he", "his" later in the same sentence.
        if (j + 1..<min(n, j + 13)).contains(where: { Vocabulary.personalPronouns.contains(words[$0]) }) {
            e.personCues += 1
        }
        if e.citations.count < NameEvidence.citationLimit, e.citations.last != context.citation {
            e.citations.append(context.citation)
        }
    }

    /// The names a sentence mentions, as written.
    func mentions(_ words: Words) -> [String] {
        var result: [String] = []
        for run in Self.nameRuns(words) where !result.contains(run.text) { result.append(run.text) }
        return result
    }

    /// A name in a sentence: a capitalised run, or two initials for two people ("K and Z", kept as "K&Z").
    struct NameRun {
        var text: String
        var start: Int
        var end: Int
        var isPair: Bool
    }

    /// The names of a sentence in order: what `readNames` weighs and `mentions` lists.
    static func nameRuns(_ words: Words) -> [NameRun] {
        var result: [NameRun] = []
        let n = words.count
        var i = 0
        while i < n {
            let w = words[i]
            guard w.isCapitalised, !w.isNumber else {
                i += 1
                continue
            }
            if w.isSingleLetter, i + 2 < n, words[i + 1].lower == "and", words[i + 2].isSingleLetter,
                words[i + 2].isCapitalised, w.punctuationAfter.isEmpty
            {
                result.append(NameRun(text: w.text + "&" + words[i + 2].text, start: i, end: i + 2, isPair: true))
                i += 3
                continue
            }
            var (start, end) = run(words, from: i)
            // An ordinal opens a name of several words: "the 13th Party Conference".
            if start < end, start == i, start > 0, words[start - 1].punctuationAfter.isEmpty, words[start - 1].isOrdinal {
                start -= 1
            }
            // A single capital is an initial ("M. Malia"), not a name.
            if start <= end, !words[start].isSingleLetter || start < end {
                result.append(NameRun(text: words.text(start, end), start: start, end: end, isPair: false))
            }
            i = end + 1
        }
        return result
    }

    func firstName(_ words: Words) -> String? { mentions(words).first }

    /// The name a heading or lead-in opens with: "Stalin's powerbases" → "Stalin", "Zinoviev:" → "Zinoviev".
    func leadingName(_ text: String) -> String? {
        let words = Words(text)
        guard words.count > 0, words[0].isCapitalised, !words[0].isAcronym, !words[0].isNumber,
            !Vocabulary.notNames.contains(words[0]), !Vocabulary.roleNouns.contains(words[0])
        else { return nil }
        if words[0].isPossessive || words.count == 1 || !words[0].punctuationAfter.isEmpty { return words[0].text }
        // "Stalins Power Base": a name whose possessive lost its apostrophe.
        if words[0].lower.hasSuffix("s"), words[1].isCapitalised { return String(words[0].text.dropLast()) }
        if words[1].isCapitalised, !Vocabulary.notNames.contains(words[1]), words.count == 2 {
            return words.text(0, 1)
        }
        return nil
    }
}
