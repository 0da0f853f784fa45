// Which key protects personal data at rest: the shell decides (Electron: OS keystore; simulators: a 0600 file).
export type { KeyProvider } from '@easydo/backend-client/outbox/crypto';
