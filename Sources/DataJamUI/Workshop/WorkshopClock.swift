import DataJamCore

extension OpenWorkshop {
    /// The offset the header clock shows an open workshop's time in: the workshop's own time zone
    /// (it happens in one place, whatever the machine's zone), else the machine's for a file
    /// written before workshops had one.
    public func clockOffset(at moment: Timestamp, machine: Int64) -> Int64 {
        workshop.details.timeZone == nil ? machine : workshop.timeZone.offsetSeconds(at: moment)
    }
}
