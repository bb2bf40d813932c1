/// Lines that revision-card websites add around a set and that are never part of the notes.
enum Boilerplate {
    static func isBoilerplate(_ content: Substring) -> Bool {
        guard let lead = content.utf8.first, content.utf8.count <= 170 else { return false }
        var text = content
        if lead >= 0x80 || lead == UInt8(ascii: "-") || lead == UInt8(ascii: "*") {
            guard let marker = ListMarker(content) else { return false }
            text = marker.rest
        }
        // Every phrase below starts with one of these letters; most lines are ruled out by their first byte.
        guard text.utf8.count <= 160, let first = text.utf8.first,
            [UInt8(ascii: "h"), UInt8(ascii: "c"), UInt8(ascii: "n"), UInt8(ascii: "s")].contains(first | 0x20)
        else { return false }
        let lower = text.lowercased()
        if lower == "hideshow resource information" || lower == "hide show resource information" { return true }
        if lower.hasPrefix("created by:") || lower.hasPrefix("created on:") { return true }
        if lower.hasPrefix("no comments have yet been made") { return true }
        if lower.hasPrefix("similar "), lower.hasSuffix("resources:") { return true }
        if lower.hasPrefix("see all "), lower.has("resources") { return true }
        return false
    }

    /// "12 of 30": the line that closes a card.
    static func cardNumber(_ content: Substring) -> (number: Int, total: Int)? {
        guard content.utf8.count <= 13, let first = content.utf8.first, (0x30...0x39).contains(first) else {
            return nil
        }
        let parts = content.split(separator: " ")
        guard parts.count == 3, parts[1] == "of", let n = Int(parts[0]), let m = Int(parts[2]), n >= 1, n <= m
        else { return nil }
        return (n, m)
    }
}
