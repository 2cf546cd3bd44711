/// The JSON Schema (draft 2020-12) of a programme file, printed by `datajam schema --programme`.
///
/// Its shared definitions (ids, timestamps, dates, text lengths) are the session file's, so that
/// the two formats keep one set of rules; the loader walks it to refuse unknown fields.
public enum ProgrammeSchema {
    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://datajam.invalid/schema/programme-1.json",
  "title": "DataJam programme file",
  "description": "A programme of workshops (programme.json beside the session files): its name and issuer, its own results, difficulties, ideas for next time and numbered recommendations, and the findings of different workshops confirmed as the same point. Records are never removed: deletion sets deletedAt.",
  "type": "object",
  "additionalProperties": false,
  "required": ["format", "version", "id", "details", "results", "difficulties", "improvements", "recommendations", "links"],
  "properties": {
    "format": {"const": "datajam-programme"},
    "version": {"const": 1},
    "id": {"$ref": "#/$defs/id"},
    "details": {"$ref": "#/$defs/details"},
    "results": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "difficulties": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "improvements": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "recommendations": {"type": "array", "items": {"$ref": "#/$defs/recommendation"}},
    "links": {"type": "array", "items": {"$ref": "#/$defs/link"}}
  },
  "$defs": {
    "id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"},
    "timestamp": {
      "description": "An RFC 3339 date-time, as in session files (2023-11-27T09:30:00.000Z); its UTC moment falls in the years 0001 to 9999.",
      "type": "string",
      "pattern": "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
    },
    "date": {
      "description": "A calendar day, years 0001 to 9999: 2024-06-30",
      "type": "string",
      "pattern": "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    },
    "optionalTimestamp": {"description": "null stands for absent", "anyOf": [{"type": "null"}, {"$ref": "#/$defs/timestamp"}]},
    "optionalDate": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/date"}]},
    "optionalShortText": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/shortText"}]},
    "shortText": {"type": "string", "maxLength": 500},
    "longText": {"type": "string", "maxLength": 20000},
    "details": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name", "issuer", "updatedAt"],
      "properties": {
        "name": {"$ref": "#/$defs/shortText"},
        "issuer": {"$ref": "#/$defs/shortText"},
        "updatedAt": {"$ref": "#/$defs/timestamp"}
      }
    },
    "item": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "text", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "text": {"$ref": "#/$defs/longText"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    },
    "recommendation": {
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "text", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "text": {"$ref": "#/$defs/longText"},
        "owner": {"$ref": "#/$defs/optionalShortText"},
        "deadline": {"$ref": "#/$defs/optionalDate"},
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    },
    "link": {
      "description": "Findings of different workshops confirmed as the same point: each names a workshop (its session file's id) and one of its findings; at least two, each once.",
      "type": "object",
      "additionalProperties": false,
      "required": ["id", "label", "findings", "createdAt", "updatedAt"],
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "label": {"$ref": "#/$defs/shortText"},
        "findings": {
          "type": "array",
          "minItems": 2,
          "uniqueItems": true,
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["workshop", "finding"],
            "properties": {
              "workshop": {"$ref": "#/$defs/id"},
              "finding": {"$ref": "#/$defs/id"}
            }
          }
        },
        "createdAt": {"$ref": "#/$defs/timestamp"},
        "updatedAt": {"$ref": "#/$defs/timestamp"},
        "deletedAt": {"$ref": "#/$defs/optionalTimestamp"}
      }
    }
  }
}
"""#
}
