// What a domain (journey, identity, admin, remote help, counter) hands the composition root: its handlers, the
// precondition guards it owns (the router runs them), and how to stop whatever it started.
import type { RouterGuards } from './preconditions';

export interface DomainWiring<H> {
  handlers: H;
  guards?: RouterGuards;
  close(): Promise<void>;
}
