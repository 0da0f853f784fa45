export * from './model';
export { Listeners } from './listeners';
export { SnapshotStore } from './snapshot-store';
