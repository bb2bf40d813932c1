/// An exam question found in the notes, with what it asks for and the factors the notes offer for it.
public struct ExamQuestion: Hashable, Sendable, Codable {
    /// What the question asks the student to do, from its command words.
    public enum Command: String, Hashable, Sendable, Codable, CaseIterable {
        case describe
        case explainWhy = "explain why"
        case howFarDoYouAgree = "how far do you agree"
        case howSignificant = "how significant"
        case other

        /// The command of a question, from its first matching phrase: "How far do you agree?",
        /// "Why did…", "Describe…".
        public init(asking question: String) {
            let lower = question.lowercased()
            self = Self.phrases.first { lower.has($0.phrase) }?.command ?? .other
        }

        static let phrases: [(phrase: String, command: Command)] = [
            ("how far do you agree", .howFarDoYouAgree), ("to what extent", .howFarDoYouAgree),
            ("how far", .howFarDoYouAgree), ("agree or disagree", .howFarDoYouAgree),
            ("how significant", .howSignificant), ("how important", .howSignificant),
            ("significance", .howSignificant), ("explain why", .explainWhy), ("why", .explainWhy),
            ("explain how", .explainWhy), ("explain", .explainWhy), ("account for", .explainWhy),
            ("describe", .describe), ("outline", .describe), ("what were", .describe), ("what was", .describe),
        ]
    }

    public var text: String
    public var marks: Int?
    public var command: Command
    /// The section path above the question.
    public var topic: [String]
    /// The factors the notes' own plan or answer uses: headings, lead-ins and the points they argue.
    public var factors: [String]
    public var citation: Citation

    public init(
        text: String, marks: Int?, command: Command, topic: [String] = [], factors: [String] = [],
        citation: Citation
    ) {
        self.text = text
        self.marks = marks
        self.command = command
        self.topic = topic
        self.factors = factors
        self.citation = citation
    }
}
