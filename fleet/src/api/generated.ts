// GENERATED from fleet/openapi.yaml by `npx tsx fleet/scripts/generate-api-types.ts`. Do not edit.
export interface paths {
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator this session belongs to. */
        get: operations["currentSession"];
        put?: never;
        /** Sign in with user name and password; sets the session cookie. */
        post: operations["signIn"];
        /** Ends the session. */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console's own health (broker connection, messages received and refused). */
        get: operations["getStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/terminals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The terminals in the operator's scope, grouped by district/street/centre, worst first. */
        get: operations["listTerminals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/terminals/{terminalId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        /** One terminal with its devices, open alerts and recent commands. */
        get: operations["getTerminal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/terminals/{terminalId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        /** The last 24 hours of the terminal's heartbeats, one point a minute at most. */
        get: operations["getHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/terminals/{terminalId}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        /** The terminal's recent commands with their ack state. */
        get: operations["listCommands"];
        put?: never;
        /** Sends a command to the terminal (held by the broker while the terminal is away, until it expires). */
        post: operations["issueCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/commands/{commandId}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commandId: string;
            };
            cookie?: never;
        };
        /** The file a logBundle or screenshot command brought back. */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts in scope, newest first (active: open or not yet acknowledged). */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{terminalId}/{alertId}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
                alertId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledges an alert (who and when are kept; the first acknowledgement stands). */
        post: operations["ackAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends one command to every terminal of a selection, paced (a token bucket) so none stampede. */
        post: operations["startAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/actions/{actionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
            };
            cookie?: never;
        };
        /** Progress of a fleet action (commands by status). */
        get: operations["getAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operator actions, newest first (a street operator sees their own). */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live feed (Server-Sent Events): `alert`, `command`, `terminals` (ids changed) and `action`. */
        get: operations["liveEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TerminalId: string;
        /** Format: date-time */
        Instant: string;
        /** @enum {string} */
        Colour: "red" | "yellow" | "green";
        /** @enum {string} */
        ServiceMode: "inService" | "outOfService" | "draining";
        /** @enum {string} */
        CommandName: "drain" | "outOfService" | "inService" | "reloadRenderer" | "restartApp" | "configPush" | "logBundle" | "screenshot" | "updateCheck";
        /** @enum {string} */
        CommandStatus: "pending" | "sent" | "received" | "done" | "refused" | "failed" | "expired" | "unsupported";
        ErrorBody: {
            error: {
                /** @enum {string} */
                code: "bad_request" | "validation_failed" | "unauthenticated" | "invalid_credentials" | "locked" | "forbidden" | "not_found" | "empty_selection" | "internal";
                message: string;
                lockedUntil?: components["schemas"]["Instant"];
                issues?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        SignInRequest: {
            username: string;
            password: string;
        };
        Operator: {
            username: string;
            /** @enum {string} */
            role: "street" | "city";
            district: string | null;
            street: string | null;
        };
        Session: {
            operator: components["schemas"]["Operator"];
            expiresAt?: components["schemas"]["Instant"];
        };
        ConsoleStatus: {
            at: components["schemas"]["Instant"];
            terminals: number;
            broker: {
                connected: boolean;
                received: number;
                rejected: number;
                /** @description Messages the store failed to write; each was left unacknowledged for the broker to redeliver, or parked. */
                storeFailures: number;
                /** @description Messages given up on after repeated store failures (kept aside in the store when it takes them). */
                parked: number;
                lastRejections: {
                    topic: string;
                    reason: string;
                    at: components["schemas"]["Instant"];
                }[];
            };
        };
        Counts: {
            red: number;
            yellow: number;
            green: number;
        };
        TerminalSummary: {
            terminalId: components["schemas"]["TerminalId"];
            online: boolean;
            service: components["schemas"]["ServiceMode"];
            serviceReason: string | null;
            version: string;
            configVersion: string;
            /** @enum {string} */
            mode: "kiosk" | "counter";
            district: string;
            street: string;
            centre: string;
            lastHeartbeatAt: components["schemas"]["Instant"] | null;
            silentSeconds: number | null;
            colour: components["schemas"]["Colour"];
            /** @description Codes, most serious first (offline, silent, late, outOfService, draining, alert:<code>, device:<id>:<status>, outbox, paperLow). */
            reasons: string[];
            outboxDepth: number | null;
        };
        TerminalGroup: {
            district: string;
            street: string;
            centre: string;
            colour: components["schemas"]["Colour"];
            counts: components["schemas"]["Counts"];
            terminals: components["schemas"]["TerminalSummary"][];
        };
        TerminalList: {
            at: components["schemas"]["Instant"];
            total: number;
            counts: components["schemas"]["Counts"];
            groups: components["schemas"]["TerminalGroup"][];
        };
        Device: {
            id: string;
            kind: string;
            /** @enum {string} */
            status: "online" | "offline" | "noDevice" | "hardwareError" | "userError" | "busy" | "starting";
            required: boolean;
            fault: string | null;
            alerts: string[];
            counters: {
                [key: string]: number;
            };
        };
        TerminalDetail: {
            terminal: components["schemas"]["TerminalSummary"];
            stateAt: components["schemas"]["Instant"];
            heartbeatIntervalSeconds: number | null;
            devices: components["schemas"]["Device"][];
            alerts: components["schemas"]["AlertItem"][];
            commands: components["schemas"]["CommandItem"][];
        };
        History: {
            terminalId: components["schemas"]["TerminalId"];
            since: components["schemas"]["Instant"];
            points: {
                at: components["schemas"]["Instant"];
                outboxDepth: number;
                devices: {
                    [key: string]: string;
                };
                cpuLoad1m: number;
                memoryFreeBytes: number;
            }[];
        };
        AlertItem: {
            terminalId: components["schemas"]["TerminalId"];
            alertId: string;
            at: components["schemas"]["Instant"];
            receivedAt: components["schemas"]["Instant"];
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            code: string;
            device: string | null;
            clearedAt: components["schemas"]["Instant"] | null;
            ackedBy: string | null;
            ackedAt: components["schemas"]["Instant"] | null;
        };
        AlertList: {
            alerts: components["schemas"]["AlertItem"][];
        };
        CommandRequest: {
            name: components["schemas"]["CommandName"];
            /** @description Per command name, as the AsyncAPI document says (checked by the console and again by the terminal). */
            args?: Record<string, unknown>;
            /** @description How long the command may wait for an absent terminal (default 900). */
            ttlSeconds?: number;
        };
        CommandItem: {
            commandId: string;
            terminalId: components["schemas"]["TerminalId"];
            name: components["schemas"]["CommandName"];
            args: Record<string, unknown>;
            issuedBy: string;
            issuedAt: components["schemas"]["Instant"];
            expiresAt: components["schemas"]["Instant"];
            status: components["schemas"]["CommandStatus"];
            reason: string | null;
            result: Record<string, unknown> | null;
            updatedAt: components["schemas"]["Instant"];
            actionId: string | null;
        };
        CommandList: {
            commands: components["schemas"]["CommandItem"][];
        };
        ActionRequest: {
            /** @description Terminals matching every given field, within the operator's scope. An empty selection is the whole fleet (city operators only). */
            selection: {
                terminalIds?: components["schemas"]["TerminalId"][];
                district?: string;
                street?: string;
                centre?: string;
            };
            name: components["schemas"]["CommandName"];
            args?: Record<string, unknown>;
            ttlSeconds?: number;
        };
        ActionStatus: {
            /** Format: uuid */
            actionId: string;
            name: components["schemas"]["CommandName"];
            issuedBy: string;
            issuedAt: components["schemas"]["Instant"];
            total: number;
            ratePerSecond: number;
            counts: {
                pending: number;
                sent: number;
                received: number;
                done: number;
                refused: number;
                failed: number;
                expired: number;
                unsupported: number;
            };
        };
        AuditList: {
            entries: {
                at: components["schemas"]["Instant"];
                operator: string;
                action: string;
                target: string | null;
                detail: Record<string, unknown>;
            }[];
        };
    };
    responses: {
        /** @description The request does not match this document (`issues` name the fields). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No valid session, or a wrong user name or password. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Not allowed for this operator, or a cross-origin or non-JSON change. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such thing in the operator's scope. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        TerminalId: components["schemas"]["TerminalId"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    currentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    /** @description The session cookie (HttpOnly, SameSite=Strict). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description Too many wrong passwords; the account is locked until `lockedUntil`. */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; the cookie is cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    getStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleStatus"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    listTerminals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    getTerminal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The terminal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    getHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["History"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listCommands: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Commands, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    issueCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommandRequest"];
            };
        };
        responses: {
            /** @description Recorded and handed to the broker; acks follow on the live feed. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                commandId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/gzip": string;
                    "image/png": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listAlerts: {
        parameters: {
            query?: {
                state?: "active" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alerts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
        };
    };
    ackAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                terminalId: components["parameters"]["TerminalId"];
                alertId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The alert as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    startAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        responses: {
            /** @description Queued; progress on `GET /api/actions/{actionId}` and the live feed. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description The selection names no terminal the operator can see. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    getAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    liveEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; each `data:` line is the JSON of an AlertItem (`alert`), a CommandItem (`command`), an ActionStatus (`action`) or `{"terminalIds": [...]}` (`terminals`, at most one a second). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
}
