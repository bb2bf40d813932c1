extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ characters: Set<Character>) -> String {
        var s = self[...]
        while let first = s.first, characters.contains(first) { s = s.dropFirst() }
        while let last = s.last, characters.contains(last) { s = s.dropLast() }
        return String(s)
    }

    /// The text without the given characters (or spaces) at its end.
    func trimmingTrailing(_ characters: Set<Character>) -> String {
        var s = self[...]
        while let last = s.last, characters.contains(last) || last == " " { s = s.dropLast() }
        return String(s)
    }
}
