// Public entry of @easydo/backend-client (import '@easydo/backend-client/index').
export { createBackendClient } from './client';
export type { BackendClient, BackendClientOptions, CatalogueResult, SubmitOptions, SubmitResult, UploadFileOptions } from './client';
export { BackendError } from './errors';
export type { BackendErrorCode } from './errors';
export * from './types';
export { openJournal } from './outbox/journal';
export type { Journal, JournalOptions, LocalApplication, LocalState, NewApplication, NewMaterial } from './outbox/journal';
export { createOutbox } from './outbox/outbox';
export type { Outbox, OutboxOptions, OutboxStatus } from './outbox/outbox';
export { createKeyFileProvider } from './outbox/key-file-provider';
export type { KeyProvider } from './outbox/crypto';
