import Accounts
import Consultation
import Feedback
import Reporting
import Tracker


/// The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`.
/// Every endpoint the API registers is described here; a test checks both lists agree.
enum OpenAPIDocument {
    static let paths = [
        "/api/v1/measures", "/api/v1/measures/{number}", "/api/v1/measures.csv", "/api/v1/openapi.json",
        "/api/v1/measures/{number}/updates", "/api/v1/measures/{number}/milestones",
        "/api/v1/measures/{number}/assignments", "/api/v1/measures/{number}/signoff", "/api/v1/assignments/{id}",
        "/api/v1/updates/{id}/publish", "/api/v1/milestones/{id}/done", "/api/v1/units",
        "/api/v1/search", "/api/v1/questions", "/api/v1/questions/{reference}",
        "/api/v1/feedback", "/api/v1/feedback/{reference}",
    ]

    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "YuGang API",
        "version": "1.0.0",
        "description": "The Chongqing–Hong Kong cooperation measures and their progress. Texts come as written (`text`, with its `script`) and rendered in Hong Kong Traditional (`zh-Hant`) and Simplified (`zh-Hans`)."
      },
      "servers": [{ "url": "/" }],
      "paths": {
        "/api/v1/measures": {
          "get": {
            "operationId": "listMeasures",
            "summary": "Every measure of the current agreement with both sides' progress",
            "parameters": [
              { "name": "area", "in": "query", "required": false, "description": "Only the measures of this area (1–99).", "schema": { "type": "integer", "minimum": 1, "maximum": 99 } }
            ],
            "responses": {
              "200": { "description": "The measures", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MeasureList" } } } },
              "400": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/measures/{number}": {
          "get": {
            "operationId": "getMeasure",
            "summary": "One measure by its number, e.g. 11.2",
            "parameters": [
              { "name": "number", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{1,2}\\.[0-9]{1,3}$" }, "example": "11.2" }
            ],
            "responses": {
              "200": { "description": "The measure", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Measure" } } } },
              "404": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/measures.csv": {
          "get": {
            "operationId": "exportMeasuresCSV",
            "summary": "The measures with both sides' status as CSV (UTF-8 with byte-order mark)",
            "parameters": [
              { "name": "lang", "in": "query", "required": false, "description": "zh-Hans gives Simplified text; otherwise Traditional.", "schema": { "type": "string", "enum": ["zh-Hant", "zh-Hans", "en"] } }
            ],
            "responses": {
              "200": { "description": "CSV file", "content": { "text/csv": { "schema": { "type": "string" } } } }
            }
          }
        },
        "/api/v1/measures/{number}/updates": {
          "post": {
            "operationId": "createProgressUpdate",
            "summary": "Report progress on a measure for your side (unit officers of an assigned unit, liaison offices)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/MeasureNumber" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProgressUpdateInput" } } } },
            "responses": {
              "201": { "description": "Stored", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProgressUpdateCreated" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/measures/{number}/milestones": {
          "post": {
            "operationId": "createMilestone",
            "summary": "Add a milestone for your side of a measure",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/MeasureNumber" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MilestoneInput" } } } },
            "responses": {
              "201": { "description": "Stored" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/measures/{number}/assignments": {
          "post": {
            "operationId": "assignUnit",
            "summary": "Assign a unit of your side to lead or support a measure (liaison offices)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/MeasureNumber" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AssignmentInput" } } } },
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/measures/{number}/signoff": {
          "post": {
            "operationId": "signOff",
            "summary": "Sign off your side of a measure as completed (liaison offices; the side must be reported completed)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/MeasureNumber" }],
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          },
          "delete": {
            "operationId": "revokeSignOff",
            "summary": "Withdraw your side's sign-off (liaison offices)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/MeasureNumber" }],
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/assignments/{id}": {
          "delete": {
            "operationId": "removeAssignment",
            "summary": "Remove an assignment of a unit of your side (liaison offices)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/ID" }],
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/updates/{id}/publish": {
          "post": {
            "operationId": "publishUpdate",
            "summary": "Make a progress update of your side public (liaison offices)",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/ID" }],
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/milestones/{id}/done": {
          "post": {
            "operationId": "completeMilestone",
            "summary": "Mark a milestone of your side done today",
            "security": [{ "bearer": [] }],
            "parameters": [{ "$ref": "#/components/parameters/ID" }],
            "responses": {
              "204": { "description": "Done" },
              "400": { "$ref": "#/components/responses/Problem" },
              "401": { "$ref": "#/components/responses/Problem" },
              "403": { "$ref": "#/components/responses/Problem" },
              "404": { "$ref": "#/components/responses/Problem" },
              "409": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/units": {
          "get": {
            "operationId": "listUnits",
            "summary": "The units of both sides (any logged-in officer)",
            "security": [{ "bearer": [] }],
            "responses": {
              "200": { "description": "The units", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Unit" } } } } },
              "401": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/search": {
          "get": {
            "operationId": "search",
            "summary": "Search measures and public policy answers in any script (Traditional, Hong Kong variants, Simplified, English)",
            "parameters": [
              { "name": "q", "in": "query", "required": false, "schema": { "type": "string", "maxLength": 200 } },
              { "name": "type", "in": "query", "required": false, "schema": { "type": "string", "enum": ["", "measure", "article"] } },
              { "name": "category", "in": "query", "required": false, "schema": { "type": "string" } },
              { "name": "page", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 1000 } }
            ],
            "responses": {
              "200": { "description": "Results", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SearchResults" } } } },
              "400": { "$ref": "#/components/responses/Problem" }
            }
          }
        },
        "/api/v1/questions": {
          "post": {
            "operationId": "askQuestion",
            "summary": "Ask a question; the answer is read later with the reference and the access code (shown once). At most 10 an hour from one address.",
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QuestionInput" } } } },
            "responses": {
              "201": { "description": "Received", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QuestionReceipt" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" },
              "429": { "$ref": "#/components/responses/TooMany" }
            }
          }
        },
        "/api/v1/questions/{reference}": {
          "get": {
            "operationId": "getQuestion",
            "summary": "A question and its answer, with the access code in the X-Access-Code header. After 10 wrong codes for one reference (or 20 from one address) in an hour every answer is 429 until the hour ends, and a reference that does not exist is answered like a wrong code.",
            "parameters": [
              { "name": "reference", "in": "path", "required": true, "schema": { "type": "string" }, "example": "YG-Q-2026-000001" },
              { "name": "X-Access-Code", "in": "header", "required": true, "schema": { "type": "string" } }
            ],
            "responses": {
              "200": { "description": "The question", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Question" } } } },
              "404": { "$ref": "#/components/responses/Problem" },
              "429": { "$ref": "#/components/responses/TooMany" }
            }
          }
        },
        "/api/v1/feedback": {
          "post": {
            "operationId": "sendFeedback",
            "summary": "Send an opinion, suggestion, complaint or compliment; it is followed with the reference and the access code (shown once). At most 10 an hour from one address and 5 a day from one contact.",
            "requestBody": { "required": true, "content": {
              "application/json": { "schema": { "$ref": "#/components/schemas/FeedbackInput" } },
              "multipart/form-data": { "schema": { "$ref": "#/components/schemas/FeedbackInput" } }
            } },
            "responses": {
              "201": { "description": "Received", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/QuestionReceipt" } } } },
              "400": { "$ref": "#/components/responses/Problem" },
              "413": { "$ref": "#/components/responses/Problem" },
              "415": { "$ref": "#/components/responses/Problem" },
              "422": { "$ref": "#/components/responses/Problem" },
              "429": { "$ref": "#/components/responses/TooMany" }
            }
          }
        },
        "/api/v1/feedback/{reference}": {
          "get": {
            "operationId": "getFeedback",
            "summary": "A feedback case's state and the replies, with the access code in the X-Access-Code header. After 10 wrong codes for one reference (or 20 from one address) in an hour every answer is 429 until the hour ends, and a reference that does not exist is answered like a wrong code.",
            "parameters": [
              { "name": "reference", "in": "path", "required": true, "schema": { "type": "string" }, "example": "YG-2026-000001" },
              { "name": "X-Access-Code", "in": "header", "required": true, "schema": { "type": "string" } }
            ],
            "responses": {
              "200": { "description": "The case", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FeedbackCase" } } } },
              "404": { "$ref": "#/components/responses/Problem" },
              "429": { "$ref": "#/components/responses/TooMany" }
            }
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "operationId": "getOpenAPI",
            "summary": "This document",
            "responses": { "200": { "description": "OpenAPI 3.1 document", "content": { "application/json": { "schema": { "type": "object" } } } } }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": { "type": "http", "scheme": "bearer", "description": "A token from /officer/tokens. A browser session with the X-CSRF-Token header works too." }
        },
        "parameters": {
          "ID": { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
          "MeasureNumber": { "name": "number", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^[0-9]{1,2}\\.[0-9]{1,3}$" }, "example": "11.2" }
        },
        "responses": {
          "Problem": { "description": "An error (RFC 9457)", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
          "TooMany": {
            "description": "A limit was reached (submissions from one address or contact, or wrong access codes for one reference or from one address); nothing was done. Retry after the number of seconds given.",
            "headers": { "Retry-After": { "description": "Seconds to the end of the window", "schema": { "type": "integer", "minimum": 1 } } },
            "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } }
          }
        },
        "schemas": {
          "Problem": {
            "type": "object",
            "required": ["type", "title", "status", "detail"],
            "properties": {
              "type": { "type": "string" }, "title": { "type": "string" }, "status": { "type": "integer" }, "detail": { "type": "string" },
              "errors": { "type": "object", "description": "Message per invalid field", "additionalProperties": { "type": "string" } }
            }
          },
          "ProgressUpdateInput": {
            "type": "object",
            "required": ["period", "status", "percent", "narrative", "visibility"],
            "properties": {
              "period": { "type": "string", "description": "A month (2026-11) or a quarter (2026-Q4)", "example": "2026-11" },
              "status": { "$ref": "#/components/schemas/Status" },
              "percent": { "type": "integer", "minimum": 0, "maximum": 100 },
              "narrative": { "type": "string", "minLength": 1, "maxLength": 5000 },
              "evidence": { "type": "array", "maxItems": 10, "items": { "type": "string", "format": "uri" } },
              "visibility": { "type": "string", "enum": ["draft", "internal", "public"], "description": "public from a unit officer asks the liaison office to publish" }
            }
          },
          "ProgressUpdateCreated": {
            "type": "object",
            "required": ["id", "measure", "side", "visibility", "publishRequested"],
            "properties": {
              "id": { "type": "string", "format": "uuid" },
              "measure": { "type": "string" },
              "side": { "type": "string", "enum": ["cq", "hk"] },
              "visibility": { "type": "string", "enum": ["draft", "internal", "public"] },
              "publishRequested": { "type": "boolean" }
            }
          },
          "AssignmentInput": {
            "type": "object",
            "required": ["unit", "role"],
            "properties": { "unit": { "type": "string", "format": "uuid" }, "role": { "type": "string", "enum": ["lead", "support"] } }
          },
          "Unit": {
            "type": "object",
            "required": ["id", "name", "side", "isLiaisonOffice"],
            "properties": {
              "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
              "side": { "type": "string", "enum": ["cq", "hk"] }, "isLiaisonOffice": { "type": "boolean" }
            }
          },
          "SearchResults": {
            "type": "object",
            "required": ["query", "total", "totalIsAtLeast", "page", "pageCount", "results"],
            "properties": {
              "query": { "type": "string" }, "total": { "type": "integer", "description": "Matches, counted up to 1000" },
              "totalIsAtLeast": { "type": "boolean", "description": "More matches than total" },
              "page": { "type": "integer" }, "pageCount": { "type": "integer" },
              "didYouMean": { "type": "string" },
              "results": { "type": "array", "items": {
                "type": "object", "required": ["kind", "key", "title", "url", "snippet"],
                "properties": {
                  "kind": { "type": "string", "enum": ["measure", "article"] }, "key": { "type": "string" }, "title": { "type": "string" },
                  "url": { "type": "string" }, "category": { "type": "string" },
                  "snippet": { "type": "array", "items": { "type": "object", "required": ["text", "match"],
                               "properties": { "text": { "type": "string" }, "match": { "type": "boolean" } } } }
                } } }
            }
          },
          "QuestionInput": {
            "type": "object",
            "required": ["category", "question"],
            "properties": {
              "category": { "type": "string", "example": "education" },
              "question": { "type": "string", "minLength": 5, "maxLength": 5000 },
              "contact": { "type": "string", "description": "E-mail or telephone, kept only with consent" },
              "consent": { "type": "boolean", "description": "Agreement that the contact details are used to reply" },
              "consentShare": { "type": "boolean", "description": "The question (and the contact) may be shared with the Hong Kong side; without it only Chongqing-side officers see it" }
            }
          },
          "QuestionReceipt": {
            "type": "object", "required": ["reference", "accessCode"],
            "properties": { "reference": { "type": "string" }, "accessCode": { "type": "string" } }
          },
          "FeedbackInput": {
            "type": "object",
            "required": ["kind", "area", "subject", "content", "replyLanguage"],
            "properties": {
              "kind": { "type": "string", "enum": ["opinion", "suggestion", "complaint", "compliment"] },
              "area": { "type": "string", "description": "1–11, or other", "example": "11" },
              "subject": { "type": "string", "maxLength": 200 },
              "content": { "type": "string", "minLength": 10, "maxLength": 10000 },
              "name": { "type": "string", "maxLength": 100 },
              "email": { "type": "string" },
              "phone": { "type": "string" },
              "replyLanguage": { "type": "string", "enum": ["zh-Hant", "zh-Hans", "en"] },
              "consentReply": { "type": "boolean", "description": "(a) the contact details may be used to reply; required when a contact is given" },
              "consentShare": { "type": "boolean", "description": "(b) the case may be shared with the Hong Kong side" },
              "attachments": { "type": "array", "maxItems": 3, "description": "PDF, JPEG or PNG, at most 5 MB each (checked by content)",
                               "items": { "type": "object", "required": ["filename", "data"],
                                          "properties": { "filename": { "type": "string" }, "data": { "type": "string", "contentEncoding": "base64" } } } }
            }
          },
          "FeedbackCase": {
            "type": "object",
            "required": ["reference", "kind", "state", "receivedOn", "replyDueOn", "subject", "messages", "canReopen"],
            "properties": {
              "reference": { "type": "string" },
              "kind": { "type": "string" },
              "area": { "type": ["integer", "null"] },
              "state": { "type": "string", "enum": ["new", "triaged", "assigned", "in_progress", "awaiting_requester", "answered", "closed", "reopened", "merged", "spam"] },
              "receivedOn": { "type": "string", "format": "date" },
              "replyDueOn": { "type": "string", "format": "date" },
              "subject": { "$ref": "#/components/schemas/Text" },
              "messages": { "type": "array", "items": { "type": "object", "required": ["from", "text"],
                            "properties": { "from": { "type": "string", "enum": ["requester", "officer"] }, "text": { "$ref": "#/components/schemas/Text" },
                                            "at": { "type": "string", "format": "date-time" } } } },
              "rating": { "type": ["integer", "null"] },
              "canReopen": { "type": "boolean" }
            }
          },
          "Question": {
            "type": "object",
            "required": ["reference", "category", "state", "question"],
            "properties": {
              "reference": { "type": "string" }, "category": { "type": "string" },
              "state": { "type": "string", "enum": ["new", "answered", "closed"] },
              "question": { "$ref": "#/components/schemas/Text" }, "answer": { "$ref": "#/components/schemas/Text" },
              "answeredAt": { "type": "string", "format": "date-time" }
            }
          },
          "MilestoneInput": {
            "type": "object",
            "required": ["title", "dueOn"],
            "properties": { "title": { "type": "string", "minLength": 1, "maxLength": 200 }, "dueOn": { "type": "string", "format": "date" } }
          },
          "Text": {
            "type": "object",
            "required": ["text", "script", "zh-Hant", "zh-Hans"],
            "properties": {
              "text": { "type": "string", "description": "As written" },
              "script": { "type": "string", "enum": ["zh-Hant", "zh-Hans"] },
              "zh-Hant": { "type": "string" },
              "zh-Hans": { "type": "string" }
            }
          },
          "Status": { "type": "string", "enum": ["not_started", "in_progress", "ongoing", "completed", "delayed"] },
          "Side": {
            "type": "object",
            "required": ["side", "status", "percent", "leadUnits", "supportingUnits"],
            "properties": {
              "side": { "type": "string", "enum": ["cq", "hk"] },
              "status": { "$ref": "#/components/schemas/Status" },
              "percent": { "type": "integer", "minimum": 0, "maximum": 100 },
              "signedOffAt": { "type": "string", "format": "date-time" },
              "leadUnits": { "type": "array", "items": { "type": "string" } },
              "supportingUnits": { "type": "array", "items": { "type": "string" } }
            }
          },
          "Measure": {
            "type": "object",
            "required": ["number", "area", "item", "text", "status", "percent", "light", "sides", "url"],
            "properties": {
              "number": { "type": "string", "example": "11.2" },
              "area": { "type": "integer" },
              "item": { "type": "integer" },
              "text": { "$ref": "#/components/schemas/Text" },
              "status": { "$ref": "#/components/schemas/Status" },
              "percent": { "type": "integer", "minimum": 0, "maximum": 100 },
              "light": { "type": "string", "enum": ["grey", "green", "amber", "red"] },
              "sides": { "type": "array", "items": { "$ref": "#/components/schemas/Side" } },
              "url": { "type": "string" }
            }
          },
          "MeasureList": {
            "type": "object",
            "required": ["agreement", "revision", "count", "measures"],
            "properties": {
              "agreement": { "type": "string" },
              "revision": { "type": "integer" },
              "count": { "type": "integer" },
              "measures": { "type": "array", "items": { "$ref": "#/components/schemas/Measure" } }
            }
          }
        }
      }
    }
    """#
}
