// Which key protects personal data at rest: the shell decides (Electron: OS keystore; an image-provisioned key
// file; simulators: a 0600 file created in the data folder). Re-exported here because the app reaches the
// backend client only through core.
export type { KeyProvider } from '@easydo/backend-client/outbox/crypto';
export { keyIdFor } from '@easydo/backend-client/outbox/crypto';
export { createKeyFileProvider } from '@easydo/backend-client/outbox/key-file-provider';
