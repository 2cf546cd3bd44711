import DataJamCore

/// Exports carry no direction override or isolate (``DirectionalFormatting``): a reader's browser,
/// spreadsheet or CKAN portal would apply it and show a finding reversed ("edirrevo"), or spill
/// it over the text that follows.
///
/// JSON keeps the finding as typed, written as a `\u202e` escape: the value is the same for any
/// JSON reader, and no raw override reaches a page that shows the file. The other formats
/// (Markdown, HTML, CSV) have no such escape, so the controls are left out. The structure of every
/// format is ASCII, so the controls can only be inside a value.
enum DirectionalNeutralising {
    static func neutralised(_ text: String, json: Bool) -> String {
        guard text.unicodeScalars.contains(where: DirectionalFormatting.isDirectionalFormatting) else { return text }
        guard json else { return text.withoutDirectionalFormatting }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if DirectionalFormatting.isDirectionalFormatting(scalar) {
                result.append(contentsOf: "\\u\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
