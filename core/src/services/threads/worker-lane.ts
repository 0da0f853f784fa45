// One worker thread taking numbered requests one at a time (backend-client/src/thread/worker-lane.ts: the journal
// and the page preparer use it), here for the packages above core (the counter's database), which reach the
// backend client only through core.
export { WorkerLane, bundledOrSource, type LaneOwner, type WorkerThreadEvent } from '@easydo/backend-client/thread/worker-lane';
