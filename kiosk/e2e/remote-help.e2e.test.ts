// 远程视频帮办 end to end: a kiosk and a counter (two terminals, one platform), Chromium with fake camera and
// microphone. The resident asks for help on the materials step, the clerk who offers help answers, WebRTC connects
// browser to browser on loopback, the clerk sees the masked screen (never the number or name in the clear), points
// at the scan button, marks a page 需重拍 (shown and spoken on the kiosk), the resident re-scans and the new page is
// marked 合格; the clerk hangs up, the camera is released, the resident rates, and the workload counts it.
// Faults: nobody answers (the kiosk offers a ticket), no camera (voice only), the network drops (the visit goes on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickApply, typeHanzi } from '../test/journey/e2e-steps';
import { signInClerk } from './counter-steps';
import { callClaimed, startHall, type Hall, type HallTerminal } from './remote-help-terminals';

const RESIDENT = { name: '卓岚', idNumber: '440304199604122469' }; // synthetic cardholder res01
const CONNECTED = { timeout: 90_000 };

describe('remote help between a kiosk and a counter', () => {
  let hall: Hall;
  let kiosk: HallTerminal;
  let counter: HallTerminal;

  beforeAll(async () => {
    hall = await startHall();
    kiosk = await hall.open('kiosk');
    counter = await hall.open('counter');
  });
  afterAll(async () => {
    await hall?.close();
  });

  it('rings, connects by WebRTC, shows the masked screen, points, pre-checks a re-scanned page, hangs up and is rated', async () => {
    const k = kiosk.page;
    const c = counter.page;
    await c.getByTestId('staff-id').waitFor({ timeout: 120_000 });
    await signInClerk(c, 'C1001', 'counter-1001');
    await c.getByTestId('helper-offer').click();
    await c.locator('[data-testid="remote-help-panel"][data-offering="true"]').waitFor();
    await quickApply(k);
    await k.getByTestId('scan').click();
    await k.getByTestId('page-0').waitFor({ timeout: 60_000 });

    // 求助 asks first; only the agreement rings the counter.
    await k.getByTestId('help-button').click();
    await k.getByTestId('help-consent').waitFor();
    expect(await c.getByTestId('helper-queue-call').count()).toBe(0);
    await k.getByTestId('help-consent-video').click();
    await k.getByTestId('help-waiting').waitFor();
    await c.getByTestId('helper-queue-call').waitFor();
    expect(await c.getByTestId('helper-queue-call').textContent()).toMatch(/已等待 \d+ 秒/);
    await c.getByTestId('helper-answer').click();

    // Both browsers' RTCPeerConnection reach `connected` (media on loopback, signalling through the platform).
    await k.locator('[data-testid="help-call"][data-connection="connected"]').waitFor(CONNECTED);
    await c.locator('[data-testid="helper-call"][data-connection="connected"]').waitFor(CONNECTED);
    expect(await k.getByTestId('help-call').getAttribute('data-media')).toBe('video');
    expect(await k.getByTestId('help-call').getAttribute('data-camera')).toBe('on');
    expect(callClaimed(kiosk)).toBe(true);
    // The clerk's video shows the kiosk's (fake) camera.
    await expect.poll(() => c.getByTestId('helper-remote-video').evaluate((v: HTMLVideoElement) => v.videoWidth), CONNECTED).toBeGreaterThan(0);

    // The masked view: the step, the masked card, the page; nowhere the number or the name in the clear.
    await c.locator('[data-testid="helper-view"][data-step="materials"]').waitFor();
    await c.getByTestId('helper-page-1').waitFor();
    const card = await c.getByTestId('helper-view-card').textContent();
    expect(card).toContain('*');
    expect(card).toContain(RESIDENT.idNumber.slice(-4));
    const counterHtml = await c.content();
    expect(counterHtml).not.toContain(RESIDENT.idNumber);
    expect(counterHtml).not.toContain(RESIDENT.name);
    expect(counterHtml).not.toContain('data:image');

    // Pointing: the scan button lights up on the kiosk (the resident presses it).
    await c.getByTestId('helper-point-scan').click();
    await k.locator('[data-testid="scan"].help-highlight').waitFor();

    // 需重拍 with a reason: shown and spoken on the kiosk, and marked on the page itself.
    const spoken = await k.evaluate(() => {
      const said: string[] = [];
      const synth = window.speechSynthesis;
      const speak = synth.speak.bind(synth);
      synth.speak = (u) => {
        said.push(u.text);
        speak(u);
      };
      (window as unknown as { __said: string[] }).__said = said;
      return true;
    });
    expect(spoken).toBe(true);
    await c.getByTestId('helper-page-reason-1').selectOption('blurred');
    await c.getByTestId('helper-page-retake-1').click();
    const mark = k.locator('[data-testid="help-mark-1"][data-verdict="retake"]');
    await mark.waitFor();
    expect(await mark.textContent()).toMatch(/第 1 页：需重拍，图像模糊/);
    await k.locator('[data-testid="page-0"][data-precheck="retake"]').waitFor();
    await expect.poll(() => k.evaluate(() => (window as unknown as { __said: string[] }).__said.join('|'))).toMatch(/需重拍/);

    // The resident scans again; the clerk sees the new page and marks it 合格.
    await k.getByTestId('scan').click();
    await k.getByTestId('page-1').waitFor({ timeout: 60_000 });
    await c.getByTestId('helper-page-2').waitFor();
    await c.getByTestId('helper-page-ok-2').click();
    await k.locator('[data-testid="help-mark-2"][data-verdict="ok"]').waitFor();

    // A suggestion and a chat line each way.
    await c.getByTestId('helper-suggest-text').fill('请删除第一页');
    await c.getByTestId('helper-suggest').click();
    await k.locator('[data-testid="help-suggestion"]', { hasText: '请删除第一页' }).waitFor();
    await k.getByTestId('help-suggestion-ok').click();
    await k.getByRole('button', { name: '我听不清' }).click();
    await c.locator('[data-testid="helper-chat"] li', { hasText: '我听不清' }).waitFor();
    // A line of their own, typed on the on-screen keyboard (the kiosk has no other).
    await k.getByTestId('help-chat-input').click();
    await typeHanzi(k, 'wenti', '问题');
    await k.locator('[data-testid="help-chat-input"][value="问题"]').waitFor();
    await k.getByTestId('help-send').click();
    await c.locator('[data-testid="helper-chat"] li', { hasText: '问题' }).waitFor();
    expect(await k.getByTestId('keyboard').count()).toBe(0);
    await hall.screenshot(k, 'remote-help-kiosk');
    await hall.screenshot(c, 'remote-help-counter');

    // The clerk hangs up: the kiosk's camera tracks end and main's claim is gone; the visit goes on.
    await k.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="help-local-video"]');
      (window as unknown as { __local: MediaStream | null }).__local = (v?.srcObject as MediaStream | null) ?? null;
    });
    expect(await k.evaluate(() => (window as unknown as { __local: MediaStream }).__local.getVideoTracks().some((t) => t.readyState === 'live'))).toBe(true);
    await c.getByTestId('helper-hangup').click();
    await k.locator('[data-testid="help-ended"][data-reason="helper"]').waitFor();
    expect(await k.evaluate(() => (window as unknown as { __local: MediaStream }).__local.getTracks().every((t) => t.readyState === 'ended'))).toBe(true);
    await expect.poll(() => callClaimed(kiosk)).toBe(false);
    await expect.poll(() => callClaimed(counter)).toBe(false);
    expect(await k.getByTestId('help-call').count()).toBe(0);
    await k.getByTestId('screen-materials').waitFor();

    // 好差评 for the helper: recorded at the platform, shown to the clerk, counted in the workload.
    await k.getByTestId('help-rate-5').click();
    await k.getByTestId('help-rated').waitFor();
    await c.locator('[data-testid="helper-rating"]', { hasText: '5' }).waitFor();
    await expect.poll(() => hall.platform.remoteHelp.calls()).toMatchObject([{ staffId: 'C1001', endReason: 'helper', rating: 5 }]);
    await c.getByTestId('tab-workload').click();
    await c.locator('[data-testid="help-calls"]', { hasText: '1' }).waitFor();
    expect(await c.getByTestId('help-ratings').textContent()).toContain('5★×1');
    await k.getByTestId('help-close').click();
    await k.getByTestId('help-button').waitFor();
  });

  it('without a camera the call is voice only; a network drop ends it and the kiosk visit goes on', async () => {
    const quiet = await hall.open('kiosk', { noCamera: true });
    const k = quiet.page;
    const c = counter.page;
    await c.getByTestId('tab-queue').click();
    await quickApply(k);
    await k.getByTestId('help-button').click();
    await k.getByTestId('help-consent-video').click();
    await c.getByTestId('helper-answer').click();
    await k.locator('[data-testid="help-call"][data-media="audio"]').waitFor(CONNECTED);
    await k.getByTestId('help-audio-only').waitFor();
    await k.locator('[data-testid="help-call"][data-connection="connected"]').waitFor(CONNECTED);
    expect(await k.getByTestId('help-call').getAttribute('data-camera')).toBe('off');

    hall.platform.remoteHelp.dropAll();
    await k.locator('[data-testid="help-ended"][data-reason="network"]').waitFor();
    await c.locator('[data-testid="helper-ended"][data-reason="network"]').waitFor();
    await expect.poll(() => callClaimed(quiet)).toBe(false);
    // The visit is untouched: the resident carries on with the materials alone.
    await k.getByTestId('screen-materials').waitFor();
    expect(await k.getByTestId('checklist').count()).toBe(1);
  });

  it('when nobody answers in time the kiosk says so and offers a queue ticket', async () => {
    const lonely = await hall.open('kiosk', { ringSeconds: 2 });
    const k = lonely.page;
    await counter.page.getByTestId('tab-queue').click();
    await counter.page.getByTestId('helper-stop').click();
    await counter.page.locator('[data-testid="remote-help-panel"][data-offering="false"]').waitFor();
    await k.getByTestId('attract').waitFor();
    await k.getByTestId('help-button').click();
    await k.getByTestId('help-consent-chat').click();
    await k.getByTestId('help-no-answer').waitFor({ timeout: 60_000 });
    await k.getByTestId('help-take-ticket').click();
    expect(await k.getByTestId('help-ticket').textContent()).toMatch(/您的号码是 \S+/);
    // The platform records the unanswered call on its own schedule: read it when it is there.
    await expect.poll(() => hall.platform.remoteHelp.calls().at(-1)).toMatchObject({ staffId: null, endReason: 'no-answer' });
  });
});
