/// A field of a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/).
struct SchemaField {
    enum FieldType: String {
        case string, integer, boolean, date, datetime
    }

    var name: String
    var type: FieldType
    var title: String
    var description: String
    var required = false
    var allowed: [String]? = nil
    var minimum: Int? = nil
    var maximum: Int? = nil

    var descriptor: [String: Any] {
        var field: [String: Any] = ["name": name, "type": type.rawValue, "title": title, "description": description]
        var constraints: [String: Any] = [:]
        if required { constraints["required"] = true }
        if let allowed { constraints["enum"] = allowed }
        if let minimum { constraints["minimum"] = minimum }
        if let maximum { constraints["maximum"] = maximum }
        if !constraints.isEmpty { field["constraints"] = constraints }
        return field
    }
}

/// A column of a package table: its schema field and how a row's cell is spelled.
struct TableColumn<Row> {
    var field: SchemaField
    var value: (Row) -> String

    init(_ name: String, _ type: SchemaField.FieldType, title: String, description: String, required: Bool = false,
         allowed: [String]? = nil, minimum: Int? = nil, maximum: Int? = nil, value: @escaping (Row) -> String) {
        field = SchemaField(name: name, type: type, title: title, description: description, required: required,
                            allowed: allowed, minimum: minimum, maximum: maximum)
        self.value = value
    }
}

/// A foreign key: `fields` of this table refer to `referencedFields` of `resource` ("" for the
/// table itself). A row whose referring cells are all empty refers to nothing, and is valid.
struct SchemaForeignKey {
    var fields: [String]
    var resource: String
    var referencedFields: [String]

    var descriptor: [String: Any] {
        ["fields": fields, "reference": ["resource": resource, "fields": referencedFields]]
    }
}

/// One CSV resource of a Data Package: its file, its Table Schema and its content.
struct PackageTable {
    var name: String
    var title: String
    var description: String
    var fields: [SchemaField]
    var primaryKey: [String]
    var foreignKeys: [SchemaForeignKey]
    var rows: [[String]]

    init<Row>(name: String, title: String, description: String, columns: [TableColumn<Row>], primaryKey: [String],
              foreignKeys: [SchemaForeignKey] = [], rows: [Row]) {
        self.name = name
        self.title = title
        self.description = description
        fields = columns.map(\.field)
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        self.rows = rows.map { row in columns.map { $0.value(row) } }
    }

    var path: String { "\(name).csv" }

    var csv: String { CSVTable(header: fields.map(\.name), rows: rows).render() }

    var descriptor: [String: Any] {
        var schema: [String: Any] = ["fields": fields.map(\.descriptor), "primaryKey": primaryKey, "missingValues": [""]]
        if !foreignKeys.isEmpty { schema["foreignKeys"] = foreignKeys.map(\.descriptor) }
        return [
            "name": name,
            "path": path,
            "title": title,
            "description": description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        ]
    }
}
