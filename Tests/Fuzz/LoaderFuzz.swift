import Foundation

/// libFuzzer entry for the session loader, compiled together with the DataJamCore sources by
/// `Tests/Fuzz/fuzz-loader`.
///
/// Beyond "no crash", it holds the loader to its promise that a file DataJam writes, DataJam
/// reads: whatever bytes are accepted are written back, the written file is accepted again, and
/// writing that gives the same bytes. Any breach stops the run like a crash does, with the
/// input saved by libFuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let codec = SessionCodec()
    guard let accepted = try? codec.decode(data, file: "fuzz.json") else { return 0 }
    let first: Data
    do {
        first = try codec.encode(accepted)
    } catch {
        fatalError("accepted, but cannot be written: \(error)")
    }
    let reread: Workshop
    do {
        reread = try codec.decode(first, file: "written.json")
    } catch {
        fatalError("wrote a file it cannot read: \(error)")
    }
    guard reread == accepted else { fatalError("reading back what was written changed the workshop") }
    guard let second = try? codec.encode(reread), second == first else {
        fatalError("writing the file read back gave different bytes")
    }
    // What every command computes from a loaded workshop: none of it may trap.
    _ = WorkshopSummary(reread)
    _ = reread.lastChange
    let merged = SessionMerge.merge(base: reread, others: [accepted]).workshop
    guard (try? codec.encode(merged)).map({ (try? codec.decode($0, file: "merged.json")) != nil }) == true else {
        fatalError("merging an accepted file with itself wrote a file it cannot read")
    }
    return 0
}
