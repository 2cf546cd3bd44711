/// What `datajam --version` prints: the release a facilitator's binary was built from.
enum DataJamVersion {
    static let current = "0.9.0"
}
