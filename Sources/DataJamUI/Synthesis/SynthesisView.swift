import DataJamCore

enum SynthesisView {
    static func render(_ open: OpenWorkshop, into buffer: inout ScreenBuffer, _ context: ScreenContext) -> (x: Int, y: Int)? {
        nil
    }
}
