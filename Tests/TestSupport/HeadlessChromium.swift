import Foundation

/// Lays out an HTML page in headless Chromium and returns what a script measured in it: the
/// script runs in the page once it is parsed (styles applied, layout computed on demand) and
/// stores a JSON string in `window.measure`; the page's DOM, dumped, carries it back.
public enum HeadlessChromium {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "Chromium is not installed, so the reports cannot be laid out in a browser: apt-get install chromium (Tests/run installs it)"
        }
    }

    public static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
            for folder in path.split(separator: ":") + ["/usr/bin"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Runs `script` (JavaScript that sets `window.measure` to a string) in `html` laid out in a
    /// `width` × `height` window; `flags` are more Chromium switches (`--force-dark-mode`).
    public static func measure(_ html: String, width: Int, height: Int = 900, flags: [String] = [],
                               script: String) throws -> String {
        guard let chromium = executable() else { throw Missing() }
        let folder = TemporaryFolder("chromium")
        let marker = "datajam-measure"
        let probe = "<script>\(script)\nconst pre = document.createElement('pre'); pre.id = '\(marker)';"
            + " pre.textContent = window.measure; document.body.appendChild(pre);</script>"
        let page = folder.write(html.replacingOccurrences(of: "</body>", with: probe + "</body>"), to: "page.html")
        let result = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                      "--user-data-dir=\(folder.file("profile"))",
                                                      "--window-size=\(width),\(height)"] + flags
                                                     + ["--dump-dom", "file://\(page)"])
        guard let start = result.stdout.range(of: "<pre id=\"\(marker)\">"),
              let end = result.stdout[start.upperBound...].range(of: "</pre>") else {
            throw ProcessRunner.RunError(description: "Chromium returned no measurement (exit \(result.status)): \(result.stderr.suffix(500))")
        }
        return String(result.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension HeadlessChromium {
    /// A screenshot of `html` in a `width` × `height` window, then the contrast (WCAG ratio) between
    /// the most common colour of the rectangle `x0..<x1, y0..<y1` (its background) and the pixel
    /// that stands out most from it (the core of a letter, when the rectangle holds text). Decoded
    /// with Python's standard library only.
    public static func contrastInScreenshot(_ html: String, width: Int, height: Int, flags: [String] = [],
                                            region: (x0: Int, y0: Int, x1: Int, y1: Int)) throws -> Double {
        guard let chromium = executable() else { throw Missing() }
        let folder = TemporaryFolder("chromium-shot")
        let page = folder.write(html, to: "page.html")
        let png = folder.file("shot.png")
        _ = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                                             "--user-data-dir=\(folder.file("profile"))", "--window-size=\(width),\(height)"]
                                            + flags + ["--screenshot=\(png)", "file://\(page)"])
        guard FileManager.default.fileExists(atPath: png) else {
            throw ProcessRunner.RunError(description: "Chromium wrote no screenshot")
        }
        let script = folder.write(pngContrastScript, to: "contrast.py")
        let python = ProcessInfo.processInfo.environment["DATAJAM_PYTHON"] ?? "/usr/bin/python3"
        let result = try ProcessRunner.run(python, [script, png, "\(region.x0)", "\(region.y0)", "\(region.x1)", "\(region.y1)"])
        guard result.status == 0, let ratio = Double(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ProcessRunner.RunError(description: "cannot read the screenshot: \(result.stderr)")
        }
        return ratio
    }

    private static let pngContrastScript = """
    import sys, zlib, struct
    from collections import Counter
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
    i, idat = 8, b''
    while i < len(data):
        n = struct.unpack('>I', data[i:i + 4])[0]; kind = data[i + 4:i + 8]; chunk = data[i + 8:i + 8 + n]; i += 12 + n
        if kind == b'IHDR': w, h, depth, colour = struct.unpack('>IIBB', chunk[:10])
        elif kind == b'IDAT': idat += chunk
    bpp = {2: 3, 6: 4}[colour]; raw = zlib.decompress(idat); stride = w * bpp
    x0, y0, x1, y1 = map(int, sys.argv[2:6])
    rows, prev, p = [], bytearray(stride), 0
    for y in range(h):
        f = raw[p]; p += 1; line = bytearray(raw[p:p + stride]); p += stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 255
        rows.append(line); prev = line
    def lum(px):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = map(ch, px)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    region = [tuple(rows[y][x * bpp:x * bpp + 3]) for y in range(y0, y1) for x in range(x0, x1)]
    background = Counter(region).most_common(1)[0][0]
    def ratio(px):
        hi, lo = sorted([lum(px), lum(background)], reverse=True)
        return (hi + 0.05) / (lo + 0.05)
    print(round(max(ratio(px) for px in set(region)), 2))
    """
}
