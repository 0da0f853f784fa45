// In-process events of the console (what the live feed pushes): typed, synchronous, no payload copies.
import { EventEmitter } from 'node:events';
import type { AlertRecord, CommandRecord } from './model';

export interface HubEvents {
  alert: [AlertRecord];
  command: [CommandRecord];
  terminal: [string];
  /** A state message arrived (the terminal's place may have changed). */
  state: [string];
  action: [string];
}

export class Hub extends EventEmitter<HubEvents> {
  constructor() {
    super();
    // One listener per open live feed.
    this.setMaxListeners(0);
  }
}
