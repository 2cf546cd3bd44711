import DataJamCore
import Foundation

/// Session files broken the ways people, tools and disks break them: from valid seeds (the
/// shipped samples, generated workshops), each case applies one to three mutations of bytes,
/// values, timestamps or keys. Deterministic for a seed, so a failure replays.
///
/// Most value mutations keep the file loadable (a timestamp at the edge of the range, a text in
/// another script, a null for an optional field), so that what comes after loading gets exercised
/// too; byte and key mutations mostly produce files the loader must refuse cleanly.
public struct SessionMutator {
    private var random: SeededGenerator
    private let seeds: [Data]

    public init(seed: UInt64, seeds: [Data]) {
        random = SeededGenerator(seed: seed)
        self.seeds = seeds
    }

    /// The shipped samples and `generated` generated workshops, encoded: the usual seeds.
    public static func standardSeeds(generated: Int = 12) -> [Data] {
        let samples = RepositoryPaths.sampleSessionFiles.compactMap { FileManager.default.contents(atPath: $0) }
        let codec = SessionCodec()
        return samples + (0..<generated).compactMap { try? codec.encode(GeneratedWorkshops.make(seed: UInt64($0))) }
    }

    public mutating func next() -> Data {
        var data = random.pick(seeds)
        for _ in 0..<(random.chance(70) ? 1 : 2 + random.below(2)) {
            switch random.below(100) {
            case 0..<15: data = mutateBytes(data)
            case 15..<35: data = mutateTimestamps(data)
            case 35..<50: data = mutateKeys(data)
            default: data = mutateValue(data)
            }
        }
        return data
    }

    // MARK: Bytes

    private mutating func mutateBytes(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return Data([random.pick([0x7B, 0x5B, 0x22])]) }
        let at = random.below(bytes.count)
        switch random.below(7) {
        case 0: bytes[at] ^= UInt8(1 << random.below(8))
        case 1: bytes.insert(random.pick([0x22, 0x5C, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x00, 0x0A, 0xC3, 0xFF, 0x30, 0x2D]), at: at)
        case 2: bytes.remove(at: at)
        case 3: bytes = Array(bytes.prefix(at))
        case 4:
            let length = min(1 + random.below(64), bytes.count - at)
            bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
        case 5: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        default:
            // A run of digits lengthened: numbers past any integer type, fractions of any length.
            if let digit = bytes[at...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                bytes.insert(contentsOf: [UInt8](repeating: 0x39, count: 1 + random.below(25)), at: digit)
            }
        }
        return Data(bytes)
    }

    // MARK: Timestamps

    /// Timestamp texts at every edge of the parser: fraction lengths, offsets, the ends of the
    /// range and just past them, leap seconds, lower-case letters.
    public static let timestampTexts = [
        "2023-11-27T09:30:00.000Z", "2023-11-27T09:30:00Z", "2023-11-27T09:30:00.0000Z", "2023-11-27T09:30:00.123456789Z",
        "2023-11-27T09:30:00.1Z", "2023-11-27t09:30:00.5z", "2023-11-27T10:30:00.5+01:00", "2023-11-27T09:30:00.000-23:59",
        "0000-01-01T00:00:00.000+01:00", "9999-12-31T23:59:59.999-00:01", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
        "0000-12-31T23:30:00.000-01:00", "0001-01-01T00:00:00.000+00:01", "2016-12-31T23:59:60.999Z", "9999-12-31T23:59:60Z",
        "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2023-11-27T24:00:00Z", "2023-11-27T09:30:00+24:00",
        "2023-11-27T09:30:00.Z", "2023-11-27 09:30:00Z", "2023-11-27T09:30:00", "+2023-11-27T09:30:00Z", "",
        "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2023-11-27T09:30:00." + String(repeating: "9", count: 40) + "Z",
    ]

    private mutating func mutateTimestamps(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        let pattern = #""[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return data }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return data }
        for _ in 0...random.below(3) {
            let match = random.pick(matches)
            guard let range = Range(match.range, in: text) else { continue }
            text.replaceSubrange(range, with: "\"\(random.pick(Self.timestampTexts))\"")
            break
        }
        return Data(text.utf8)
    }

    // MARK: Keys

    private mutating func mutateKeys(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        guard let regex = try? NSRegularExpression(pattern: #""([A-Za-z]+)": "#) else { return data }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty, let range = Range(random.pick(matches).range, in: text) else { return data }
        let key = String(text[range].dropFirst().dropLast(3))
        switch random.below(5) {
        case 0: text.replaceSubrange(range, with: "\"\(key)x\": ")            // a typo: an unknown field
        case 1: text.replaceSubrange(range, with: "\"\(key)\": null, \"\(key)\": ")  // the same key twice
        case 2: text.replaceSubrange(range, with: "\"\(key.uppercased())\": ")
        case 3: text.replaceSubrange(range, with: "\"zz\(key)\": null, \"\(key)\": ")  // an unknown field set to null
        default: text.replaceSubrange(range, with: "\"\\u00\(String(key.utf8.first ?? 97, radix: 16))\(key.dropFirst())\": ")  // an escaped key
        }
        return Data(text.utf8)
    }

    // MARK: Values

    private static let replacementTexts: [String] = GeneratedWorkshops.texts + [
        "", String(repeating: "é", count: Limits.longText), String(repeating: "x", count: Limits.shortText + 1),
        "t-transport", "legal", "f-1", "has space", String(repeating: "a", count: 65), "2023-11-27", "0000-01-01",
        "9999-12-31", "2023-02-29", "data-need", "actor", "constraint", "re-user", "missing", "presentation", "synthesis",
    ]
    private static var replacementNumbers: [NSNumber] {
        // 2^53 + 1: an integer a Double cannot hold.
        [0, -1, 1, 5, 6, 24, Limits.headcount, Limits.headcount + 1, Int.max, Int.min, Limits.plannedMinutes + 1, 9_007_199_254_740_993]
            .map { NSNumber(value: $0) } + [1.5, 1e3, -0.0, 1e300].map { NSNumber(value: $0) }
    }

    private mutating func mutateValue(_ data: Data) -> Data {
        guard var tree = try? JSONSerialization.jsonObject(with: data) else { return data }
        let path = randomPath(in: tree)
        guard !path.isEmpty else { return data }
        let current = value(at: path, in: tree)
        var replacement: Any?
        switch random.below(11) {
        case 0: replacement = NSNull()
        case 1: replacement = nil  // removed
        case 2, 3:
            // Same type, another value: most of these keep the file valid.
            switch current {
            case is String: replacement = random.pick(Self.replacementTexts)
            case let n as NSNumber where String(cString: n.objCType) == "c": replacement = !n.boolValue
            case is NSNumber: replacement = random.pick([0, 1, 2, 3, 4, 5, 12, 60])
            case let list as [Any] where !list.isEmpty:
                var shuffled = list
                shuffled.shuffle(using: &random)
                replacement = random.chance(50) ? shuffled : Array(list.dropLast())
            default: replacement = current
            }
        case 4: replacement = random.pick(Self.replacementNumbers)
        case 5: replacement = random.pick(Self.replacementTexts)
        case 6: replacement = random.pick([true, false, [], [:], ["x"], ["id": "x"]] as [Any])
        case 7:
            if let list = current as? [Any], let element = list.first { replacement = list + [element] } else { replacement = current }
        case 8:
            // Every number of an object at once: sums and products of several file values.
            if var object = current as? [String: Any] {
                for (key, value) in object where value is NSNumber && !(value is Bool) {
                    object[key] = random.pick(Self.replacementNumbers)
                }
                replacement = object
            } else {
                replacement = random.pick(Self.replacementNumbers)
            }
        default:
            replacement = random.pick(Self.timestampTexts)
        }
        setValue(replacement, at: path, in: &tree)
        let options: JSONSerialization.WritingOptions = random.chance(50) ? [.sortedKeys] : [.prettyPrinted]
        return (try? JSONSerialization.data(withJSONObject: tree, options: options)) ?? data
    }

    private enum PathStep { case key(String), index(Int) }

    /// A path to a random value: walks down from the top, stopping at each level with some chance.
    private mutating func randomPath(in tree: Any) -> [PathStep] {
        var path: [PathStep] = []
        var current = tree
        while true {
            if let object = current as? [String: Any], !object.isEmpty {
                let key = random.pick(object.keys.sorted())
                path.append(.key(key))
                current = object[key] ?? NSNull()
            } else if let list = current as? [Any], !list.isEmpty {
                let index = random.below(list.count)
                path.append(.index(index))
                current = list[index]
            } else {
                return path
            }
            if random.chance(25) { return path }
        }
    }

    private func value(at path: [PathStep], in tree: Any) -> Any? {
        var current: Any? = tree
        for step in path {
            switch step {
            case .key(let key): current = (current as? [String: Any])?[key]
            case .index(let index): current = (current as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
        return current
    }

    private func setValue(_ newValue: Any?, at path: [PathStep], in tree: inout Any) {
        guard let step = path.first else {
            if let newValue { tree = newValue }
            return
        }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let key):
            guard var object = tree as? [String: Any] else { return }
            if rest.isEmpty {
                object[key] = newValue
            } else if var child = object[key] {
                setValue(newValue, at: rest, in: &child)
                object[key] = child
            }
            tree = object
        case .index(let index):
            guard var list = tree as? [Any], list.indices.contains(index) else { return }
            if rest.isEmpty {
                if let newValue { list[index] = newValue } else { list.remove(at: index) }
            } else {
                var child = list[index]
                setValue(newValue, at: rest, in: &child)
                list[index] = child
            }
            tree = list
        }
    }
}
