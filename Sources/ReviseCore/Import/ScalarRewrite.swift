/// Rewrites a run of Unicode scalars left to right: at each position `replacement` may consume some scalars and
/// give one in their place; otherwise the scalar is kept. Shared by the entity decoder and the mojibake repair.
enum ScalarRewrite {
    static func apply(
        _ s: [Unicode.Scalar], _ replacement: (_ at: Int) -> (scalar: Unicode.Scalar, consumed: Int)?
    ) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if let (scalar, consumed) = replacement(i) {
                out.append(scalar)
                i += consumed
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    static func apply(_ text: String, _ rewrite: ([Unicode.Scalar]) -> [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: rewrite(Array(text.unicodeScalars)))
        return String(view)
    }
}
