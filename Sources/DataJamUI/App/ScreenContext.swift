import DataJamCore

/// What a session screen's update and view need besides the workshop: the language, the time,
/// and the area of the screen they own (for scrolling and paging).
public struct ScreenContext: Sendable {
    public var lang: Lang
    public var now: Timestamp
    public var area: Rect
    /// Seconds east of UTC of the local clock, for times shown and typed (14:05).
    public var utcOffsetSeconds: Int64

    public init(lang: Lang, now: Timestamp, area: Rect, utcOffsetSeconds: Int64 = 0) {
        self.lang = lang
        self.now = now
        self.area = area
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}
