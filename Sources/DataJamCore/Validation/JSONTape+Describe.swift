import Foundation

extension JSONTape {
    /// How a reader would name a value found where something else was expected: "text", "a
    /// number", "a list", … (nil: "nothing", the value is absent).
    func describe(_ index: Int?) -> String {
        guard let index else { return "nothing" }
        switch entries[index].kind {
        case .null: return "null"
        case .true: return "true"
        case .false: return "false"
        case .object: return "an object"
        case .array: return "a list"
        case .string:
            let s = text(index)
            return "the text \"\(s.prefix(30))\(s.count > 30 ? "…" : "")\""
        case .number:
            // Spelled as Foundation spells the number it reads (1.50 is "1.5"), as messages always
            // have; the number's own text when Foundation holds no such number (1e400).
            let raw = Data(UnsafeBufferPointer(rebasing: self.raw(index)))
            if let number = (try? JSONSerialization.jsonObject(with: raw, options: .fragmentsAllowed)) as? NSNumber {
                return "the number \(number)"
            }
            return "the number \(String(decoding: raw, as: UTF8.self))"
        }
    }
}
