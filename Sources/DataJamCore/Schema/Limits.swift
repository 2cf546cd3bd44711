/// Bounds a session file must keep. They protect the app from a corrupt or hostile file (a 2 GB
/// string, a million nested arrays) and are far above anything a workshop produces. The JSON
/// Schema states the same numbers.
public enum Limits {
    /// Longest finding, recommendation, context or notes text, in Unicode scalars.
    public static let longText = 20_000
    /// Longest name, label, theme or short field, in Unicode scalars.
    public static let shortText = 500
    /// Largest session file read (64 MiB: a 10,000-finding workshop is about 5 MiB).
    public static let fileBytes = 64 * 1024 * 1024
    /// Deepest nesting of arrays and objects (a valid file needs 5).
    public static let nestingDepth = 32
    /// Largest headcount of a participant group.
    public static let headcount = 100_000
    /// Longest planned duration of a session, in minutes.
    public static let plannedMinutes = 24 * 60
    /// Id syntax: letters, digits, dot, underscore, dash; starting with a letter or digit.
    public static let idPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
}
