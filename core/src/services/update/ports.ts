// What the update agent needs from the terminal, as small interfaces (the fleet agent's way: the real terminal, the
// rollout demo's simulated terminals and the tests plug their own).
import type { UpdateReport } from './report';

export interface UpdateTerminalPort {
  /** The version running now (the installed package's). */
  runningVersion(): Promise<string> | string;
  /** A resident session is open. */
  sessionOpen(): boolean;
  /** A clerk is signed in at the counter. */
  clerkSignedIn(): boolean;
  /** Nothing in the outbox that is not safely journaled on disk (a restart loses no application). */
  outboxSafe(): Promise<boolean> | boolean;
  /** Shows the out-of-service screen with the reason code, or lifts it (null). */
  setOutOfService(reason: string | null): Promise<void>;
  /** After an install: the app restarts so the new version runs (the supervisor's start-check runs first). */
  restartApp(): Promise<void>;
}

export interface UpdateReporter {
  report(r: UpdateReport): Promise<void>;
}
