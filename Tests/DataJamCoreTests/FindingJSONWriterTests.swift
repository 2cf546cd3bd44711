@testable import DataJamCore
import Foundation
import TestSupport
import XCTest

/// `FindingJSONWriter` writes findings without the model's `Codable`: these tests hold it to the
/// bytes of the `Codable` path (`SortedKeysEncoder` + `IndentedJSONWriter`, which `CodecRoundTripTests`
/// holds to `JSONEncoder`), and fail when a finding gains a field it does not write.
final class FindingJSONWriterTests: XCTestCase {
    /// Texts that need every kind of escape, and texts that need none in several scripts.
    private static let texts = [
        "", "Absence d’APIs à Sfax", "النفاذ إلى المعلومة", "👩🏽‍💻 données 📊 🇹🇳", "\"guillemets\" et \\barres\\ /slash/",
        "ctl \u{0}\u{1}\u{7}\u{8}\u{9}\n\u{b}\u{c}\r\u{e}\u{1b}\u{1f} fin", "sép\u{2028}aration\u{2029} \u{7f} \u{FEFF} \u{85}",
        "ligne 1\r\nligne 2", "\\u0041 \\n", "e\u{301} combiné", "数据开放 全角", String(repeating: "long é ", count: 200),
    ]

    private static let times: [Timestamp] = [
        Timestamp.earliest, Timestamp.latest, Timestamp(milliseconds: 0), Timestamp(milliseconds: -1),
        Timestamp(milliseconds: 1_701_072_000_999), Timestamp(milliseconds: 951_782_400_000),
    ]

    /// A finding with each optional field set or unset at random (`allSet`: every one set).
    private static func finding(_ r: inout SeededGenerator, index: Int, allSet: Bool = false) -> Finding {
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { allSet || r.chance(50) ? value() : nil }
        func text() -> String { r.pick(texts) }
        func time() -> Timestamp { r.chance(50) ? r.pick(times) : Timestamp(milliseconds: 1_701_072_000_000 + Int64(r.below(1 << 30))) }
        var f = Finding(id: "f-\(index)-\(r.below(1000))", teamId: maybe(text()), kind: r.pick(FindingKind.allCases), text: text(),
                        category: maybe(text()), gender: r.chance(50), author: maybe(text()),
                        actorRole: maybe(r.pick(ActorRole.allCases)), samePointAs: maybe(text()),
                        createdAt: time(), updatedAt: time(), deletedAt: maybe(time()))
        let scores = [Int.min, -1, 0, 1, 5, 42, Int.max]
        f.dataNeed = maybe(DataNeedDetails(producer: maybe(text()), availability: maybe(r.pick(DataNeedDetails.Availability.allCases)),
                                           wantedFormat: maybe(text()), sexDisaggregation: r.chance(50),
                                           relevance: maybe(r.pick(scores)), impact: maybe(r.pick(scores))))
        return f
    }

    /// The `Codable` path: the array encoded as the top-level value is never handed to the fast
    /// writer (only a member or an element is).
    private func viaCodable<T: Encodable>(_ value: T) throws -> String {
        String(decoding: IndentedJSONWriter.write(try SortedKeysEncoder.node(of: value)), as: UTF8.self)
    }

    private func viaFastWriter(_ findings: [Finding]) -> String {
        String(decoding: IndentedJSONWriter.write(.findings(findings)), as: UTF8.self)
    }

    func testSameBytesAsTheCodablePath() throws {
        var r = SeededGenerator(seed: 2024)
        for round in 0..<300 {
            let findings = (0..<r.below(6)).map { Self.finding(&r, index: $0, allSet: round % 5 == 0) }
            XCTAssertEqual(viaFastWriter(findings), try viaCodable(findings), "round \(round)")
        }
        XCTAssertEqual(viaFastWriter([]), "[]\n")
    }

    /// In a workshop, and deeper in any other value, the findings go through the fast writer at
    /// their depth and give the bytes `JSONEncoder` gives.
    func testSameBytesAsJSONEncoderInsideOtherValues() throws {
        struct Inner: Encodable { var findings: [Finding]; var list: [[Finding]] }
        struct Outer: Encodable { var inner: Inner; var after: Int }
        var r = SeededGenerator(seed: 7)
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for round in 0..<60 {
            var workshop = WorkshopFixtures.complete()
            workshop.findings = (0..<r.below(8)).map { Self.finding(&r, index: $0, allSet: round % 3 == 0) }
            XCTAssertEqual(String(decoding: try SessionCodec().encode(workshop), as: UTF8.self),
                           String(decoding: try ReferenceSessionEncoder.encode(workshop), as: UTF8.self), "workshop \(round)")
            let outer = Outer(inner: Inner(findings: workshop.findings, list: [workshop.findings, []]), after: round)
            XCTAssertEqual(try viaCodable(outer), String(decoding: ReferenceJSONLayout.indent(try reference.encode(outer)), as: UTF8.self))
        }
    }

    /// A finding with every optional field set writes a key for every stored property of
    /// `Finding` and `DataNeedDetails` (so a property added to either, and not to the writer,
    /// fails here), and the generator above does set every optional field.
    func testEveryStoredPropertyIsWritten() throws {
        var r = SeededGenerator(seed: 1)
        let finding = Self.finding(&r, index: 0, allSet: true)
        let properties = Mirror(reflecting: finding).children
        XCTAssertFalse(properties.contains { isNil($0.value) }, "the generator leaves an optional field unset")
        let details = try XCTUnwrap(finding.dataNeed)
        XCTAssertFalse(Mirror(reflecting: details).children.contains { isNil($0.value) }, "the generator leaves an optional field unset")

        let written = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(viaFastWriter([finding]).utf8)) as? [[String: Any]]).first
        XCTAssertEqual(Set(try XCTUnwrap(written).keys), Set(properties.compactMap(\.label)))
        let writtenDetails = try XCTUnwrap(written?["dataNeed"] as? [String: Any])
        XCTAssertEqual(Set(writtenDetails.keys), Set(Mirror(reflecting: details).children.compactMap(\.label)))
    }

    private func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// The room made for a finding (`FindingJSONWriter.longest`) holds it at its longest: every
    /// text needing six bytes a byte, every optional field set, the largest numbers, deep down.
    /// (Debug builds also check every write against the room: `ByteSink`.)
    func testTheRoomMadeForAFindingHoldsItAtItsLongest() {
        var r = SeededGenerator(seed: 5)
        let worst = String(repeating: "\u{1}\u{1f}", count: 40)
        for round in 0..<200 {
            var f = Self.finding(&r, index: round, allSet: round % 2 == 0)
            if round % 4 == 0 {
                f.text = worst; f.id = worst; f.author = worst; f.teamId = worst; f.category = worst; f.samePointAs = worst
                f.dataNeed = DataNeedDetails(producer: worst, availability: .unusableFormat, wantedFormat: worst, sexDisaggregation: false,
                                             relevance: Int.min, impact: Int.min)
            }
            for depth in [0, 2, 9] {
                var sink = ByteSink(capacity: 16)
                let room = FindingJSONWriter.longest(f, depth: depth)
                sink.reserve(room)
                sink.put(UInt8(ascii: ","))
                sink.newline(depth)
                FindingJSONWriter.write(f, depth: depth, to: &sink)
                XCTAssertLessThanOrEqual(sink.count, room, "round \(round), depth \(depth)")
            }
        }
    }

    /// A timestamp no file can hold leaves the findings to the `Codable` path, which refuses it
    /// as it always did: the same error, at the same place.
    func testAnUnwritableTimestampIsRefusedAsBefore() throws {
        var workshop = WorkshopFixtures.complete()
        workshop.findings[1].deletedAt = Timestamp(milliseconds: Timestamp.latest.milliseconds + 1)
        XCTAssertFalse(FindingJSONWriter.canWrite(workshop.findings))
        XCTAssertThrowsError(try SessionCodec().encode(workshop)) { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["findings", "Index 1", "deletedAt"])
        }
        workshop.findings[1].deletedAt = nil
        workshop.findings[2].createdAt = Timestamp(milliseconds: Timestamp.earliest.milliseconds - 1)
        XCTAssertFalse(FindingJSONWriter.canWrite(workshop.findings))
        XCTAssertThrowsError(try SessionCodec().encode(workshop))
    }

    /// The text form of a timestamp is laid out in one place, for the strings and the writer.
    func testTimestampTextFormsAgree() {
        for time in Self.times + [Timestamp(milliseconds: 1_709_164_800_123), Timestamp(milliseconds: -62_135_596_800_000 + 86_400_000)] {
            let text = time.iso8601
            XCTAssertEqual(text.utf8.count, Timestamp.iso8601Width)
            XCTAssertEqual(Timestamp(iso8601: text), time, text)
            XCTAssertTrue(viaFastWriter([Finding(id: "f", teamId: nil, kind: .note, text: "", createdAt: time)]).contains("\"createdAt\": \"\(text)\""))
        }
        XCTAssertEqual(Timestamp.earliest.iso8601, "0001-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.latest.iso8601, "9999-12-31T23:59:59.999Z")
        XCTAssertEqual(Timestamp(milliseconds: -1).iso8601, "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(Timestamp(milliseconds: Timestamp.latest.milliseconds + 1).iso8601, "10000-01-01T00:00:00.000Z")
    }
}

final class JSONTextEscapeTests: XCTestCase {
    /// The eight-bytes-at-a-time test agrees with the byte-by-byte one: every byte value at every
    /// place and alignment, alone and among others (the bytes above 0x80 of UTF-8 included).
    func testNeedsEscapeAgreesWithTheBytewiseTest() {
        func bytewise(_ bytes: [UInt8]) -> Bool { bytes.contains { JSONTextEscape.needsEscape($0) } }
        func fast(_ bytes: [UInt8], offset: Int) -> Bool {
            let padded = Array(repeating: UInt8(ascii: "a"), count: offset) + bytes
            return padded.withUnsafeBufferPointer { JSONTextEscape.needsEscape(UnsafeBufferPointer(rebasing: $0[offset...])) }
        }
        for value in 0...255 {
            for length in 1...20 {
                for place in [0, length / 2, length - 1] {
                    for filler: UInt8 in [UInt8(ascii: "a"), 0x80, 0xFF, 0x21, 0x1F + 1, 0x5D, 0x23] {
                        var bytes = Array(repeating: filler, count: length)
                        bytes[place] = UInt8(value)
                        XCTAssertEqual(fast(bytes, offset: length % 8), bytewise(bytes), "\(bytes)")
                    }
                }
            }
        }
        var r = SeededGenerator(seed: 9)
        for _ in 0..<5000 {
            let bytes = (0..<r.below(40)).map { _ in UInt8(r.chance(97) ? 0x20 + r.below(224) : r.below(256)) }
            XCTAssertEqual(fast(bytes, offset: r.below(8)), bytewise(bytes), "\(bytes)")
        }
        XCTAssertFalse(fast([], offset: 0))
    }
}
