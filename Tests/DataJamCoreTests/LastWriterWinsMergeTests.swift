@testable import DataJamCore
import TestSupport
import XCTest

/// `LastWriterWins.merge` walks two lists already in order side by side when it can
/// (`mergeInOrder`), and falls back to the dictionary and the sort otherwise: either way it must
/// give exactly what the dictionary-and-sort merge gave (`ReferenceMerge`), to the byte, on every
/// input: random lists full of duplicate ids, ties and disorder, and the common case of two copies
/// of one list that differ by a few edits, deletions, removals, insertions and reorderings.
final class LastWriterWinsMergeTests: XCTestCase {
    private func t(_ s: Int64) -> Timestamp { WorkshopFixtures.time(s) }

    /// Ids and texts that are equal as Swift strings (canonically equivalent) but not in bytes:
    /// the merge must keep the very version the reference kept.
    private static let ids = ["f-1", "f-2", "f-3", "f-4", "f-é", "f-e\u{301}", "f-A", "f-a"]
    private static let texts = ["a", "b", "é", "e\u{301}", "النفاذ", "\"q\""]

    private func record(_ r: inout SeededGenerator, id: String, createdAt: Timestamp? = nil) -> Finding {
        let created = createdAt ?? t(Int64(r.below(3)))
        var f = Finding(id: id, teamId: r.chance(30) ? "t-1" : nil, kind: .note, text: r.pick(Self.texts),
                        createdAt: created, updatedAt: r.chance(50) ? created : t(created.milliseconds / 1000 + Int64(r.below(3))))
        if r.chance(20) { f.deletedAt = r.chance(50) ? f.updatedAt : t(Int64(r.below(5))) }
        if r.chance(15) { f.updatedAt = t(Int64(r.below(4))) }  // even before its creation: a hand-edited file
        return f
    }

    /// The same result, compared by value and by the bytes of every text.
    private func assertSame(_ merged: [Finding], _ expected: [Finding], _ label: @autoclosure () -> String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(merged, expected, label(), file: file, line: line)
        XCTAssertEqual(Array(String(reflecting: merged).utf8), Array(String(reflecting: expected).utf8), label(), file: file, line: line)
    }

    func testRandomListsMergeAsTheReference() {
        var r = SeededGenerator(seed: 11)
        for round in 0..<4000 {
            let a = (0..<r.below(7)).map { _ in record(&r, id: r.pick(Self.ids)) }
            let b = (0..<r.below(7)).map { _ in record(&r, id: r.pick(Self.ids)) }
            assertSame(LastWriterWins.merge(a, b), ReferenceMerge.merge(a, b), "round \(round): \(a) + \(b)")
            // Lists in order: the in-order walk answers, or declines, never differs.
            let ordered = ReferenceMerge.merge(a, []), other = ReferenceMerge.merge(b, [])
            assertSame(LastWriterWins.merge(ordered, other), ReferenceMerge.merge(ordered, other), "ordered round \(round)")
            assertSame(LastWriterWins.merge(ordered, ordered), ordered, "idempotent, round \(round)")
            assertSame(LastWriterWins.merge(ordered, []), ordered, "round \(round)")
            assertSame(LastWriterWins.merge([], ordered), ordered, "round \(round)")
        }
    }

    private enum Change: CaseIterable {
        // Changes that keep each id at one creation time, once a side: the in-order walk takes
        // them (putting a side back in order first when needed).
        case edit, editSameInstant, delete, remove, insertInOrder, appendLatest, swap, appendEarlier, appendSameMomentAnyID
        // Changes after which the walk may have to decline and leave it to the dictionary.
        case duplicate, sameIDOtherCreation

        var keepsIDsUnique: Bool { ![.duplicate, .sameIDOtherCreation].contains(self) }
    }

    private func change(_ list: inout [Finding], _ change: Change, _ r: inout SeededGenerator, fresh: inout Int) {
        func newRecord(createdAt: Timestamp) -> Finding {
            fresh += 1
            return record(&r, id: "f-new-\(fresh)", createdAt: createdAt)
        }
        guard !list.isEmpty else { list.append(newRecord(createdAt: t(5))); return }
        let i = r.below(list.count)
        switch change {
        case .edit:
            list[i].text = r.pick(Self.texts) + "!"
            list[i].updatedAt = list[i].updatedAt.later(than: t(Int64(r.below(8))))
        case .editSameInstant:
            list[i].text = r.pick(Self.texts)
        case .delete:
            list[i].deletedAt = list[i].updatedAt
            if r.chance(50) { list[i].updatedAt = list[i].updatedAt.later(than: list[i].updatedAt) }
        case .remove:
            list.remove(at: i)
        case .insertInOrder:
            // Created at the same moment as list[i], with an id that sorts after it and before
            // any later one of that moment.
            var new = newRecord(createdAt: list[i].createdAt)
            new.id = list[i].id + "~\(fresh)"
            if i + 1 < list.count, (list[i + 1].createdAt, list[i + 1].id) <= (new.createdAt, new.id) { return }
            list.insert(new, at: i + 1)
        case .appendLatest:
            list.append(newRecord(createdAt: list[list.count - 1].createdAt.later(than: list[list.count - 1].createdAt)))
        case .swap:
            guard list.count > 1 else { return }
            let j = (i + 1) % list.count
            list.swapAt(i, j)
        case .duplicate:
            list.insert(list[i], at: r.below(list.count + 1))
        case .sameIDOtherCreation:
            let id = list[i].id
            list[r.below(list.count)] = record(&r, id: id, createdAt: t(Int64(r.below(12))))
        case .appendSameMomentAnyID:
            // Records created in the same millisecond: their random ids need not be in order.
            let moment = list[list.count - 1].createdAt.later(than: list[list.count - 1].createdAt)
            for _ in 0..<3 { list.append(newRecord(createdAt: moment)) }
            list[list.count - 3].id = "f-z\(fresh)"
        case .appendEarlier:
            var new = newRecord(createdAt: t(-1))
            new.id = "f-0-\(fresh)"
            list.append(new)
        }
    }

    func testCopiesThatDifferByAFewChangesMergeAsTheReference() {
        var r = SeededGenerator(seed: 29)
        var fresh = 0
        var walked = 0
        for round in 0..<3000 {
            let base = ReferenceMerge.merge((0..<r.below(40)).map { n in record(&r, id: "f-\(n)", createdAt: t(Int64(r.below(10)))) }, [])
            var a = base, b = base
            var keepsIDsUnique = true
            for _ in 0..<r.below(4) {
                let which = Change.allCases[r.below(Change.allCases.count)]
                keepsIDsUnique = keepsIDsUnique && which.keepsIDsUnique
                if r.chance(50) { change(&a, which, &r, fresh: &fresh) } else { change(&b, which, &r, fresh: &fresh) }
            }
            let expected = ReferenceMerge.merge(a, b)
            assertSame(LastWriterWins.merge(a, b), expected, "round \(round)")
            assertSame(LastWriterWins.merge(b, a), ReferenceMerge.merge(b, a), "round \(round), swapped")
            if keepsIDsUnique {
                let inOrder = LastWriterWins.mergeInOrder(a, b)
                XCTAssertNotNil(inOrder, "round \(round): two copies with each id at one place must not need the dictionary")
                if inOrder != nil { walked += 1 }
            }
        }
        XCTAssertGreaterThan(walked, 500)
    }

    /// Join laws, on copies and on random lists alike.
    func testMergeIsCommutativeAssociativeAndIdempotent() {
        var r = SeededGenerator(seed: 3)
        for round in 0..<1500 {
            let lists = (0..<3).map { _ in (0..<r.below(6)).map { _ in record(&r, id: r.pick(Self.ids)) } }
            let sorted = lists.map { ReferenceMerge.merge($0, []) }
            for (a, b, c) in [(lists[0], lists[1], lists[2]), (sorted[0], sorted[1], sorted[2])] {
                let ab = LastWriterWins.merge(a, b)
                XCTAssertEqual(ab, LastWriterWins.merge(b, a), "round \(round)")
                XCTAssertEqual(LastWriterWins.merge(ab, c), LastWriterWins.merge(a, LastWriterWins.merge(b, c)), "round \(round)")
                XCTAssertEqual(LastWriterWins.merge(ab, ab), ab, "round \(round)")
                XCTAssertEqual(LastWriterWins.merge(ab, a), ab, "round \(round)")
            }
        }
    }

    /// The walk hands back a side itself when the other adds nothing to it: no record copied. (B
    /// only when it wins every record outright: of two equal versions A's is kept, as `pick`
    /// keeps it, since equal texts may still differ in bytes.)
    func testTheWalkReturnsASideUnchangedWhenTheOtherAddsNothing() {
        let base = ReferenceMerge.merge(WorkshopFixtures.complete().findings, [])
        var older = base
        older.removeLast()
        older[0].text = "older"
        older[0].updatedAt = Timestamp(milliseconds: base[0].updatedAt.milliseconds - 1)
        for (n, (a, b)) in [(base, base), (base, older), ([], base), (base, [])].enumerated() {
            let merged = LastWriterWins.mergeInOrder(a, b)
            XCTAssertEqual(merged, base, "pair \(n)")
            merged?.withUnsafeBufferPointer { m in base.withUnsafeBufferPointer { XCTAssertEqual(m.baseAddress, $0.baseAddress, "pair \(n): the same storage") } }
        }
        // A duplicate id met at two creation times is left to the dictionary.
        var twice = base
        twice.append(Finding(id: base[0].id, teamId: nil, kind: .note, text: "later", createdAt: t(1_000_000)))
        XCTAssertNil(LastWriterWins.mergeInOrder(twice, base))
        XCTAssertEqual(LastWriterWins.merge(twice, base), ReferenceMerge.merge(twice, base))
    }
}
