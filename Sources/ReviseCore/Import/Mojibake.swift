/// Repairs UTF-8 that was decoded as Windows-1252 somewhere on its way into the notes ("ðŸª–" back to "🪖",
/// "â€™" back to "’"). A run is replaced only when its bytes form one valid UTF-8 character.
public enum Mojibake {
    public static func repair(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if let lead = Windows1252.byteForScalar[s[i].value], let length = sequenceLength(lead),
                i + length <= s.count
            {
                var bytes = [lead]
                for j in 1..<length {
                    guard let b = Windows1252.byteForScalar[s[i + j].value], (0x80...0xBF).contains(b) else { break }
                    bytes.append(b)
                }
                if bytes.count == length, let repaired = String(validating: bytes, as: UTF8.self),
                    let scalar = repaired.unicodeScalars.first
                {
                    out.append(scalar)
                    i += length
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    public static func repair(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: repair(Array(text.unicodeScalars)))
        return String(view)
    }

    static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: nil
        }
    }

    /// True when the text still holds a typical mis-decoded sequence.
    public static func looksMisdecoded(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return repair(scalars) != scalars
    }
}
