// GENERATED from backend-client/openapi.yaml by `npm run generate -w backend-client`. Do not edit.
export interface paths {
    "/v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service catalogue (categories and items), versioned with an ETag. */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residents/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resource-library lookup for prefill; returns only the requested fields. */
        post: operations["lookupResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/card-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a fresh card read for a short-lived applicant token (query "my applications"). */
        post: operations["createCardSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/identity/code-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a dynamic identity code a resident showed on the phone (亮码: CTID 网证 / 电子身份证, 电子社保卡, 粤省事,
         *     i深圳). The platform asks the code's issuer and answers with the verified identity (purpose `session`) or
         *     only whether it is the same person as the card just read (purpose `card_match`); a refusal is an answer
         *     too (`outcome: refused` with its reason), not an error. A code verifies once and expires 60 s after it
         *     was issued; the terminal never keeps or logs the code.
         */
        post: operations["verifyIdentityCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start (or find) a resumable upload identified by the file's SHA-256. */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: components["schemas"]["UploadId"];
            };
            cookie?: never;
        };
        /** Upload state (received offset). */
        get: operations["getUpload"];
        /** Append a chunk at `Upload-Offset`; a mismatching offset answers 409 with the server's offset. */
        put: operations["putUploadChunk"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit an application (办件). Deduplicated by terminal + Idempotency-Key. */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Progress by acceptance number + query password (查询密码) or the slip's progress token. */
        post: operations["queryApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/by-applicant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** All applications of the card holder of a card session. */
        post: operations["listApplicationsByApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 好差评 evaluation, once per application (一事一评). */
        post: operations["submitEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipt-sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 短信回执: the platform texts the acceptance number, query password and progress link to the applicant's phone, for a resident whose slip could not be printed (paper out). Proven by number + query password, as a query is. */
        post: operations["sendReceiptSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminal heartbeat with device status and alerts. */
        post: operations["sendHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clerks/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Counter-mode clerk login; locked after repeated failures. */
        post: operations["clerkLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clerks/me/workload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in clerk's workload and 好差评 ratings. */
        get: operations["getClerkWorkload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/progress/{acceptanceNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The progress page a resident's phone opens from the receipt's QR code (扫码查询).
         * @description Public: phones call it, not terminals, so it is not signed. The link is
         *     `https://{progressHost}/progress/{acceptanceNumber}?t={token}`, where the token is the first 16 bytes
         *     (base64url) of HMAC-SHA256 under the issuing terminal's secret over `EASYDO-PROGRESS-LINK-V1\n` and the
         *     acceptance number. It reveals neither the query password nor the applicant; without it nobody reads the
         *     page. An unknown number and a wrong token get the same 404, so numbers cannot be enumerated. The page
         *     is HTML; a client that asks for `application/json` (Accept) gets the same facts as `ApplicationStatus`.
         */
        get: operations["getProgressPage"];
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
        ErrorBody: {
            error: {
                code: components["schemas"]["ErrorCode"];
                message: string;
                details?: components["schemas"]["ErrorDetails"];
            };
        };
        /** @description Machine-readable particulars of an error; which ones appear depends on the code. Never personal data. */
        ErrorDetails: {
            /** @description timestamp_stale: the server clock, to correct skew. */
            serverTime?: components["schemas"]["Timestamp"];
            /** @description validation_failed: where the request departs from this document. */
            issues?: {
                path: string;
                message: string;
            }[];
            /** @description validation_failed: keys of required form fields left empty. */
            missing?: string[];
            /** @description validation_failed: the unknown item code. */
            itemCode?: string;
            /** @description certificate_unknown, upload_incomplete: the material. */
            code?: components["schemas"]["MaterialCode"];
            /** @description offset_mismatch, checksum_mismatch: where the upload resumes. */
            offset?: number;
            /** @description locked: when to try again. */
            retryAfterSeconds?: number;
        };
        /** @enum {string} */
        SignatureErrorCode: "signature_missing" | "signature_invalid" | "timestamp_stale" | "nonce_replayed" | "unknown_terminal";
        /** @enum {string} */
        ErrorCode: "bad_request" | "validation_failed" | "signature_missing" | "signature_invalid" | "timestamp_stale" | "nonce_replayed" | "unknown_terminal" | "not_found" | "idempotency_conflict" | "already_evaluated" | "invalid_credentials" | "locked" | "unauthorized" | "upload_incomplete" | "certificate_unknown" | "checksum_mismatch" | "offset_mismatch" | "payload_too_large" | "unsupported_media_type" | "internal" | "unavailable";
        /** Format: date-time */
        Timestamp: string;
        /** @description ID number of a resident card, permit or foreigner permanent-residence card. */
        IdNumber: string;
        /** @description 事项编码, 2 letters (type) + 5-digit main item + 3-digit sub-item. */
        ItemCode: string;
        UploadId: string;
        Sha256: string;
        LocalizedText: {
            zh: string;
            en: string;
        };
        Catalogue: {
            version: string;
            generatedAt: components["schemas"]["Timestamp"];
            categories: components["schemas"]["Category"][];
            items: components["schemas"]["CatalogueItem"][];
        };
        Category: {
            code: string;
            name: components["schemas"]["LocalizedText"];
        };
        Department: {
            code: string;
            name: string;
            /** @description The department's English name, for English-language screens and receipts. */
            nameEn?: string;
            /** @description The department keeps Chinese records only: a receipt for an English-speaking applicant is printed in both languages (Chinese first) instead of English alone. */
            chineseRecordRequired?: boolean;
        };
        /** @enum {string} */
        ApplicantType: "natural_person" | "legal_person" | "agent";
        CatalogueItem: {
            code: components["schemas"]["ItemCode"];
            categoryCode: string;
            name: components["schemas"]["LocalizedText"];
            department: components["schemas"]["Department"];
            /** @description Legal time limit (法定时限) in working days. */
            timeLimitWorkingDays: number;
            fee: {
                amountFen: number;
                description: string;
            };
            applicantTypes: components["schemas"]["ApplicantType"][];
            guide: {
                conditions: components["schemas"]["LocalizedText"];
                basis?: string;
            };
            fields: components["schemas"]["FormField"][];
            materials: components["schemas"]["RequiredMaterial"][];
            /** @description Whether an applicant may proceed with an expired identity card (e.g. a renewal item). Absent means no: the terminal stops and sends the applicant to the counter or to obtain a 临时身份证. */
            acceptsExpiredCard?: boolean;
        };
        /** @enum {string} */
        FieldType: "text" | "number" | "date" | "select" | "phone" | "idNumber" | "textarea";
        FormField: {
            key: string;
            label: components["schemas"]["LocalizedText"];
            type: components["schemas"]["FieldType"];
            required: boolean;
            validation?: {
                pattern?: string;
                min?: number;
                max?: number;
                maxLength?: number;
                options?: {
                    value: string;
                    label: components["schemas"]["LocalizedText"];
                }[];
            };
            /** @description Where the value comes from, e.g. `card.name` or `library.housing.address`. */
            prefill?: string;
            editableWhenPrefilled: boolean;
            /** @description Only applicants whose identity card is one of these types are asked this field (户籍地址 of mainland residents only: permit holders and foreigners have no household registration). Absent means every applicant. */
            cardTypes?: components["schemas"]["CardType"][];
        };
        RequiredMaterial: {
            code: string;
            name: components["schemas"]["LocalizedText"];
            count: number;
            /** @description Originals to be shown for verification. */
            originalsRequired: boolean;
            /** @description 电子证照 type that can replace the paper, or null. */
            electronicCertificateType: string | null;
            /** @description Words whose presence on a scanned page suggests this material. */
            ocrKeywords: string[];
            /** @description Only applicants whose identity card is one of these types need this material (e.g. 居民身份证 for residents, 港澳台居民居住证 for permit holders, 外国人永久居留身份证 and a passport for foreigners). Absent means every applicant. */
            cardTypes?: components["schemas"]["CardType"][];
        };
        /** @enum {string} */
        CardType: "resident" | "hmt_permit" | "foreigner_2017" | "foreigner_2023";
        /** @enum {string} */
        LibraryField: "householdRegistration" | "residenceAddress" | "housing" | "contactPhone" | "electronicCertificates";
        ResidentLookupRequest: {
            idNumber: components["schemas"]["IdNumber"];
            itemCode?: components["schemas"]["ItemCode"];
            fields: components["schemas"]["LibraryField"][];
        };
        ResidentRecord: {
            found: boolean;
            householdRegistration?: {
                address: string;
                /** @enum {string} */
                kind: "非农业" | "农业" | "居民";
                householder: string;
                relation: string;
            };
            residenceAddress?: string;
            housing?: {
                /** @enum {string} */
                tenure: "owned" | "rented" | "other";
                address: string;
                areaSqm?: number;
                contractNumber?: string;
                /** Format: date */
                rentalStart?: string;
                /** Format: date */
                rentalEnd?: string;
                monthlyRentYuan?: number;
            };
            contactPhone?: string;
            electronicCertificates?: components["schemas"]["ElectronicCertificate"][];
        };
        ElectronicCertificate: {
            type: string;
            number: string;
            issuer: string;
            /** Format: date */
            issuedAt: string;
            /** Format: date */
            validTo?: string | null;
        };
        /**
         * @description Which phone code: ctid (公安部 CTID 网证 / 电子身份证), social_security (电子社保卡), gd_personal (粤省事 / 粤居码), sz_personal (i深圳).
         * @enum {string}
         */
        IdentityCodeKind: "ctid" | "social_security" | "gd_personal" | "sz_personal";
        IdentityCodeRequest: {
            /** @description The code as scanned (UTF-8 text, no control characters). */
            code: string;
            codeKind: components["schemas"]["IdentityCodeKind"];
            terminalId: string;
            scannedAt: components["schemas"]["Timestamp"];
            /** @enum {string} */
            purpose: "session" | "card_match";
            /** @description card_match: the number on the card just read. */
            cardIdNumber?: components["schemas"]["IdNumber"];
        };
        VerifiedIdentity: {
            name: string;
            idNumber: components["schemas"]["IdNumber"];
            /** @enum {string} */
            cardType: "resident" | "hmt_permit" | "foreigner_2017" | "foreigner_2023";
            /** @enum {string} */
            gender: "1" | "2" | "9";
            birthDate: string;
            /** @description The last day of the identity document the code is bound to (the ID card behind a 网证), or 长期; the terminal applies the same expired-document rules as to a card. */
            documentValidTo?: string;
        };
        IdentityVerification: {
            /** @constant */
            outcome: "verified";
            codeKind: components["schemas"]["IdentityCodeKind"];
            issuer: string;
            /**
             * @description How strongly the issuer bound the code to the person (CTID 网证: high).
             * @enum {string}
             */
            assuranceLevel: "low" | "substantial" | "high";
            /** @description Opaque, for this verification only; never the code. */
            identityToken: string;
            identity?: components["schemas"]["VerifiedIdentity"];
            /** @description card_match: whether the code belongs to the cardholder. */
            sameAsCard?: boolean;
        } | {
            /** @constant */
            outcome: "refused";
            /** @enum {string} */
            reason: "expired" | "already_used" | "unknown_issuer" | "revoked" | "clock_skew" | "malformed";
        };
        CardSessionRequest: {
            idNumber: components["schemas"]["IdNumber"];
            /** @enum {string} */
            cardType: "resident" | "hmt_permit" | "foreigner_2017" | "foreigner_2023";
            readAt: components["schemas"]["Timestamp"];
        };
        CardSession: {
            cardToken: string;
            expiresAt: components["schemas"]["Timestamp"];
        };
        UploadCreateRequest: {
            sha256: components["schemas"]["Sha256"];
            size: number;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "application/pdf" | "image/tiff";
        };
        UploadStatus: {
            uploadId: components["schemas"]["UploadId"];
            sha256: components["schemas"]["Sha256"];
            size: number;
            offset: number;
            complete: boolean;
        };
        /**
         * @description 国办函〔2016〕108号 grades; kiosk scans are C until a clerk verifies them (B).
         * @enum {string}
         */
        TrustLevel: "A" | "B" | "C" | "D";
        Applicant: {
            type: components["schemas"]["ApplicantType"];
            /** @enum {string} */
            idType: "resident" | "hmt_permit" | "foreigner_2017" | "foreigner_2023";
            idNumber: components["schemas"]["IdNumber"];
            name: string;
            /** @description The name in Latin letters on a foreign permanent resident ID card (the holder's own name; `name` is its Chinese transliteration). */
            latinName?: string;
            phone?: string;
            /**
             * @description How the terminal established the applicant's identity (card read, a phone's dynamic code verified by its issuer, or both matched).
             * @enum {string}
             */
            identityVerifiedBy?: "card" | "phone_code" | "card_and_code";
        };
        /**
         * @description A required material, either uploaded as a file (`UploadedMaterial`) or satisfied without paper by an
         *     electronic certificate (电子证照) the resource library holds for the applicant (`CertificateMaterial`).
         */
        SubmittedMaterial: components["schemas"]["UploadedMaterial"] | components["schemas"]["CertificateMaterial"];
        UploadedMaterial: {
            code: components["schemas"]["MaterialCode"];
            sha256: components["schemas"]["Sha256"];
            pageCount: number;
            trustLevel: components["schemas"]["TrustLevel"];
            uploadId: components["schemas"]["UploadId"];
            /**
             * @description What the terminal read off this material's pages and checked against the applicant's card and the
             *     form as submitted, for the back office's pre-check (材料预审): which fact, on which page of the file,
             *     with what outcome. Never corrected on the terminal; no values travel (the file itself is the evidence).
             *     The resident and the clerk were shown each mismatch and could retake the page or carry on. Absent when
             *     nothing on the material could be compared. A page beyond `pageCount` is refused with 422 `validation_failed`.
             */
            fieldChecks?: components["schemas"]["MaterialFieldCheck"][];
        };
        MaterialFieldCheck: {
            /** @description The card's fact (`card.name`, …) or the form field (`form.<key>`) the value read was compared with. */
            against: string;
            /**
             * @description match — they agree; mismatch — they differ; unreadable — read, but failing its check rule (e.g. GB 11643).
             * @enum {string}
             */
            status: "match" | "mismatch" | "unreadable";
            /** @description The page of the material's file (1-based) the value was read on. */
            page: number;
        };
        /**
         * @description Satisfied by an electronic certificate: no upload. The number must be one of the applicant's
         *     `electronicCertificates` in the resource library, of the type the item's material accepts; otherwise
         *     the submission is refused with 422 `certificate_unknown`.
         */
        CertificateMaterial: {
            code: components["schemas"]["MaterialCode"];
            electronicCertificateNumber: string;
            /**
             * @description A — issued by the authority itself (the resource library's copy).
             * @constant
             */
            trustLevel: "A";
        };
        MaterialCode: string;
        ApplicationSubmission: {
            itemCode: components["schemas"]["ItemCode"];
            applicant: components["schemas"]["Applicant"];
            /** @enum {string} */
            channel: "kiosk" | "counter";
            form: {
                [key: string]: string | number | boolean;
            };
            materials: components["schemas"]["SubmittedMaterial"][];
        };
        /** @enum {string} */
        Stage: "预受理" | "受理" | "不予受理" | "补齐补正" | "办理中" | "办结" | "已领取";
        SubmissionReceipt: {
            /** @description Opaque, server-issued. */
            acceptanceNumber: string;
            queryPassword: string;
            stage: components["schemas"]["Stage"];
            itemCode: components["schemas"]["ItemCode"];
            department: components["schemas"]["Department"];
            submittedAt: components["schemas"]["Timestamp"];
            /** Format: date */
            dueDate: string;
        };
        /**
         * @description By the acceptance number and either the query password (typed at a terminal) or the progress token of
         *     the receipt's QR link (a terminal reading the slip; see `getProgressPage`). Both prove the slip.
         */
        ApplicationQuery: {
            acceptanceNumber: string;
            queryPassword: string;
        } | {
            acceptanceNumber: string;
            progressToken: components["schemas"]["ProgressToken"];
        };
        /** @description 16 bytes of HMAC-SHA256 (base64url) that open one slip's progress page; see `getProgressPage`. */
        ProgressToken: string;
        ApplicantQuery: {
            cardToken: string;
        };
        StageEvent: {
            stage: components["schemas"]["Stage"];
            at: components["schemas"]["Timestamp"];
            /** @description Reason for 不予受理. */
            reason?: string;
            /** @description Materials to supplement for 补齐补正. */
            supplementList?: string[];
            /** @description Result for 办结. */
            result?: string;
        };
        ApplicationStatus: {
            acceptanceNumber: string;
            itemCode: components["schemas"]["ItemCode"];
            itemName: components["schemas"]["LocalizedText"];
            department: components["schemas"]["Department"];
            submittedAt: components["schemas"]["Timestamp"];
            /** Format: date */
            dueDate: string;
            stage: components["schemas"]["Stage"];
            history: components["schemas"]["StageEvent"][];
            evaluated: boolean;
        };
        ApplicationList: {
            applications: components["schemas"]["ApplicationStatus"][];
        };
        /**
         * @description 非常满意 (5★) … 非常不满意 (1★).
         * @enum {string}
         */
        EvaluationLevel: "非常满意" | "满意" | "基本满意" | "不满意" | "非常不满意";
        Evaluation: {
            acceptanceNumber: string;
            itemCode: components["schemas"]["ItemCode"];
            departmentCode: string;
            level: components["schemas"]["EvaluationLevel"];
            /** @description Offline indicators 整体满意度 / 服务效率 / 服务水平 / 服务态度. */
            indicators: {
                overall: components["schemas"]["EvaluationLevel"];
                efficiency?: components["schemas"]["EvaluationLevel"];
                quality?: components["schemas"]["EvaluationLevel"];
                attitude?: components["schemas"]["EvaluationLevel"];
            };
            comment?: string;
            /**
             * @description Why a 不满意 / 非常不满意 rating was given, from the 好差评 system's standard reason list; a poor rating
             *     carries at least one reason (or `reasonText`), a good one none.
             */
            reasons?: components["schemas"]["EvaluationReason"][];
            /** @description The resident's own words about a poor rating. */
            reasonText?: string;
            /** @description Present when the resident asked for a callback (回访) on a poor rating. Personal data. */
            callbackPhone?: string;
            /** @enum {string} */
            channel: "kiosk" | "counter";
            clerkStaffId?: string;
        };
        /**
         * @description 办事指南不清晰 `guide-unclear`, 办理流程繁琐 `process-complicated`, 提交材料过多 `too-many-materials`,
         *     办理时间过长 `too-slow`, 需要多次跑动 `repeated-trips`, 服务态度不好 `staff-attitude`, 业务不熟练
         *     `staff-unskilled`, 系统操作不便 `system-hard-to-use`, 其他 `other`.
         * @enum {string}
         */
        EvaluationReason: "guide-unclear" | "process-complicated" | "too-many-materials" | "too-slow" | "repeated-trips" | "staff-attitude" | "staff-unskilled" | "system-hard-to-use" | "other";
        ReceiptSmsRequest: {
            acceptanceNumber: string;
            queryPassword: string;
            /** @description The applicant's mobile number (personal data; the platform keeps it only to send this message). */
            phone: string;
        };
        ReceiptSmsReceipt: {
            messageId: string;
            sentAt: components["schemas"]["Timestamp"];
        };
        EvaluationReceipt: {
            evaluationId: string;
            recordedAt: components["schemas"]["Timestamp"];
        };
        /** @enum {string} */
        DeviceStatus: "online" | "offline" | "noDevice" | "hardwareError" | "userError" | "busy" | "starting";
        Heartbeat: {
            at: components["schemas"]["Timestamp"];
            /** @enum {string} */
            mode: "kiosk" | "counter" | "admin";
            appVersion: string;
            inService: boolean;
            devices: {
                id: string;
                /** @enum {string} */
                kind: "idcard" | "printer" | "scanner" | "camera" | "other";
                status: components["schemas"]["DeviceStatus"];
                detail?: string;
            }[];
            alerts: {
                code: string;
                /** @enum {string} */
                severity: "info" | "warning" | "critical";
                deviceId?: string;
                message?: string;
            }[];
            outbox?: {
                depth: number;
                /** Format: date-time */
                oldestPendingAt?: string | null;
            };
        };
        HeartbeatAck: {
            serverTime: components["schemas"]["Timestamp"];
            catalogueVersion: string;
        };
        ClerkLoginRequest: {
            staffId: string;
            password: string;
        };
        ClerkSession: {
            token: string;
            expiresAt: components["schemas"]["Timestamp"];
            clerk: {
                staffId: string;
                name: string;
                windowNo: string;
                department: components["schemas"]["Department"];
            };
        };
        ClerkWorkload: {
            staffId: string;
            applicationsTaken: number;
            byStage: {
                [key: string]: number;
            };
            ratings: {
                count: number;
                byLevel: {
                    [key: string]: number;
                };
                averageStars: number | null;
                /** @description The reasons given with poor ratings (one rating may give several), most given first. */
                byReason: {
                    reason: components["schemas"]["EvaluationReason"];
                    count: number;
                }[];
                /** @description Poor ratings whose resident asked for a callback (回访); the phones are not in this report. */
                callbacks: number;
            };
        };
    };
    responses: {
        /**
         * @description `bad_request`: the request cannot be read (body not JSON, a chunk past the announced size);
         *     `validation_failed`: a parameter or the body does not match this document (`details.issues`).
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "bad_request" | "validation_failed";
                    };
                };
            };
        };
        /** @description The terminal's signature is missing, wrong, stale, replayed or from an unknown terminal. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        code?: components["schemas"]["SignatureErrorCode"];
                    };
                };
            };
        };
        /** @description As `Unauthenticated`, or `unauthorized` when the clerk or card session token is unknown or expired. */
        UnauthenticatedOrSessionExpired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        code?: components["schemas"]["SignatureErrorCode"] | "unauthorized";
                    };
                };
            };
        };
        /** @description As `Unauthenticated`, or `invalid_credentials` when the staff id or password is wrong. */
        UnauthenticatedOrBadCredentials: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        code?: components["schemas"]["SignatureErrorCode"] | "invalid_credentials";
                    };
                };
            };
        };
        /** @description No such upload or application (a wrong query password answers the same, so numbers cannot be enumerated). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "not_found";
                    };
                };
            };
        };
        /**
         * @description `idempotency_conflict`: the Idempotency-Key was used with another body; `already_evaluated`: this
         *     application has its evaluation; `offset_mismatch`: the chunk is not at the server's offset
         *     (`details.offset`); `checksum_mismatch`: the same digest was announced with another size.
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "idempotency_conflict" | "already_evaluated" | "offset_mismatch" | "checksum_mismatch";
                    };
                };
            };
        };
        /** @description The request body is larger than the platform accepts (8 MiB). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "payload_too_large";
                    };
                };
            };
        };
        /** @description The body is not of a media type the operation accepts. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "unsupported_media_type";
                    };
                };
            };
        };
        /**
         * @description Well-formed but refused: `validation_failed` (unknown item `details.itemCode`, required form fields
         *     `details.missing`, a stale card read, an evaluation for another item), `certificate_unknown` or
         *     `upload_incomplete` (`details.code` names the material), `checksum_mismatch` (the bytes do not hash to
         *     the announced digest; the upload restarts at `details.offset` 0).
         */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "validation_failed" | "certificate_unknown" | "upload_incomplete" | "checksum_mismatch";
                    };
                };
            };
        };
        /** @description Too many failed logins; try again after `details.retryAfterSeconds`. */
        Locked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "locked";
                    };
                };
            };
        };
        /** @description The platform failed; the request may be retried (idempotent operations with the same key). */
        Internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "internal";
                    };
                };
            };
        };
        /** @description The platform is temporarily unavailable; retry later. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"] & {
                    error?: {
                        /** @constant */
                        code?: "unavailable";
                    };
                };
            };
        };
    };
    parameters: {
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCatalogue: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue. */
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            /** @description Not modified; the terminal's cached copy is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    lookupResident: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResidentLookupRequest"];
            };
        };
        responses: {
            /** @description The requested fields that the library holds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createCardSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CardSessionRequest"];
            };
        };
        responses: {
            /** @description Token issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CardSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    verifyIdentityCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentityCodeRequest"];
            };
        };
        responses: {
            /** @description Verified, or refused with a reason. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityVerification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadCreateRequest"];
            };
        };
        responses: {
            /** @description Upload state (existing or new); resume from `offset`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: components["schemas"]["UploadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Upload state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    putUploadChunk: {
        parameters: {
            query?: never;
            header: {
                "Upload-Offset": number;
            };
            path: {
                uploadId: components["schemas"]["UploadId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Chunk stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header: {
                "Idempotency-Key": string;
                /** @description Present in counter mode; attributes the application to the clerk. */
                "X-Clerk-Token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationSubmission"];
            };
        };
        responses: {
            /** @description Replay of an earlier submission with the same key and body; same receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["UnauthenticatedOrSessionExpired"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    queryApplication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationQuery"];
            };
        };
        responses: {
            /** @description Stage history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    listApplicationsByApplicant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantQuery"];
            };
        };
        responses: {
            /** @description The applicant's applications, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["UnauthenticatedOrSessionExpired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    submitEvaluation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Evaluation"];
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    sendReceiptSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptSmsRequest"];
            };
        };
        responses: {
            /** @description Accepted for sending. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptSmsReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    sendHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Heartbeat"];
            };
        };
        responses: {
            /** @description Acknowledged; carries server time and the current catalogue ETag. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatAck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    clerkLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClerkLoginRequest"];
            };
        };
        responses: {
            /** @description Logged in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClerkSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["UnauthenticatedOrBadCredentials"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getClerkWorkload: {
        parameters: {
            query?: never;
            header: {
                "X-Clerk-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Workload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClerkWorkload"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["UnauthenticatedOrSessionExpired"];
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
    getProgressPage: {
        parameters: {
            query: {
                /** @description The slip's progress token. */
                t: components["schemas"]["ProgressToken"];
            };
            header?: never;
            path: {
                acceptanceNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stage and its history, in Chinese and English; no personal data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ApplicationStatus"];
                };
            };
            /** @description `validation_failed`: the link is malformed (no token, or not a token's shape). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @constant */
                            code?: "validation_failed";
                        };
                    };
                };
            };
            /** @description `not_found`: no application with this number, or the token is not this slip's. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @constant */
                            code?: "not_found";
                        };
                    };
                };
            };
            500: components["responses"]["Internal"];
            503: components["responses"]["Unavailable"];
        };
    };
}
