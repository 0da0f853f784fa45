// GENERATED from backend-client/openapi.yaml by `npm run generate -w backend-client`. Do not edit.
/** The OpenAPI document as data (validation schemas for the client and the sandbox). */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Unified acceptance platform (统一受理平台) — terminal API",
    "version": "1.0.0",
    "description": "The contract an Easy-Do terminal speaks with the city's unified acceptance platform and its public\ninformation resource library.\n\n**Signing (version 2).** Every request is signed by the terminal (the `TerminalSignature` security\nscheme). It carries `X-Terminal-Id`, `X-Timestamp` (ms since the epoch), `X-Nonce` (16–128 characters of\n`[A-Za-z0-9_-]`, never reused), `X-Signature-Version: 2`, `X-Signed-Headers` and `X-Signature`, the hex\nHMAC-SHA256 with the terminal's secret over the canonical string (lines joined by `\\n`):\n\n```\nEASYDO-HMAC-SHA256-V2\nMETHOD\nPATH?QUERY            (exactly as on the request line)\nX-Timestamp\nX-Nonce\nX-Terminal-Id\nname1;name2;…         (the value of X-Signed-Headers)\nname1:value1          (one line per signed header, value trimmed)\n…\nhex(SHA-256(body))\n```\n\n`X-Signed-Headers` lists the signed headers in lower case, sorted, separated by `;`. Every header\nparameter this document declares (`Idempotency-Key`, `X-Clerk-Token`, `Upload-Offset`, `If-None-Match`)\nand `Content-Type` must be signed whenever it is sent: a request carrying one unsigned, or listing one it\ndoes not carry, is refused with 401 `signature_invalid`, as is any other signature version. Timestamps\nfurther than 300 s from server time (401 `timestamp_stale`, with `details.serverTime`) and nonces already\nseen (401 `nonce_replayed`) are refused too.\n\n**Errors.** Every operation lists each status it can answer with; error bodies are `ErrorBody`, whose\n`error.code` is one of the codes that status allows. `x-max-response-bytes` on each operation is the most\nany of its answers can weigh; the terminal stops reading beyond it.\n",
    "license": {
      "name": "Proprietary (internal contract between the terminal and the platform)"
    }
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
        "x-max-response-bytes": 8388608,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/residents/lookup": {
      "post": {
        "operationId": "lookupResident",
        "x-max-response-bytes": 1048576,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/card-sessions": {
      "post": {
        "operationId": "createCardSession",
        "x-max-response-bytes": 65536,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/identity/code-verifications": {
      "post": {
        "operationId": "verifyIdentityCode",
        "x-max-response-bytes": 65536,
        "summary": "Verify a dynamic identity code a resident showed on the phone (亮码: CTID 网证 / 电子身份证, 电子社保卡, 粤省事,\ni深圳). The platform asks the code's issuer and answers with the verified identity (purpose `session`) or\nonly whether it is the same person as the card just read (purpose `card_match`); a refusal is an answer\ntoo (`outcome: refused` with its reason), not an error. A code verifies once and expires 60 s after it\nwas issued; the terminal never keeps or logs the code.\n",
        "x-idempotent": false,
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IdentityCodeRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Verified, or refused with a reason.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IdentityVerification"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/uploads": {
      "post": {
        "operationId": "createUpload",
        "x-max-response-bytes": 262144,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
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
        "x-max-response-bytes": 262144,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "put": {
        "operationId": "putUploadChunk",
        "x-max-response-bytes": 262144,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/applications": {
      "post": {
        "operationId": "submitApplication",
        "x-max-response-bytes": 262144,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/UnauthenticatedOrSessionExpired"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/applications/query": {
      "post": {
        "operationId": "queryApplication",
        "x-max-response-bytes": 262144,
        "summary": "Progress by acceptance number + query password (查询密码) or the slip's progress token.",
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/applications/by-applicant": {
      "post": {
        "operationId": "listApplicationsByApplicant",
        "x-max-response-bytes": 2097152,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/UnauthenticatedOrSessionExpired"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/evaluations": {
      "post": {
        "operationId": "submitEvaluation",
        "x-max-response-bytes": 65536,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/receipt-sms": {
      "post": {
        "operationId": "sendReceiptSms",
        "x-max-response-bytes": 65536,
        "summary": "短信回执: the platform texts the acceptance number, query password and progress link to the applicant's phone, for a resident whose slip could not be printed (paper out). Proven by number + query password, as a query is.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReceiptSmsRequest"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted for sending.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReceiptSmsReceipt"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/terminals/heartbeat": {
      "post": {
        "operationId": "sendHeartbeat",
        "x-max-response-bytes": 65536,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthenticated"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/clerks/login": {
      "post": {
        "operationId": "clerkLogin",
        "x-max-response-bytes": 65536,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/UnauthenticatedOrBadCredentials"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "423": {
            "$ref": "#/components/responses/Locked"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/clerks/me/workload": {
      "get": {
        "operationId": "getClerkWorkload",
        "x-max-response-bytes": 65536,
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
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/UnauthenticatedOrSessionExpired"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/progress/{acceptanceNumber}": {
      "servers": [
        {
          "url": "https://{progressHost}",
          "description": "The platform's public progress page (the terminal's `progressHost`), not the terminal API.",
          "variables": {
            "progressHost": {
              "default": "progress.sandbox.invalid",
              "description": "Host (and port) of the progress page, as the terminal prints it in the receipt's QR code."
            }
          }
        }
      ],
      "get": {
        "operationId": "getProgressPage",
        "x-max-response-bytes": 262144,
        "summary": "The progress page a resident's phone opens from the receipt's QR code (扫码查询).",
        "description": "Public: phones call it, not terminals, so it is not signed. The link is\n`https://{progressHost}/progress/{acceptanceNumber}?t={token}`, where the token is the first 16 bytes\n(base64url) of HMAC-SHA256 under the issuing terminal's secret over `EASYDO-PROGRESS-LINK-V1\\n` and the\nacceptance number. It reveals neither the query password nor the applicant; without it nobody reads the\npage. An unknown number and a wrong token get the same 404, so numbers cannot be enumerated. The page\nis HTML; a client that asks for `application/json` (Accept) gets the same facts as `ApplicationStatus`.\n",
        "security": [],
        "parameters": [
          {
            "name": "acceptanceNumber",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          },
          {
            "name": "t",
            "in": "query",
            "required": true,
            "description": "The slip's progress token.",
            "schema": {
              "$ref": "#/components/schemas/ProgressToken"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The stage and its history, in Chinese and English; no personal data.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string",
                  "maxLength": 262144
                }
              },
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApplicationStatus"
                }
              }
            }
          },
          "400": {
            "description": "`validation_failed`: the link is malformed (no token, or not a token's shape).",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string",
                  "maxLength": 65536
                }
              },
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ErrorBody"
                    },
                    {
                      "properties": {
                        "error": {
                          "properties": {
                            "code": {
                              "const": "validation_failed"
                            }
                          }
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "404": {
            "description": "`not_found`: no application with this number, or the token is not this slip's.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string",
                  "maxLength": 65536
                }
              },
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/ErrorBody"
                    },
                    {
                      "properties": {
                        "error": {
                          "properties": {
                            "code": {
                              "const": "not_found"
                            }
                          }
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
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
        "description": "HMAC-SHA256 (hex) over the version-2 canonical string described in `info.description`, sent with\n`X-Terminal-Id`, `X-Timestamp`, `X-Nonce`, `X-Signature-Version: 2` and `X-Signed-Headers`.\n"
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
      "BadRequest": {
        "description": "`bad_request`: the request cannot be read (body not JSON, a chunk past the announced size);\n`validation_failed`: a parameter or the body does not match this document (`details.issues`).\n",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "enum": [
                            "bad_request",
                            "validation_failed"
                          ]
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Unauthenticated": {
        "description": "The terminal's signature is missing, wrong, stale, replayed or from an unknown terminal.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "$ref": "#/components/schemas/SignatureErrorCode"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "UnauthenticatedOrSessionExpired": {
        "description": "As `Unauthenticated`, or `unauthorized` when the clerk or card session token is unknown or expired.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "anyOf": [
                            {
                              "$ref": "#/components/schemas/SignatureErrorCode"
                            },
                            {
                              "const": "unauthorized"
                            }
                          ]
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "UnauthenticatedOrBadCredentials": {
        "description": "As `Unauthenticated`, or `invalid_credentials` when the staff id or password is wrong.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "anyOf": [
                            {
                              "$ref": "#/components/schemas/SignatureErrorCode"
                            },
                            {
                              "const": "invalid_credentials"
                            }
                          ]
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "NotFound": {
        "description": "No such upload or application (a wrong query password answers the same, so numbers cannot be enumerated).",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "not_found"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Conflict": {
        "description": "`idempotency_conflict`: the Idempotency-Key was used with another body; `already_evaluated`: this\napplication has its evaluation; `offset_mismatch`: the chunk is not at the server's offset\n(`details.offset`); `checksum_mismatch`: the same digest was announced with another size.\n",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "enum": [
                            "idempotency_conflict",
                            "already_evaluated",
                            "offset_mismatch",
                            "checksum_mismatch"
                          ]
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The request body is larger than the platform accepts (8 MiB).",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "payload_too_large"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not of a media type the operation accepts.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "unsupported_media_type"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Unprocessable": {
        "description": "Well-formed but refused: `validation_failed` (unknown item `details.itemCode`, required form fields\n`details.missing`, a stale card read, an evaluation for another item), `certificate_unknown` or\n`upload_incomplete` (`details.code` names the material), `checksum_mismatch` (the bytes do not hash to\nthe announced digest; the upload restarts at `details.offset` 0).\n",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "enum": [
                            "validation_failed",
                            "certificate_unknown",
                            "upload_incomplete",
                            "checksum_mismatch"
                          ]
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Locked": {
        "description": "Too many failed logins; try again after `details.retryAfterSeconds`.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "locked"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Internal": {
        "description": "The platform failed; the request may be retried (idempotent operations with the same key).",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "internal"
                        }
                      }
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "Unavailable": {
        "description": "The platform is temporarily unavailable; retry later.",
        "content": {
          "application/json": {
            "schema": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/ErrorBody"
                },
                {
                  "properties": {
                    "error": {
                      "properties": {
                        "code": {
                          "const": "unavailable"
                        }
                      }
                    }
                  }
                }
              ]
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
                "type": "string",
                "maxLength": 1000
              },
              "details": {
                "$ref": "#/components/schemas/ErrorDetails"
              }
            }
          }
        }
      },
      "ErrorDetails": {
        "description": "Machine-readable particulars of an error; which ones appear depends on the code. Never personal data.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "serverTime": {
            "$ref": "#/components/schemas/Timestamp",
            "description": "timestamp_stale: the server clock, to correct skew."
          },
          "issues": {
            "description": "validation_failed: where the request departs from this document.",
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "path",
                "message"
              ],
              "properties": {
                "path": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "missing": {
            "description": "validation_failed: keys of required form fields left empty.",
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "itemCode": {
            "type": "string",
            "description": "validation_failed: the unknown item code."
          },
          "code": {
            "$ref": "#/components/schemas/MaterialCode",
            "description": "certificate_unknown, upload_incomplete: the material."
          },
          "offset": {
            "type": "integer",
            "minimum": 0,
            "description": "offset_mismatch, checksum_mismatch: where the upload resumes."
          },
          "retryAfterSeconds": {
            "type": "integer",
            "minimum": 0,
            "description": "locked: when to try again."
          }
        }
      },
      "SignatureErrorCode": {
        "type": "string",
        "enum": [
          "signature_missing",
          "signature_invalid",
          "timestamp_stale",
          "nonce_replayed",
          "unknown_terminal"
        ]
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
          "payload_too_large",
          "unsupported_media_type",
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
            "description": "The department's English name, for English-language screens and receipts."
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
          },
          "cardTypes": {
            "description": "Only applicants whose identity card is one of these types are asked this field (户籍地址 of mainland residents only: permit holders and foreigners have no household registration). Absent means every applicant.",
            "type": "array",
            "minItems": 1,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/CardType"
            }
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
      "IdentityCodeKind": {
        "description": "Which phone code: ctid (公安部 CTID 网证 / 电子身份证), social_security (电子社保卡), gd_personal (粤省事 / 粤居码), sz_personal (i深圳).",
        "type": "string",
        "enum": [
          "ctid",
          "social_security",
          "gd_personal",
          "sz_personal"
        ]
      },
      "IdentityCodeRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "code",
          "codeKind",
          "terminalId",
          "scannedAt",
          "purpose"
        ],
        "properties": {
          "code": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2048,
            "description": "The code as scanned (UTF-8 text, no control characters)."
          },
          "codeKind": {
            "$ref": "#/components/schemas/IdentityCodeKind"
          },
          "terminalId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "scannedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "purpose": {
            "type": "string",
            "enum": [
              "session",
              "card_match"
            ]
          },
          "cardIdNumber": {
            "$ref": "#/components/schemas/IdNumber",
            "description": "card_match: the number on the card just read."
          }
        }
      },
      "VerifiedIdentity": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name",
          "idNumber",
          "cardType",
          "gender",
          "birthDate"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
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
          "gender": {
            "type": "string",
            "enum": [
              "1",
              "2",
              "9"
            ]
          },
          "birthDate": {
            "type": "string",
            "pattern": "^[0-9]{8}$"
          },
          "documentValidTo": {
            "type": "string",
            "pattern": "^([0-9]{8}|长期)$",
            "description": "The last day of the identity document the code is bound to (the ID card behind a 网证), or 长期; the terminal applies the same expired-document rules as to a card."
          }
        }
      },
      "IdentityVerification": {
        "oneOf": [
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "outcome",
              "codeKind",
              "issuer",
              "assuranceLevel",
              "identityToken"
            ],
            "properties": {
              "outcome": {
                "const": "verified"
              },
              "codeKind": {
                "$ref": "#/components/schemas/IdentityCodeKind"
              },
              "issuer": {
                "type": "string",
                "minLength": 1,
                "maxLength": 100
              },
              "assuranceLevel": {
                "type": "string",
                "enum": [
                  "low",
                  "substantial",
                  "high"
                ],
                "description": "How strongly the issuer bound the code to the person (CTID 网证: high)."
              },
              "identityToken": {
                "type": "string",
                "minLength": 16,
                "maxLength": 128,
                "description": "Opaque, for this verification only; never the code."
              },
              "identity": {
                "$ref": "#/components/schemas/VerifiedIdentity"
              },
              "sameAsCard": {
                "type": "boolean",
                "description": "card_match: whether the code belongs to the cardholder."
              }
            }
          },
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "outcome",
              "reason"
            ],
            "properties": {
              "outcome": {
                "const": "refused"
              },
              "reason": {
                "type": "string",
                "enum": [
                  "expired",
                  "already_used",
                  "unknown_issuer",
                  "revoked",
                  "clock_skew",
                  "malformed"
                ]
              }
            }
          }
        ]
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
          "latinName": {
            "description": "The name in Latin letters on a foreign permanent resident ID card (the holder's own name; `name` is its Chinese transliteration).",
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "phone": {
            "type": "string",
            "pattern": "^1[3-9][0-9]{9}$"
          },
          "identityVerifiedBy": {
            "description": "How the terminal established the applicant's identity (card read, a phone's dynamic code verified by its issuer, or both matched).",
            "type": "string",
            "enum": [
              "card",
              "phone_code",
              "card_and_code"
            ]
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
          },
          "fieldChecks": {
            "description": "What the terminal read off this material's pages and checked against the applicant's card and the\nform as submitted, for the back office's pre-check (材料预审): which fact, on which page of the file,\nwith what outcome. Never corrected on the terminal; no values travel (the file itself is the evidence).\nThe resident and the clerk were shown each mismatch and could retake the page or carry on. Absent when\nnothing on the material could be compared. A page beyond `pageCount` is refused with 422 `validation_failed`.\n",
            "type": "array",
            "maxItems": 32,
            "items": {
              "$ref": "#/components/schemas/MaterialFieldCheck"
            }
          }
        }
      },
      "MaterialFieldCheck": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "against",
          "status",
          "page"
        ],
        "properties": {
          "against": {
            "description": "The card's fact (`card.name`, …) or the form field (`form.<key>`) the value read was compared with.",
            "type": "string",
            "pattern": "^(card\\.(name|idNumber|address|birthDate)|form\\.[A-Za-z][A-Za-z0-9_]{0,63})$"
          },
          "status": {
            "description": "match — they agree; mismatch — they differ; unreadable — read, but failing its check rule (e.g. GB 11643).",
            "type": "string",
            "enum": [
              "match",
              "mismatch",
              "unreadable"
            ]
          },
          "page": {
            "type": "integer",
            "minimum": 1,
            "maximum": 500,
            "description": "The page of the material's file (1-based) the value was read on."
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
            "description": "Opaque, server-issued."
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
        "description": "By the acceptance number and either the query password (typed at a terminal) or the progress token of\nthe receipt's QR link (a terminal reading the slip; see `getProgressPage`). Both prove the slip.\n",
        "oneOf": [
          {
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
          {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "acceptanceNumber",
              "progressToken"
            ],
            "properties": {
              "acceptanceNumber": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64
              },
              "progressToken": {
                "$ref": "#/components/schemas/ProgressToken"
              }
            }
          }
        ]
      },
      "ProgressToken": {
        "description": "16 bytes of HMAC-SHA256 (base64url) that open one slip's progress page; see `getProgressPage`.",
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]{22}$"
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
          "reasons": {
            "description": "Why a 不满意 / 非常不满意 rating was given, from the 好差评 system's standard reason list; a poor rating\ncarries at least one reason (or `reasonText`), a good one none.\n",
            "type": "array",
            "maxItems": 9,
            "uniqueItems": true,
            "items": {
              "$ref": "#/components/schemas/EvaluationReason"
            }
          },
          "reasonText": {
            "type": "string",
            "maxLength": 200,
            "description": "The resident's own words about a poor rating."
          },
          "callbackPhone": {
            "description": "Present when the resident asked for a callback (回访) on a poor rating. Personal data.",
            "type": "string",
            "pattern": "^(?:1[3-9][0-9]{9}|0[0-9]{9,11})$"
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
      "EvaluationReason": {
        "description": "办事指南不清晰 `guide-unclear`, 办理流程繁琐 `process-complicated`, 提交材料过多 `too-many-materials`,\n办理时间过长 `too-slow`, 需要多次跑动 `repeated-trips`, 服务态度不好 `staff-attitude`, 业务不熟练\n`staff-unskilled`, 系统操作不便 `system-hard-to-use`, 其他 `other`.\n",
        "type": "string",
        "enum": [
          "guide-unclear",
          "process-complicated",
          "too-many-materials",
          "too-slow",
          "repeated-trips",
          "staff-attitude",
          "staff-unskilled",
          "system-hard-to-use",
          "other"
        ]
      },
      "ReceiptSmsRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "acceptanceNumber",
          "queryPassword",
          "phone"
        ],
        "properties": {
          "acceptanceNumber": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "queryPassword": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32
          },
          "phone": {
            "description": "The applicant's mobile number (personal data; the platform keeps it only to send this message).",
            "type": "string",
            "pattern": "^1[3-9][0-9]{9}$"
          }
        }
      },
      "ReceiptSmsReceipt": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "messageId",
          "sentAt"
        ],
        "properties": {
          "messageId": {
            "type": "string"
          },
          "sentAt": {
            "$ref": "#/components/schemas/Timestamp"
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
              "averageStars",
              "byReason",
              "callbacks"
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
              },
              "byReason": {
                "description": "The reasons given with poor ratings (one rating may give several), most given first.",
                "type": "array",
                "maxItems": 9,
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "reason",
                    "count"
                  ],
                  "properties": {
                    "reason": {
                      "$ref": "#/components/schemas/EvaluationReason"
                    },
                    "count": {
                      "type": "integer",
                      "minimum": 1
                    }
                  }
                }
              },
              "callbacks": {
                "description": "Poor ratings whose resident asked for a callback (回访); the phones are not in this report.",
                "type": "integer",
                "minimum": 0
              }
            }
          }
        }
      }
    }
  }
};
