/// How an answer to a question of one command and mark total is marked: its levels with their mark bands and
/// descriptors, and how the marks are shared between the four things examiners reward (docs/MARKING.md).
public struct MarkScheme: Hashable, Sendable, Codable {
    public struct Level: Hashable, Sendable, Codable {
        public var number: Int
        public var low: Int
        public var high: Int
        /// What an answer at this level does, in the exam boards' words.
        public var descriptor: String
    }

    /// The marks each part of the answer can earn; they add up to the question's marks.
    public struct Shares: Hashable, Sendable, Codable {
        /// Points explained and linked to the question (or, for "describe", features described).
        public var explanation: Double
        /// Precise knowledge: dates and figures.
        public var evidence: Double
        /// The other side, or a qualification, argued.
        public var balance: Double
        /// A judgement that answers the question, with its reason.
        public var judgement: Double
    }

    public var command: ExamQuestion.Command
    public var marks: Int
    public var levels: [Level]
    public var shares: Shares
    /// How many points, reasons or features the top level needs.
    public var pointsExpected: Int
    /// How many dates and figures the top level needs.
    public var evidenceExpected: Int

    public init(command: ExamQuestion.Command, marks: Int) {
        self.command = command
        self.marks = max(1, marks)
        let m = Double(self.marks)
        switch command {
        case .describe:
            shares = Shares(explanation: m * 0.7, evidence: m * 0.3, balance: 0, judgement: 0)
            pointsExpected = max(2, min(4, self.marks / 2))
        case .explainWhy:
            shares = Shares(explanation: m * 0.6, evidence: m * 0.15, balance: m * 0.1, judgement: m * 0.15)
            pointsExpected = self.marks <= 8 ? 2 : self.marks <= 12 ? 3 : 4
        case .howFarDoYouAgree, .howSignificant, .other:
            shares = Shares(explanation: m * 0.4, evidence: m * 0.2, balance: m * 0.2, judgement: m * 0.2)
            pointsExpected = self.marks <= 12 ? 3 : 4
        }
        evidenceExpected = max(1, min(8, self.marks / 3))
        levels = Self.levels(command: command, marks: self.marks)
    }

    /// The marks a question is worth: those printed with it, else what its command usually carries.
    public static func marks(for question: ExamQuestion) -> Int {
        if let marks = question.marks, marks > 0 { return marks }
        switch question.command {
        case .describe: return 4
        case .explainWhy: return 6
        case .howFarDoYouAgree, .howSignificant, .other: return 10
        }
    }

    /// The level whose band holds a mark (rounded to a whole mark).
    public func level(for mark: Double) -> Level {
        let whole = Int(mark.rounded())
        return levels.last { whole >= $0.low } ?? levels[0]
    }

    static func levels(command: ExamQuestion.Command, marks: Int) -> [Level] {
        let descriptors: [String]
        switch command {
        case .describe:
            descriptors = [
                "Describes in general terms: a feature or two, with little specific detail.",
                "Describes features accurately, each supported by specific knowledge (dates, names, figures).",
            ]
        case .explainWhy:
            descriptors = [
                "Describes what happened without explaining why; knowledge is general.",
                "Explains a reason, with some specific knowledge, but the link to the question is not developed.",
                "Explains two or more reasons, each supported by accurate, specific knowledge and linked back to the question, and draws them together.",
            ]
        case .howFarDoYouAgree, .howSignificant, .other:
            var list = [
                "Describes the topic with general knowledge; little or no explanation, no judgement.",
                "Explains one side of the question with some specific knowledge; a judgement, if any, is asserted rather than argued.",
                "Analyses several factors with accurate, specific knowledge, linked to the question; some balance, or a judgement that is only partly supported.",
                "Evaluates both sides with precise, well-chosen knowledge and reaches a substantiated judgement that answers the question.",
            ]
            if marks >= 25 {
                list[3] = "Evaluates both sides with precise knowledge and a judgement, but the weighing of factors is uneven."
                list.append(
                    "Sustained evaluation throughout: every factor weighed against the question, precise knowledge, and a clear, substantiated overall judgement.")
            }
            descriptors = list
        }
        // Bands split the marks as evenly as they go, the lower bands taking any remainder last.
        let count = min(descriptors.count, marks)
        var result: [Level] = []
        var low = 1
        for k in 0..<count {
            let size = (marks - low + 1) / (count - k)
            let high = k == count - 1 ? marks : low + size - 1
            result.append(Level(number: k + 1, low: low, high: high, descriptor: descriptors[k]))
            low = high + 1
        }
        return result
    }

    /// What the command word and the marks ask of the student.
    public var demands: String {
        let points = pointsExpected
        switch command {
        case .describe:
            return "Describe \(points) or more relevant features, each with supporting detail (a date, a name or a figure). No explanation or judgement is needed."
        case .explainWhy:
            return "Give \(points) or more reasons. Explain each one in its own paragraph with specific evidence, and end the paragraph by linking it back to the question (\"this meant that…\"). Finish with which reason mattered most."
        case .howFarDoYouAgree:
            return "Argue both sides: explain \(points) or more points for and against the statement, each with precise evidence, then reach a judgement (\"to a large extent…\") and say why the stronger side outweighs the other."
        case .howSignificant:
            return "Set out criteria for significance (how many people, how long, how deep a change). Weigh this factor against \(max(1, points - 1)) or more others, with precise evidence, and reach a substantiated judgement on how significant it was."
        case .other:
            return "Explain \(points) or more points with precise evidence, consider another view, and reach a supported conclusion."
        }
    }
}
