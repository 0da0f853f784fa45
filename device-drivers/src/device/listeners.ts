// A tiny typed listener set: drivers emit plain-data events without depending on Node's EventEmitter
// typing, and a listener that throws never breaks the driver loop.
import type { Unsubscribe } from './model';

export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Unsubscribe {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch {
        // A faulty listener must not stop a device loop; the listener owns its own error handling.
      }
    }
  }

  get size(): number {
    return this.set.size;
  }

  clear(): void {
    this.set.clear();
  }
}
