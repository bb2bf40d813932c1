extension FactExtractor.Reader {
    typealias Context = FactExtractor.Context

    /// One item or paragraph: each of its sentences, then the patterns that need the whole line.
    mutating func readStatement(_ text: String, node: OutlineNode, context: Context) {
        let sentences = Sentences.split(text)
        for sentence in sentences {
            readSentence(sentence, context: context)
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
        if let date = dates.first {
            addEvent(sentence: sentence, date: date, context: context)
        } else if let inherited = context.date, sentence.wordCount >= 2 {
            facts.append(
                Fact(
                    kind: .event, text: sentence, subject: firstName(words), detail: sentence, when: inherited,
                    topic: context.topic, mentions: mentions(words), citations: [context.citation]))
        }
        for match in QuantityFinder.quantities(in: sentence, skipping: dates) {
            let clause = Clauses.around(match.range, in: sentence)
            facts.append(
                Fact(
                    kind: .statistic, text: clause, subject: clause, detail: match.quantity.text,
                    when: dates.first?.when ?? context.date, quantity: match.quantity, topic: context.topic,
                    mentions: mentions(words), citations: [context.citation]))
        }
        readQuotes(sentence, words: words, context: context)
        readCause(sentence, context: context)
        readRole(words, sentence: sentence, context: context)
        readCopula(words, sentence: sentence, context: context)
    }

    mutating func addEvent(sentence: String, date: DateFinder.Match, context: Context) {
        let words = Words(sentence)
        let clause = Clauses.around(date.range, in: sentence)
        var detail = clause.replacingFirst(date.when.text, with: "")
        detail = detail.trimmingPunctuation()
        facts.append(
            Fact(
                kind: .event, text: clause, subject: firstName(words), detail: detail.isEmpty ? nil : detail,
                when: date.when, topic: context.topic, mentions: mentions(words), citations: [context.citation]))
    }

    /// A card the student wrote: a short front is a term, its back the meaning; a dated answer is an event.
    mutating func readCard(_ node: OutlineNode, context: Context) {
        let front = node.text
        let back = node.answer ?? ""
        readNames(in: front, context: context, isTitle: false)
        readNames(in: back, context: context, isTitle: false)
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
            facts.append(
                Fact(
                    kind: .definition, text: front + ": " + back, subject: front, detail: back, topic: context.topic,
                    mentions: mentions(Words(front)), citations: [context.citation]))
        }
    }

    /// An exam question, what it commands, and the factors its answer or plan uses.
    func question(at index: Int, citation: Citation, topic: [String]) -> ExamQuestion {
        let node = outline.nodes[index]
        let lower = node.text.lowercased()
        var command = ExamQuestion.Command.other
        for (phrase, c) in Vocabulary.commands where lower.has(phrase) {
            command = c
            break
        }
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
        let capitals = words.items.filter { $0.isCapitalised && !$0.isNumber }.count
        let titleCase = isTitle || (n >= 3 && capitals * 2 > n)
        var i = 0
        while i < n {
            let w = words[i]
            if !w.isCapitalised || w.isNumber {
                if !w.isNumber { lowercaseWords[w.lower, default: 0] += 1 }
                i += 1
                continue
            }
            // A run of capitalised words joined by spaces: "Red Army", "Leon Trotsky".
            var j = i
            while j + 1 < n, words[j].punctuationAfter.isEmpty, !words[j].isPossessive, words[j + 1].isCapitalised,
                !words[j + 1].isNumber, !Vocabulary.notNames.contains(words[j + 1].lower)
            {
                j += 1
            }
            var start = i
            while start <= j, Vocabulary.notNames.contains(words[start].lower) { start += 1 }
            if start <= j {
                let name = words.text(start, j)
                var e = names[name] ?? NameEvidence(name: name)
                e.count += 1
                if !words[start].opensClause, !titleCase { e.midSentence += 1 }
                if titleCase { e.inTitles += 1 }
                let before = start > 0 ? words[start - 1].lower : ""
                if start > 0, words[start - 1].punctuationAfter.isEmpty || words[start - 1].punctuationAfter == "." {
                    if Vocabulary.titles.contains(before) {
                        e.personCues += 1
                        e.strongPersonCues += 1
                    }
                    if before == "the" { e.afterThe += 1 }
                    if Vocabulary.placePrepositions.contains(before) { e.placeCues += 1 }
                }
                if j + 1 < n {
                    let after = words[j + 1].lower
                    if words[j].isPossessive, Vocabulary.humanNouns.contains(after) {
                        e.personCues += 1
                        e.strongPersonCues += 1
                    } else if words[j].punctuationAfter.isEmpty || words[j].punctuationAfter == "," {
                        if Vocabulary.strongPersonVerbs.contains(after) {
                            e.personCues += 1
                            e.strongPersonCues += 1
                        } else if Vocabulary.personVerbs.contains(after) {
                            e.personCues += 1
                        }
                    }
                }
                // "he", "his" later in the same sentence.
                if words.items[(j + 1)...].prefix(12).contains(where: { $0.lower == "he" || $0.lower == "his" || $0.lower == "she" || $0.lower == "him" }) {
                    e.personCues += 1
                }
                if e.citations.count < NameEvidence.citationLimit, e.citations.last != context.citation {
                    e.citations.append(context.citation)
                }
                names[name] = e
            }
            i = j + 1
        }
    }

    /// The names a sentence mentions, as written.
    func mentions(_ words: Words) -> [String] {
        var result: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            guard w.isCapitalised, !w.isNumber, !Vocabulary.notNames.contains(w.lower) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < words.count, words[j].punctuationAfter.isEmpty, !words[j].isPossessive,
                words[j + 1].isCapitalised, !words[j + 1].isNumber, !Vocabulary.notNames.contains(words[j + 1].lower)
            {
                j += 1
            }
            let name = words.text(i, j)
            if !result.contains(name) { result.append(name) }
            i = j + 1
        }
        return result
    }

    func firstName(_ words: Words) -> String? { mentions(words).first }

    /// The name a heading or lead-in opens with: "Stalin's powerbases" → "Stalin", "Zinoviev:" → "Zinoviev".
    func leadingName(_ text: String) -> String? {
        let words = Words(text)
        guard words.count > 0, words[0].isCapitalised, !words[0].isAcronym, !words[0].isNumber,
            !Vocabulary.notNames.contains(words[0].lower), !Vocabulary.roleNouns.contains(words[0].lower)
        else { return nil }
        if words[0].isPossessive || words.count == 1 || !words[0].punctuationAfter.isEmpty { return words[0].text }
        // "Stalins Power Base": a name whose possessive lost its apostrophe.
        if words[0].lower.hasSuffix("s"), words[1].isCapitalised { return String(words[0].text.dropLast()) }
        if words[1].isCapitalised, !Vocabulary.notNames.contains(words[1].lower), words.count == 2 {
            return words.text(0, 1)
        }
        return nil
    }
}
