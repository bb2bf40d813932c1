/// What all the notes say together: facts merged across sources (one event told three times is one event with
/// three citations), entities with their aliases resolved, exam questions, the conflicts between sources, and
/// the cards the student wrote.
public struct KnowledgeBase: Hashable, Sendable, Codable {
    public var facts: [Fact]
    public var entities: [Entity]
    public var questions: [ExamQuestion]
    public var conflicts: [Conflict]
    /// Cards written in the notes or brought from another tool, as written: never rephrased, never doubled by a
    /// card written from the same lines.
    public var cards: [Card]

    public init(
        facts: [Fact] = [], entities: [Entity] = [], questions: [ExamQuestion] = [], conflicts: [Conflict] = [],
        cards: [Card] = []
    ) {
        self.facts = facts
        self.entities = entities
        self.questions = questions
        self.conflicts = conflicts
        self.cards = cards
    }

    /// Merges what each source says.
    public static func merge(_ sources: [SourceKnowledge]) -> KnowledgeBase {
        let resolver = EntityResolver(sources)
        var facts: [Fact] = []
        for source in sources {
            for fact in source.facts {
                if let resolved = resolver.resolve(fact) { facts.append(resolved) }
            }
        }
        facts = FactMerger.merge(facts)
        let entities = resolver.entities(with: facts)
        let questions = sources.flatMap(\.questions)
        let conflicts = ConflictFinder.conflicts(in: facts, people: Set(entities.filter { $0.kind == .person }.map(\.name)))
        return KnowledgeBase(
            facts: facts, entities: entities, questions: questions, conflicts: conflicts, cards: sources.flatMap(\.cards))
    }

    /// The entity a user means by `name`: its name or one of its aliases, any case; else the closest start.
    public func entity(named name: String) -> Entity? {
        let lower = name.lowercased()
        return entities.first { $0.name.lowercased() == lower }
            ?? entities.first { $0.aliases.contains { $0.lowercased() == lower } }
            ?? entities.first { $0.name.lowercased().hasPrefix(lower) }
    }

    /// The facts that mention an entity (by its name or an alias).
    public func facts(about entity: Entity) -> [Fact] {
        let names = Set([entity.name] + entity.aliases)
        return facts.filter { fact in
            fact.subject.map { names.contains($0) } == true || fact.mentions.contains { names.contains($0) }
        }
    }

    public var people: [Entity] { entities.filter { $0.kind == .person } }
    public var terms: [Entity] { entities.filter { $0.kind != .person } }

    /// Dated events in time order.
    public var timeline: [Fact] {
        facts.filter { $0.kind == .event && $0.when != nil }.sorted {
            ($0.when!, $0.citations.first!) < ($1.when!, $1.citations.first!)
        }
    }
}
