/// An exam question found in the notes, with what it asks for and the factors the notes offer for it.
public struct ExamQuestion: Hashable, Sendable, Codable {
    /// What the question asks the student to do, from its command words.
    public enum Command: String, Hashable, Sendable, Codable, CaseIterable {
        case describe
        case explainWhy = "explain why"
        case howFarDoYouAgree = "how far do you agree"
        case howSignificant = "how significant"
        case other
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
