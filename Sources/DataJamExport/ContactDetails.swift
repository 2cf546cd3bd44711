import Foundation

/// E-mail addresses, @handles and phone numbers in free text: removed from anonymised exports
/// whoever they belong to, since each leads to one person as surely as a name.
enum ContactDetails {
    /// `nom.prenom@ministere.gov.tn`, `contact@thnity.tn`.
    private static let email = try? NSRegularExpression(pattern: #"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}"#)
    /// `@thnity_tn` (not the `@` inside an address, handled above).
    private static let handle = try? NSRegularExpression(pattern: #"(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_.]{2,}[A-Za-z0-9_]"#)
    /// `+216 71 123 456`, `00216-98-123-456`, `98 123 456`, `71.123.456`: 8 to 15 digits in
    /// groups separated by one space, dot or dash, with an optional `+` or `00`.
    private static let phone = try? NSRegularExpression(pattern: #"(?<![\p{L}\p{N}+.,/-])(?:\+|00)?\d(?:[ .-]?\d){7,14}(?![\p{L}\p{N}]|[.,-]\d)"#)
    /// Dates and years that look like long numbers: `2023-11-27`, `27.11.2023`, `2023 2024`.
    private static let notPhone = try? NSRegularExpression(pattern: #"^(?:\d{4}-\d{2}-\d{2}|\d{2}[.-]\d{2}[.-]\d{4}|\d{4}(?: \d{4})+)$"#)

    static func redact(_ text: String) -> String {
        // Most texts hold neither an @ nor eight digits: skip the expressions for them.
        var digits = 0
        var hasAt = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { hasAt = true } else if byte >= 0x30, byte <= 0x39 { digits += 1 }
        }
        guard hasAt || digits >= 8 else { return text }
        var result = text
        if hasAt {
            result = replace(email, in: result)
            result = replace(handle, in: result)
        }
        if digits >= 8 { result = replace(phone, in: result) { !matches(notPhone, $0) } }
        return result
    }

    private static func replace(_ expression: NSRegularExpression?, in text: String, when keep: (String) -> Bool = { _ in true }) -> String {
        guard let expression else { return text }
        let whole = NSRange(text.startIndex..., in: text)
        var result = text
        for match in expression.matches(in: text, range: whole).reversed() {
            guard let range = Range(match.range, in: result), keep(String(result[range])) else { continue }
            result.replaceSubrange(range, with: Anonymizer.placeholder)
        }
        return result
    }

    private static func matches(_ expression: NSRegularExpression?, _ text: String) -> Bool {
        guard let expression else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
