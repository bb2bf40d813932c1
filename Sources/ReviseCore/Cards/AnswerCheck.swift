import Foundation

/// A typed answer held against the card's answer, leniently: case, accents, punctuation, "the", small typos and
/// numbers written as words do not count against it. The verdict comes with the rating it suggests.
public enum AnswerCheck {
    public enum Verdict: String, Sendable, Equatable {
        case right, close, wrong

        public var suggestedRating: Rating {
            switch self {
            case .right: .good
            case .close: .hard
            case .wrong: .again
            }
        }
    }

    /// Whether a card's answer is short enough to type: a name, a year, a number, a term.
    public static func canType(_ answer: String) -> Bool {
        answer.wordCount >= 1 && answer.wordCount <= 6 && !answer.contains("\n")
    }

    public static func check(_ typed: String, against answer: String) -> Verdict {
        let t = words(typed)
        let a = words(answer)
        guard !t.isEmpty else { return .wrong }
        if t == a { return .right }
        // "Stalin" for "Joseph Stalin", "1928" for "1928–1932": every typed word is in the answer and says enough.
        let typedSet = Set(t)
        let answerSet = Set(a)
        if typedSet.isSubset(of: answerSet), typedSet.count * 2 >= answerSet.count || typedSet.contains(where: { $0.count >= 4 }) && answerSet.count <= 2 {
            return .right
        }
        let joinedTyped = t.joined(separator: " ")
        let joinedAnswer = a.joined(separator: " ")
        let distance = EntityResolver.editDistance(joinedTyped, joinedAnswer)
        if distance <= max(1, joinedAnswer.count / 6) { return joinedAnswer.allSatisfy(\.isNumber) ? .wrong : .close }
        if answerSet.isSubset(of: typedSet) { return .close }
        return .wrong
    }

    /// Lowercased words without accents, punctuation or articles, numbers as digits.
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var pieces = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        pieces.removeAll { ["the", "a", "an"].contains($0) }
        return numbersAsDigits(pieces)
    }

    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    /// "seven million" → "7000000", "twenty five" → "25"; "10 million" → "10000000"; other words unchanged.
    static func numbersAsDigits(_ words: [String]) -> [String] {
        var out: [String] = []
        var total = 0
        var current = 0
        var inNumber = false
        func flush() {
            if inNumber { out.append(String(total + current)) }
            total = 0
            current = 0
            inNumber = false
        }
        for w in words {
            if let u = units[w] {
                current += u
                inNumber = true
            } else if let n = Int(w.filter { $0 != "," }), !w.isEmpty, w.allSatisfy({ $0.isNumber || $0 == "," }) {
                if inNumber { flush() }
                current = n
                inNumber = true
            } else if let s = scales[w], inNumber {
                if s == 100 {
                    current *= 100
                } else {
                    total += current * s
                    current = 0
                }
            } else if w == "and", inNumber {
                continue
            } else {
                flush()
                out.append(w)
            }
        }
        flush()
        return out
    }
}
