/// The language of every heading and label of a report or export; the content stays as typed.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fr
    case en

    public func pick(fr: String, en: String) -> String { self == .fr ? fr : en }
}
