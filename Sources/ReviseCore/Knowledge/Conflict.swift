/// Places where the notes disagree: different numbers or dates for the same thing.
public struct Conflict: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The claims are about the same thing and cannot all be right.
        case conflict
        /// The claims look alike but may be about different things (other years, other places).
        case mayDifferInScope = "may differ in scope"
    }

    /// One source's side.
    public struct Claim: Hashable, Sendable, Codable {
        /// The value claimed, as written: "10 million", "1926".
        public var value: String
        /// The statement it comes from.
        public var text: String
        public var citation: Citation

        public init(value: String, text: String, citation: Citation) {
            self.value = value
            self.text = text
            self.citation = citation
        }
    }

    /// What the claims are about: "famine deaths", "Trotsky expelled".
    public var topic: String
    public var severity: Severity
    public var claims: [Claim]

    public init(topic: String, severity: Severity, claims: [Claim]) {
        self.topic = topic
        self.severity = severity
        self.claims = claims
    }
}
