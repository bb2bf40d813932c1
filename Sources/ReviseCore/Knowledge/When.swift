/// A date as notes give it: a year, a month or a day, a range ("1928-32"), a decade ("1920s"), or a bound
/// ("by 1935"). `text` keeps the words as written; the numbers make it sortable and comparable.
public struct When: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Qualifier: String, Hashable, Sendable, Codable {
        /// On or during the date.
        case on
        /// By the date: at the latest.
        case by
        /// Before or after the date.
        case before, after
        /// Around the date.
        case around
        /// The early, middle or late part of a decade or year.
        case early, mid, late
    }

    public var year: Int
    public var month: Int?
    public var day: Int?
    /// The last year of a range or decade; nil for a single date.
    public var endYear: Int?
    public var endMonth: Int?
    public var endDay: Int?
    public var qualifier: Qualifier
    /// The words as the notes wrote them: "1928-32", "in the late 1920s".
    public var text: String

    public init(
        year: Int, month: Int? = nil, day: Int? = nil, endYear: Int? = nil, endMonth: Int? = nil,
        endDay: Int? = nil, qualifier: Qualifier = .on, text: String
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.endYear = endYear
        self.endMonth = endMonth
        self.endDay = endDay
        self.qualifier = qualifier
        self.text = text
    }

    /// The last year the date covers.
    public var lastYear: Int { endYear ?? year }

    public var isRange: Bool { endYear != nil && endYear != year }

    /// A range written backwards ("1944-1938"): a slip of the pen.
    public var isBackwards: Bool { endYear.map { $0 < year } ?? false }

    /// The date as it was most likely meant: a range written backwards read with the one digit changed that
    /// makes it run forwards over the fewest years ("1944-1938" is 1934-1938); any other date as it is.
    public var plausible: When {
        guard let endYear, endYear < year, let (start, end) = When.plausibleRange(year, endYear) else { return self }
        var result = self
        result.year = start
        result.endYear = end
        return result
    }

    /// The nearest forward reading of a backwards range, changing one digit of its start (else of its end) and
    /// keeping it to 30 years at most; nil when no one-digit slip explains it.
    static func plausibleRange(_ start: Int, _ end: Int) -> (Int, Int)? {
        func variants(_ year: Int) -> [Int] {
            var result: [Int] = []
            for power in [1, 10, 100] {
                let digit = year / power % 10
                for d in 0...9 where d != digit { result.append(year + (d - digit) * power) }
            }
            return result
        }
        if let start = variants(start).filter({ $0 < end && end - $0 <= 30 }).max() { return (start, end) }
        if let end = variants(end).filter({ $0 > start && $0 - start <= 30 }).min() { return (start, end) }
        return nil
    }

    /// True when the two dates could be the same time: equal, or one inside the other.
    public func overlaps(_ other: When) -> Bool {
        year <= other.lastYear && other.year <= lastYear
    }

    /// A normalised form: "1928–1932", "March 1921", "5 March 1953", "by 1935", "1920s".
    public var description: String {
        var start = "\(year)"
        if let month {
            start = When.monthNames[month - 1] + " " + start
            if let day { start = "\(day) " + start }
        }
        var result = start
        if let endYear, endYear != year || endMonth != nil {
            var end = "\(endYear)"
            if let endMonth {
                end = When.monthNames[endMonth - 1] + " " + end
                if let endDay { end = "\(endDay) " + end }
            }
            result = start + "–" + end
            if month == nil, endMonth == nil, year % 10 == 0, endYear == year + 9, text.hasSuffix("s") {
                result = "\(year)s"
            }
        }
        switch qualifier {
        case .on: return result
        case .by: return "by " + result
        case .before: return "before " + result
        case .after: return "after " + result
        case .around: return "c. " + result
        case .early, .mid, .late: return qualifier.rawValue + " " + result
        }
    }

    public static func < (a: When, b: When) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0, a.lastYear) < (b.year, b.month ?? 0, b.day ?? 0, b.lastYear)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
