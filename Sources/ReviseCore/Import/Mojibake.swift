/// Repairs UTF-8 that was decoded as Windows-1252 somewhere on its way into the notes ("ðŸª–" back to "🪖",
/// "â€™" back to "’"). A run is replaced only when its bytes form one valid UTF-8 character.
public enum Mojibake {
    public static func repair(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        ScalarRewrite.apply(s) { i in
            guard let lead = Windows1252.byteForScalar[s[i].value], let length = sequenceLength(lead),
                i + length <= s.count
            else { return nil }
            var bytes = [lead]
            for j in 1..<length {
                guard let b = Windows1252.byteForScalar[s[i + j].value], (0x80...0xBF).contains(b) else { return nil }
                bytes.append(b)
            }
            guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { return nil }
            return (scalar, length)
        }
    }

    public static func repair(_ text: String) -> String { ScalarRewrite.apply(text, repair) }

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
