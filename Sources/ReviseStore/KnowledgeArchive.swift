import ReviseCore

/// What a source says (`SourceKnowledge`), packed with `ArchiveWriter` for the store.
enum KnowledgeArchive {
    static let tag: [UInt8] = Array("RVK5".utf8)
    /// The format before strings were shared: still read.
    static let unshared: [UInt8] = Array("RVK4".utf8)

    private static let factKinds = Fact.Kind.allCases
    private static let qualifiers: [When.Qualifier] = [.on, .by, .before, .after, .around, .early, .mid, .late]
    private static let commands = ExamQuestion.Command.allCases

    static func encode(_ knowledge: SourceKnowledge) -> [UInt8] {
        var out = ArchiveWriter(tag: tag, capacity: knowledge.facts.count * 160)
        out.sharingStrings()
        out.sharedString(knowledge.source)
        out.int(knowledge.facts.count)
        for fact in knowledge.facts {
            out.int(factKinds.firstIndex(of: fact.kind)!)
            out.string(fact.text)
            out.optionalString(fact.subject)
            out.optionalString(fact.detail)
            if let when = fact.when {
                out.byte(1)
                write(when, &out)
            } else {
                out.byte(0)
            }
            if let q = fact.quantity {
                out.byte(1)
                out.double(q.value)
                out.byte(q.endValue == nil ? 0 : 1)
                if let end = q.endValue { out.double(end) }
                out.byte(q.high == nil ? 0 : 1)
                if let high = q.high { out.double(high) }
                out.optionalString(q.unit)
                out.string(q.text)
            } else {
                out.byte(0)
            }
            out.strings(fact.items)
            out.strings(fact.topic)
            out.strings(fact.mentions)
            out.citations(fact.citations)
        }
        out.int(knowledge.questions.count)
        for q in knowledge.questions {
            out.string(q.text)
            out.optionalInt(q.marks)
            out.int(commands.firstIndex(of: q.command)!)
            out.strings(q.topic)
            out.strings(q.factors)
            out.citations([q.citation])
        }
        out.int(knowledge.cards.count)
        for card in knowledge.cards { out.card(card) }
        out.int(knowledge.names.count)
        for e in knowledge.names {
            out.sharedString(e.name)
            for value in [
                e.count, e.midSentence, e.lowercase, e.personCues, e.strongPersonCues, e.placeCues, e.afterThe,
                e.aloneAfterThe, e.inTitles, e.roleSubject, e.defined, e.emphasised, e.quoted,
            ] {
                out.int(value)
            }
            out.strings(e.partners)
            out.citations(e.citations)
        }
        return out.bytes
    }

    private static func write(_ when: When, _ out: inout ArchiveWriter) {
        out.int(when.year)
        out.optionalInt(when.month)
        out.optionalInt(when.day)
        out.optionalInt(when.endYear)
        out.optionalInt(when.endMonth)
        out.optionalInt(when.endDay)
        out.int(qualifiers.firstIndex(of: when.qualifier)!)
        out.string(when.text)
    }

    static func decode(_ bytes: [UInt8]) throws(ArchiveDamaged) -> SourceKnowledge {
        var r: ArchiveReader
        if bytes.starts(with: unshared) {
            r = try ArchiveReader(bytes, tag: unshared)
        } else {
            r = try ArchiveReader(bytes, tag: tag)
            r.sharingStrings()
        }
        var knowledge = SourceKnowledge(source: try r.sharedString())
        let factCount = try r.count()
        knowledge.facts.reserveCapacity(factCount)
        for _ in 0..<factCount {
            let kind = try r.choice(factKinds)
            let text = try r.string()
            let subject = try r.optionalString()
            let detail = try r.optionalString()
            let when = try r.byte() == 1 ? try readWhen(&r) : nil
            var quantity: Quantity?
            if try r.byte() == 1 {
                let value = try r.double()
                let end = try r.byte() == 1 ? try r.double() : nil
                let high = try r.byte() == 1 ? try r.double() : nil
                quantity = Quantity(value: value, endValue: end, high: high, unit: try r.optionalString(), text: try r.string())
            }
            knowledge.facts.append(
                Fact(
                    kind: kind, text: text, subject: subject, detail: detail, when: when, quantity: quantity,
                    items: try r.strings(), topic: try r.strings(), mentions: try r.strings(),
                    citations: try r.citations()))
        }
        let questionCount = try r.count()
        for _ in 0..<questionCount {
            let text = try r.string()
            let marks = try r.optionalInt()
            let command = try r.choice(commands)
            let topic = try r.strings()
            let factors = try r.strings()
            guard let citation = try r.citations().first else { throw ArchiveDamaged(offset: r.offset) }
            knowledge.questions.append(
                ExamQuestion(text: text, marks: marks, command: command, topic: topic, factors: factors, citation: citation))
        }
        let cardCount = try r.count()
        for _ in 0..<cardCount { knowledge.cards.append(try r.card()) }
        let nameCount = try r.count()
        for _ in 0..<nameCount {
            var e = NameEvidence(name: try r.sharedString())
            e.count = try r.int()
            e.midSentence = try r.int()
            e.lowercase = try r.int()
            e.personCues = try r.int()
            e.strongPersonCues = try r.int()
            e.placeCues = try r.int()
            e.afterThe = try r.int()
            e.aloneAfterThe = try r.int()
            e.inTitles = try r.int()
            e.roleSubject = try r.int()
            e.defined = try r.int()
            e.emphasised = try r.int()
            e.quoted = try r.int()
            e.partners = try r.strings()
            e.citations = try r.citations()
            knowledge.names.append(e)
        }
        guard r.isAtEnd else { throw ArchiveDamaged(offset: r.offset) }
        return knowledge
    }

    private static func readWhen(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> When {
        let year = try r.int()
        let month = try r.optionalInt()
        let day = try r.optionalInt()
        let endYear = try r.optionalInt()
        let endMonth = try r.optionalInt()
        let endDay = try r.optionalInt()
        let qualifier = try r.choice(qualifiers)
        return When(
            year: year, month: month, day: day, endYear: endYear, endMonth: endMonth, endDay: endDay,
            qualifier: qualifier, text: try r.string())
    }
}
