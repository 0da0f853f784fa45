// Keeps the kiosk screen awake (after Signal Desktop's PreventDisplaySleepService): the Electron object is
// injected, so the class is testable with a fake.
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

export class PreventDisplaySleepService {
  private blockerId: number | undefined;

  constructor(private readonly blocker: PowerSaveBlockerLike) {}

  setEnabled(enabled: boolean): void {
    if (enabled && this.blockerId === undefined) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
    } else if (!enabled && this.blockerId !== undefined) {
      if (this.blocker.isStarted(this.blockerId)) this.blocker.stop(this.blockerId);
      this.blockerId = undefined;
    }
  }

  get enabled(): boolean {
    return this.blockerId !== undefined;
  }
}
