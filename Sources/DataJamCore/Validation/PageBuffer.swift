import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Memory for the two large buffers of a load, the file's bytes and its tape, taken from the
/// kernel directly and advised into huge pages where the system allows them (transparent huge
/// pages, "madvise" mode on most distributions).
///
/// At 10,000 findings they are 4 MB and 6 MB of fresh memory: in 4 KiB pages that is 2,500 page
/// faults on the way to the first frame, each a trap and a page to clear; in 2 MiB pages, five.
/// Where huge pages are off, this is ordinary memory. Space reserved and never touched costs
/// nothing, so a buffer can be sized for the worst case and never grow.
final class PageBuffer: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let byteCount: Int
    private let mapped: Bool

    private static let hugePage = 2 << 20

    /// `byteCount` bytes of zeroed memory, 2 MiB-aligned when that is worth it.
    init(byteCount: Int) {
        self.byteCount = max(byteCount, 1)
        // Below a huge page, the allocator's memory is as good.
        if self.byteCount >= Self.hugePage, let region = Self.map(self.byteCount) {
            base = region
            mapped = true
        } else {
            base = UnsafeMutableRawPointer(calloc(self.byteCount, 1)!)
            mapped = false
        }
    }

    deinit {
        if mapped { munmap(base, byteCount) } else { free(base) }
    }

    /// An anonymous mapping starting on a huge-page boundary (over-asked, then trimmed), advised
    /// into huge pages; nil when the kernel refuses.
    private static func map(_ count: Int) -> UnsafeMutableRawPointer? {
        let asked = count + hugePage
        guard let raw = mmap(nil, asked, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              raw != MAP_FAILED else { return nil }
        let address = UInt(bitPattern: raw)
        let aligned = (address + UInt(hugePage) - 1) & ~UInt(hugePage - 1)
        let head = Int(aligned - address)
        if head > 0 { munmap(raw, head) }
        let tail = asked - head - count
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + UInt(count)), tail) }
        let region = UnsafeMutableRawPointer(bitPattern: aligned)!
        _ = madvise(region, count, MADV_HUGEPAGE)
        return region
    }
}
