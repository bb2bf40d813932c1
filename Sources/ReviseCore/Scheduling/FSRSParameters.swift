#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The 21 weights of the FSRS-6 memory model, checked against the bounds the model allows.
///
/// Defaults and bounds are those of FSRS-6 as published (py-fsrs 6.3, fsrs-rs): a user's own weights come from
/// fitting their review history.
public struct FSRSParameters: Hashable, Sendable, Codable {
    public let weights: [Double]

    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
        0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0, 0.1,
    ]
    public static let upperBounds: [Double] = [
        100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8,
    ]

    public static let `default` = try! FSRSParameters(defaultWeights)

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public init(_ weights: [Double]) throws {
        guard weights.count == 21 else {
            throw Invalid(description: "FSRS-6 needs 21 parameters, got \(weights.count)")
        }
        var problems: [String] = []
        for (k, w) in weights.enumerated() where !(w >= Self.lowerBounds[k] && w <= Self.upperBounds[k]) {
            problems.append("parameter \(k + 1) is \(w), outside \(Self.lowerBounds[k])…\(Self.upperBounds[k])")
        }
        guard problems.isEmpty else { throw Invalid(description: problems.joined(separator: "; ")) }
        self.weights = weights
    }

    /// "0.212, 1.2931, …": the 21 numbers, separated by commas.
    public init(parsing text: String) throws {
        var numbers: [Double] = []
        for (k, piece) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let trimmed = piece.trimming([" ", "\t", "\n"])
            guard let value = Double(trimmed), value.isFinite else {
                throw Invalid(description: "parameter \(k + 1), '\(trimmed)', is not a number")
            }
            numbers.append(value)
        }
        try self.init(numbers)
    }

    subscript(_ k: Int) -> Double { weights[k] }

    /// The forgetting curve's exponent (negative) and the factor that makes R(S) = 90% at t = S.
    var decay: Double { -weights[20] }
    var factor: Double { pow(0.9, 1 / decay) - 1 }
}
