// GENERATED from backend-client/openapi.yaml by `npm run generate -w backend-client`. Do not edit.
/** The OpenAPI document as data (validation schemas for the client and the sandbox). */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Unified acceptance platform (统一受理平台) — terminal API",
    "version": "1.0.0",
    "description": "The contract an Easy-Do terminal speaks with the city's unified acceptance platform and its public\ninformation resource library. Every request is signed by the terminal (see the `TerminalSignature`\nsecurity scheme): HMAC-SHA256 over\n`METHOD \\n PATH(with query) \\n X-Timestamp \\n X-Nonce \\n hex(SHA-256(body))` with the terminal's secret,\nhex-encoded in `X-Signature`. Timestamps further than 300 s from server time and nonces already seen\nare refused with typed error bodies.\n"
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8787"
    }
  ],
  "security": [
    {
      "TerminalSignature": []
    }
  ],
  "paths": {
    "/v1/catalogue": {
      "get": {
        "operationId": "getCatalogue",
        "summary": "Service catalogue (categories and items), versioned with an ETag.",
        "x-idempotent": true,
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "The catalogue.",
            "headers": {
              "ETag": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Catalogue"
                }
              }
            }
          },
          "304": {
            "description": "Not modified; the terminal's cached copy is current."
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/residents/lookup": {
      "post": {
        "operationId": "lookupResident",
        "summary": "Resource-library lookup for prefill; returns only the requested fields.",
        "x-idempotent": true,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ResidentLookupRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The requested fields that the library holds.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ResidentRecord"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/card-sessions": {
      "post": {
        "operationId": "createCardSession",
        "summary": "Exchange a fresh card read for a short-lived applicant token (query \"my applications\").",
        "x-idempotent": true,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CardSessionRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Token issued.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CardSession"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/uploads": {
      "post": {
        "operationId": "createUpload",
        "summary": "Start (or find) a resumable upload identified by the file's SHA-256.",
        "x-idempotent": true,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UploadCreateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Upload state (existing or new); resume from `offset`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadStatus"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/uploads/{uploadId}": {
      "parameters": [
        {
          "name": "uploadId",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/components/schemas/UploadId"
          }
        }
      ],
      "get": {
        "operationId": "getUpload",
        "summary": "Upload state (received offset).",
        "x-idempotent": true,
        "responses": {
          "200": {
            "description": "Upload state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadStatus"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "operationId": "putUploadChunk",
        "summary": "Append a chunk at `Upload-Offset`; a mismatching offset answers 409 with the server's offset.",
        "x-idempotent": true,
        "parameters": [
          {
            "name": "Upload-Offset",
            "in": "header",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "contentMediaType": "application/octet-stream"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Chunk stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadStatus"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/applications": {
      "post": {
        "operationId": "submitApplication",
        "summary": "Submit an application (办件). Deduplicated by terminal + Idempotency-Key.",
        "x-idempotent": true,
        "parameters": [
          {
            "name": "Idempotency-Key",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{16,64}$"
            }
          },
          {
            "name": "X-Clerk-Token",
            "in": "header",
            "required": false,
            "description": "Present in counter mode; attributes the application to the clerk.",
            "schema": {
              "type": "string",
              "minLength": 16,
              "maxLength": 128
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApplicationSubmission"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Replay of an earlier submission with the same key and body; same receipt.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionReceipt"
                }
              }
            }
          },
          "201": {
            "description": "Created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubmissionReceipt"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/applications/query": {
      "post": {
        "operationId": "queryApplication",
        "summary": "Progress by acceptance number + query password (查询密码).",
        "x-idempotent": true,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApplicationQuery"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Stage history.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApplicationStatus"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/applications/by-applicant": {
      "post": {
        "operationId": "listApplicationsByApplicant",
        "summary": "All applications of the card holder of a card session.",
        "x-idempotent": true,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ApplicantQuery"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The applicant's applications, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApplicationList"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/evaluations": {
      "post": {
        "operationId": "submitEvaluation",
        "summary": "好差评 evaluation, once per application (一事一评).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Evaluation"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Recorded.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EvaluationReceipt"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/terminals/heartbeat": {
      "post": {
        "operationId": "sendHeartbeat",
        "summary": "Terminal heartbeat with device status and alerts.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Heartbeat"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Acknowledged; carries server time and the current catalogue ETag.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/HeartbeatAck"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/clerks/login": {
      "post": {
        "operationId": "clerkLogin",
        "summary": "Counter-mode clerk login; locked after repeated failures.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ClerkLoginRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Logged in.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClerkSession"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/clerks/me/workload": {
      "get": {
        "operationId": "getClerkWorkload",
        "summary": "The logged-in clerk's workload and 好差评 ratings.",
        "x-idempotent": true,
        "parameters": [
          {
            "name": "X-Clerk-Token",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 16,
              "maxLength": 128
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Workload.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClerkWorkload"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "TerminalSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Signature",
        "description": "HMAC-SHA256 (hex) with X-Terminal-Id, X-Timestamp (ms since epoch) and X-Nonce headers."
      }
    },
    "parameters": {
      "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "Error": {
        "description": "Typed error.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorBody"
            }
          }
        }
      }
    },
    "schemas": {
      "ErrorBody": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "$ref": "#/components/schemas/ErrorCode"
              },
              "message": {
                "type": "string"
              },
              "details": {
                "type": "object"
              }
            }
          }
        }
      },
      "ErrorCode": {
        "type": "string",
        "enum": [
          "bad_request",
          "validation_failed",
          "signature_missing",
          "signature_invalid",
          "timestamp_stale",
          "nonce_replayed",
          "unknown_terminal",
          "not_found",
          "idempotency_conflict",
          "already_evaluated",
          "invalid_credentials",
          "locked",
          "unauthorized",
          "upload_incomplete",
          "certificate_unknown",
          "checksum_mismatch",
          "offset_mismatch",
          "internal",
          "unavailable"
        ]
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time"
      },
      "IdNumber": {
        "description": "ID number of a resident card, permit or foreigner permanent-residence card.",
        "type": "string",
        "pattern": "^[0-9A-Z]{15,18}$"
      },
      "ItemCode": {
        "description": "事项编码, 2 letters (type) + 5-digit main item + 3-digit sub-item.",
        "type": "string",
        "pattern": "^[A-Z]{2}[0-9]{8}$"
      },
      "UploadId": {
        "type": "string",
        "pattern": "^up_[A-Za-z0-9_-]{8,64}$"
      },
      "Sha256": {
        "type": "string",
        "pattern": "^[0-9a-f]{64}$"
      },
      "LocalizedText": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "zh",
          "en"
        ],
        "properties": {
          "zh": {
            "type": "string",
            "minLength": 1
          },
          "en": {
            "type": "string",
            "minLength": 1
          }
        }
      },
      "Catalogue": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version",
          "generatedAt",
          "categories",
          "items"
        ],
        "properties": {
          "version": {
            "type": "string"
          },
          "generatedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "categories": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Category"
            }
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CatalogueItem"
            }
          }
        }
      },
      "Category": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "name"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[a-z-]+$"
          },
          "name": {
            "$ref": "#/components/schemas/LocalizedText"
          }
        }
      },
      "Department": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "name"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[0-9A-Z]{6,18}$"
          },
          "name": {
            "type": "string"
          },
          "nameEn": {
            "type": "string",
            "description": "The department's English name",
            "for English-language screens and receipts.": null
          },
          "chineseRecordRequired": {
            "description": "The department keeps Chinese records only: a receipt for an English-speaking applicant is printed in both languages (Chinese first) instead of English alone.",
            "type": "boolean"
          }
        }
      },
      "ApplicantType": {
        "type": "string",
        "enum": [
          "natural_person",
          "legal_person",
          "agent"
        ]
      },
      "CatalogueItem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "categoryCode",
          "name",
          "department",
          "timeLimitWorkingDays",
          "fee",
          "applicantTypes",
          "guide",
          "fields",
          "materials"
        ],
        "properties": {
          "code": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "categoryCode": {
            "type": "string"
          },
          "name": {
            "$ref": "#/components/schemas/LocalizedText"
          },
          "department": {
            "$ref": "#/components/schemas/Department"
          },
          "timeLimitWorkingDays": {
            "type": "integer",
            "minimum": 0,
            "description": "Legal time limit (法定时限) in working days."
          },
          "fee": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "amountFen",
              "description"
            ],
            "properties": {
              "amountFen": {
                "type": "integer",
                "minimum": 0
              },
              "description": {
                "type": "string"
              }
            }
          },
          "applicantTypes": {
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/ApplicantType"
            }
          },
          "guide": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "conditions"
            ],
            "properties": {
              "conditions": {
                "$ref": "#/components/schemas/LocalizedText"
              },
              "basis": {
                "type": "string"
              }
            }
          },
          "fields": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FormField"
            }
          },
          "materials": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RequiredMaterial"
            }
          },
          "acceptsExpiredCard": {
            "description": "Whether an applicant may proceed with an expired identity card (e.g. a renewal item). Absent means no: the terminal stops and sends the applicant to the counter or to obtain a 临时身份证.",
            "type": "boolean"
          }
        }
      },
      "FieldType": {
        "type": "string",
        "enum": [
          "text",
          "number",
          "date",
          "select",
          "phone",
          "idNumber",
          "textarea"
        ]
      },
      "FormField": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "key",
          "label",
          "type",
          "required",
          "editableWhenPrefilled"
        ],
        "properties": {
          "key": {
            "type": "string",
            "pattern": "^[a-zA-Z][a-zA-Z0-9]*$"
          },
          "label": {
            "$ref": "#/components/schemas/LocalizedText"
          },
          "type": {
            "$ref": "#/components/schemas/FieldType"
          },
          "required": {
            "type": "boolean"
          },
          "validation": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "pattern": {
                "type": "string"
              },
              "min": {
                "type": "number"
              },
              "max": {
                "type": "number"
              },
              "maxLength": {
                "type": "integer",
                "minimum": 1
              },
              "options": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "value",
                    "label"
                  ],
                  "properties": {
                    "value": {
                      "type": "string"
                    },
                    "label": {
                      "$ref": "#/components/schemas/LocalizedText"
                    }
                  }
                }
              }
            }
          },
          "prefill": {
            "description": "Where the value comes from, e.g. `card.name` or `library.housing.address`.",
            "type": "string",
            "pattern": "^(card|library)\\.[a-zA-Z]+(\\.[a-zA-Z]+)*$"
          },
          "editableWhenPrefilled": {
            "type": "boolean"
          }
        }
      },
      "RequiredMaterial": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "name",
          "count",
          "originalsRequired",
          "electronicCertificateType",
          "ocrKeywords"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[A-Z0-9_]+$"
          },
          "name": {
            "$ref": "#/components/schemas/LocalizedText"
          },
          "count": {
            "type": "integer",
            "minimum": 1
          },
          "originalsRequired": {
            "type": "boolean",
            "description": "Originals to be shown for verification."
          },
          "electronicCertificateType": {
            "description": "电子证照 type that can replace the paper, or null.",
            "type": [
              "string",
              "null"
            ]
          },
          "ocrKeywords": {
            "description": "Words whose presence on a scanned page suggests this material.",
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "cardTypes": {
            "description": "Only applicants whose identity card is one of these types need this material (e.g. 居民身份证 for residents, 港澳台居民居住证 for permit holders, 外国人永久居留身份证 and a passport for foreigners). Absent means every applicant.",
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/CardType"
            }
          }
        }
      },
      "CardType": {
        "type": "string",
        "enum": [
          "resident",
          "hmt_permit",
          "foreigner_2017",
          "foreigner_2023"
        ]
      },
      "LibraryField": {
        "type": "string",
        "enum": [
          "householdRegistration",
          "residenceAddress",
          "housing",
          "contactPhone",
          "electronicCertificates"
        ]
      },
      "ResidentLookupRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "idNumber",
          "fields"
        ],
        "properties": {
          "idNumber": {
            "$ref": "#/components/schemas/IdNumber"
          },
          "itemCode": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "fields": {
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/LibraryField"
            }
          }
        }
      },
      "ResidentRecord": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "found"
        ],
        "properties": {
          "found": {
            "type": "boolean"
          },
          "householdRegistration": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "address",
              "kind",
              "householder",
              "relation"
            ],
            "properties": {
              "address": {
                "type": "string"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "非农业",
                  "农业",
                  "居民"
                ]
              },
              "householder": {
                "type": "string"
              },
              "relation": {
                "type": "string"
              }
            }
          },
          "residenceAddress": {
            "type": "string"
          },
          "housing": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "tenure",
              "address"
            ],
            "properties": {
              "tenure": {
                "type": "string",
                "enum": [
                  "owned",
                  "rented",
                  "other"
                ]
              },
              "address": {
                "type": "string"
              },
              "areaSqm": {
                "type": "number"
              },
              "contractNumber": {
                "type": "string"
              },
              "rentalStart": {
                "type": "string",
                "format": "date"
              },
              "rentalEnd": {
                "type": "string",
                "format": "date"
              },
              "monthlyRentYuan": {
                "type": "number"
              }
            }
          },
          "contactPhone": {
            "type": "string",
            "pattern": "^1[3-9][0-9]{9}$"
          },
          "electronicCertificates": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ElectronicCertificate"
            }
          }
        }
      },
      "ElectronicCertificate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "number",
          "issuer",
          "issuedAt"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "issuer": {
            "type": "string"
          },
          "issuedAt": {
            "type": "string",
            "format": "date"
          },
          "validTo": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          }
        }
      },
      "CardSessionRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "idNumber",
          "cardType",
          "readAt"
        ],
        "properties": {
          "idNumber": {
            "$ref": "#/components/schemas/IdNumber"
          },
          "cardType": {
            "type": "string",
            "enum": [
              "resident",
              "hmt_permit",
              "foreigner_2017",
              "foreigner_2023"
            ]
          },
          "readAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "CardSession": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cardToken",
          "expiresAt"
        ],
        "properties": {
          "cardToken": {
            "type": "string",
            "minLength": 16
          },
          "expiresAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "UploadCreateRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "sha256",
          "size",
          "contentType"
        ],
        "properties": {
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "size": {
            "type": "integer",
            "minimum": 1,
            "maximum": 52428800
          },
          "contentType": {
            "type": "string",
            "enum": [
              "image/jpeg",
              "image/png",
              "application/pdf",
              "image/tiff"
            ]
          }
        }
      },
      "UploadStatus": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "uploadId",
          "sha256",
          "size",
          "offset",
          "complete"
        ],
        "properties": {
          "uploadId": {
            "$ref": "#/components/schemas/UploadId"
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "size": {
            "type": "integer"
          },
          "offset": {
            "type": "integer",
            "minimum": 0
          },
          "complete": {
            "type": "boolean"
          }
        }
      },
      "TrustLevel": {
        "description": "国办函〔2016〕108号 grades; kiosk scans are C until a clerk verifies them (B).",
        "type": "string",
        "enum": [
          "A",
          "B",
          "C",
          "D"
        ]
      },
      "Applicant": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "idType",
          "idNumber",
          "name"
        ],
        "properties": {
          "type": {
            "$ref": "#/components/schemas/ApplicantType"
          },
          "idType": {
            "type": "string",
            "enum": [
              "resident",
              "hmt_permit",
              "foreigner_2017",
              "foreigner_2023"
            ]
          },
          "idNumber": {
            "$ref": "#/components/schemas/IdNumber"
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "phone": {
            "type": "string",
            "pattern": "^1[3-9][0-9]{9}$"
          }
        }
      },
      "SubmittedMaterial": {
        "description": "A required material, either uploaded as a file (`UploadedMaterial`) or satisfied without paper by an\nelectronic certificate (电子证照) the resource library holds for the applicant (`CertificateMaterial`).\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/UploadedMaterial"
          },
          {
            "$ref": "#/components/schemas/CertificateMaterial"
          }
        ]
      },
      "UploadedMaterial": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "sha256",
          "pageCount",
          "trustLevel",
          "uploadId"
        ],
        "properties": {
          "code": {
            "$ref": "#/components/schemas/MaterialCode"
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256"
          },
          "pageCount": {
            "type": "integer",
            "minimum": 1
          },
          "trustLevel": {
            "$ref": "#/components/schemas/TrustLevel"
          },
          "uploadId": {
            "$ref": "#/components/schemas/UploadId"
          }
        }
      },
      "CertificateMaterial": {
        "description": "Satisfied by an electronic certificate: no upload. The number must be one of the applicant's\n`electronicCertificates` in the resource library, of the type the item's material accepts; otherwise\nthe submission is refused with 422 `certificate_unknown`.\n",
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "electronicCertificateNumber",
          "trustLevel"
        ],
        "properties": {
          "code": {
            "$ref": "#/components/schemas/MaterialCode"
          },
          "electronicCertificateNumber": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "trustLevel": {
            "description": "A — issued by the authority itself (the resource library's copy).",
            "type": "string",
            "const": "A"
          }
        }
      },
      "MaterialCode": {
        "type": "string",
        "pattern": "^[A-Z0-9_]+$"
      },
      "ApplicationSubmission": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "itemCode",
          "applicant",
          "channel",
          "form",
          "materials"
        ],
        "properties": {
          "itemCode": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "applicant": {
            "$ref": "#/components/schemas/Applicant"
          },
          "channel": {
            "type": "string",
            "enum": [
              "kiosk",
              "counter"
            ]
          },
          "form": {
            "type": "object",
            "maxProperties": 100,
            "additionalProperties": {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            }
          },
          "materials": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/SubmittedMaterial"
            }
          }
        }
      },
      "Stage": {
        "type": "string",
        "enum": [
          "预受理",
          "受理",
          "不予受理",
          "补齐补正",
          "办理中",
          "办结",
          "已领取"
        ]
      },
      "SubmissionReceipt": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "acceptanceNumber",
          "queryPassword",
          "stage",
          "itemCode",
          "department",
          "submittedAt",
          "dueDate"
        ],
        "properties": {
          "acceptanceNumber": {
            "type": "string",
            "description": "Opaque",
            "server-issued.": null
          },
          "queryPassword": {
            "type": "string",
            "pattern": "^[0-9]{6}$"
          },
          "stage": {
            "$ref": "#/components/schemas/Stage"
          },
          "itemCode": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "department": {
            "$ref": "#/components/schemas/Department"
          },
          "submittedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "dueDate": {
            "type": "string",
            "format": "date"
          }
        }
      },
      "ApplicationQuery": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "acceptanceNumber",
          "queryPassword"
        ],
        "properties": {
          "acceptanceNumber": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "queryPassword": {
            "type": "string",
            "pattern": "^[0-9]{6}$"
          }
        }
      },
      "ApplicantQuery": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cardToken"
        ],
        "properties": {
          "cardToken": {
            "type": "string",
            "minLength": 16
          }
        }
      },
      "StageEvent": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "stage",
          "at"
        ],
        "properties": {
          "stage": {
            "$ref": "#/components/schemas/Stage"
          },
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "reason": {
            "type": "string",
            "description": "Reason for 不予受理."
          },
          "supplementList": {
            "description": "Materials to supplement for 补齐补正.",
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "result": {
            "type": "string",
            "description": "Result for 办结."
          }
        }
      },
      "ApplicationStatus": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "acceptanceNumber",
          "itemCode",
          "itemName",
          "department",
          "submittedAt",
          "dueDate",
          "stage",
          "history",
          "evaluated"
        ],
        "properties": {
          "acceptanceNumber": {
            "type": "string"
          },
          "itemCode": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "itemName": {
            "$ref": "#/components/schemas/LocalizedText"
          },
          "department": {
            "$ref": "#/components/schemas/Department"
          },
          "submittedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "dueDate": {
            "type": "string",
            "format": "date"
          },
          "stage": {
            "$ref": "#/components/schemas/Stage"
          },
          "history": {
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/StageEvent"
            }
          },
          "evaluated": {
            "type": "boolean"
          }
        }
      },
      "ApplicationList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "applications"
        ],
        "properties": {
          "applications": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ApplicationStatus"
            }
          }
        }
      },
      "EvaluationLevel": {
        "description": "非常满意 (5★) … 非常不满意 (1★).",
        "type": "string",
        "enum": [
          "非常满意",
          "满意",
          "基本满意",
          "不满意",
          "非常不满意"
        ]
      },
      "Evaluation": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "acceptanceNumber",
          "itemCode",
          "departmentCode",
          "level",
          "indicators",
          "channel"
        ],
        "properties": {
          "acceptanceNumber": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "itemCode": {
            "$ref": "#/components/schemas/ItemCode"
          },
          "departmentCode": {
            "type": "string",
            "pattern": "^[0-9A-Z]{6,18}$"
          },
          "level": {
            "$ref": "#/components/schemas/EvaluationLevel"
          },
          "indicators": {
            "description": "Offline indicators 整体满意度 / 服务效率 / 服务水平 / 服务态度.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "overall"
            ],
            "properties": {
              "overall": {
                "$ref": "#/components/schemas/EvaluationLevel"
              },
              "efficiency": {
                "$ref": "#/components/schemas/EvaluationLevel"
              },
              "quality": {
                "$ref": "#/components/schemas/EvaluationLevel"
              },
              "attitude": {
                "$ref": "#/components/schemas/EvaluationLevel"
              }
            }
          },
          "comment": {
            "type": "string",
            "maxLength": 500
          },
          "channel": {
            "type": "string",
            "enum": [
              "kiosk",
              "counter"
            ]
          },
          "clerkStaffId": {
            "type": "string",
            "pattern": "^[A-Z0-9]{4,16}$"
          }
        }
      },
      "EvaluationReceipt": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "evaluationId",
          "recordedAt"
        ],
        "properties": {
          "evaluationId": {
            "type": "string"
          },
          "recordedAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "DeviceStatus": {
        "type": "string",
        "enum": [
          "online",
          "offline",
          "noDevice",
          "hardwareError",
          "userError",
          "busy",
          "starting"
        ]
      },
      "Heartbeat": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "at",
          "mode",
          "appVersion",
          "inService",
          "devices",
          "alerts"
        ],
        "properties": {
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "mode": {
            "type": "string",
            "enum": [
              "kiosk",
              "counter",
              "admin"
            ]
          },
          "appVersion": {
            "type": "string"
          },
          "inService": {
            "type": "boolean"
          },
          "devices": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "kind",
                "status"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "kind": {
                  "type": "string",
                  "enum": [
                    "idcard",
                    "printer",
                    "scanner",
                    "camera",
                    "other"
                  ]
                },
                "status": {
                  "$ref": "#/components/schemas/DeviceStatus"
                },
                "detail": {
                  "type": "string"
                }
              }
            }
          },
          "alerts": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "code",
                "severity"
              ],
              "properties": {
                "code": {
                  "type": "string"
                },
                "severity": {
                  "type": "string",
                  "enum": [
                    "info",
                    "warning",
                    "critical"
                  ]
                },
                "deviceId": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "outbox": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "depth"
            ],
            "properties": {
              "depth": {
                "type": "integer",
                "minimum": 0
              },
              "oldestPendingAt": {
                "type": [
                  "string",
                  "null"
                ],
                "format": "date-time"
              }
            }
          }
        }
      },
      "HeartbeatAck": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "serverTime",
          "catalogueVersion"
        ],
        "properties": {
          "serverTime": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "catalogueVersion": {
            "type": "string"
          }
        }
      },
      "ClerkLoginRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "staffId",
          "password"
        ],
        "properties": {
          "staffId": {
            "type": "string",
            "pattern": "^[A-Z0-9]{4,16}$"
          },
          "password": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128
          }
        }
      },
      "ClerkSession": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "token",
          "expiresAt",
          "clerk"
        ],
        "properties": {
          "token": {
            "type": "string",
            "minLength": 16
          },
          "expiresAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "clerk": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "staffId",
              "name",
              "windowNo",
              "department"
            ],
            "properties": {
              "staffId": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "windowNo": {
                "type": "string"
              },
              "department": {
                "$ref": "#/components/schemas/Department"
              }
            }
          }
        }
      },
      "ClerkWorkload": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "staffId",
          "applicationsTaken",
          "byStage",
          "ratings"
        ],
        "properties": {
          "staffId": {
            "type": "string"
          },
          "applicationsTaken": {
            "type": "integer",
            "minimum": 0
          },
          "byStage": {
            "type": "object",
            "additionalProperties": {
              "type": "integer",
              "minimum": 0
            }
          },
          "ratings": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "count",
              "byLevel",
              "averageStars"
            ],
            "properties": {
              "count": {
                "type": "integer",
                "minimum": 0
              },
              "byLevel": {
                "type": "object",
                "additionalProperties": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              "averageStars": {
                "type": [
                  "number",
                  "null"
                ]
              }
            }
          }
        }
      }
    }
  }
};
