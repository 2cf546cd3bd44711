/// The interface language. French first: the workshops run in French.
public enum Lang: String, Sendable, CaseIterable {
    case fr
    case en

    /// `--lang`, else the locale's language (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else French.
    public static func resolve(argument: String?, environment: [String: String]) -> Lang? {
        if let argument { return Lang(rawValue: argument.lowercased()) }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
            if value.hasPrefix("en") { return .en }
            if value.hasPrefix("fr") { return .fr }
            if value != "c" && value != "posix" && !value.hasPrefix("c.") { return .fr }
        }
        return .fr
    }

    public func pick(fr: String, en: String) -> String { self == .fr ? fr : en }
}

/// A text of the interface in both languages, declared where it is used.
public struct Localized: Sendable, Hashable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public init(_ both: String) {
        fr = both
        en = both
    }

    public func callAsFunction(_ lang: Lang) -> String { lang == .fr ? fr : en }
}
