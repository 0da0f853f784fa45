// Events from services to windows. Payloads are validated against the contract before they leave main, and
// each window receives only the events its current mode may see.
import { events, type EventName, type EventPayload } from '@easydo/core/contract/channels';
import type { Mode } from '@easydo/core/contract/modes';

export type EventSink = (name: EventName, payload: unknown) => void;

export class EventHub {
  private readonly sinks = new Set<EventSink>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].payload.safeParse(payload);
    if (!parsed.success) throw new Error(`event ${name} payload failed its schema`);
    for (const sink of [...this.sinks]) sink(name, parsed.data);
  }

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}

export function deliverableTo(name: EventName, mode: Mode): boolean {
  return events[name].modes.includes(mode);
}
