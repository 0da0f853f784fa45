// The document camera's live preview with auto-capture (steady page) and a manual button.
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import { DocumentCamera } from '@easydo/core/ui/capture/document-camera';
import { useCaptureScreen } from '@easydo/core/ui/use-capture-screen';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function CameraPanel({ t, onImage, onError }: { t: TFunction<'journey'>; onImage(base64: string): Promise<void>; onError(e: ContractError): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const camera = useRef<DocumentCamera | null>(null);
  const [on, setOn] = useState(false);
  const [auto, setAuto] = useState(true);
  const busy = useRef(false);
  useCaptureScreen();

  const capture = async () => {
    if (!camera.current || busy.current) return;
    busy.current = true;
    try {
      await onImage(toBase64(await camera.current.capture()));
    } catch (e) {
      onError({ code: 'device', reason: 'device-fault', params: { device: 'documentCamera' }, message: `document camera: ${(e as Error).message}` });
    } finally {
      busy.current = false;
    }
  };
  const start = async () => {
    try {
      camera.current = new DocumentCamera({ width: 1280, height: 960 }, video.current ?? undefined);
      await camera.current.start();
      setOn(true);
    } catch (e) {
      camera.current = null;
      onError({ code: 'device', reason: 'device-fault', params: { device: 'documentCamera' }, message: `document camera: ${(e as Error).message}` });
    }
  };
  useEffect(() => {
    if (!on || !auto || !camera.current) return;
    return camera.current.watchForSteadyPage(() => void capture());
  }, [on, auto]);
  useEffect(() => () => camera.current?.stop(), []);

  return (
    <div className="camera">
      <video ref={video} className="camera-preview" data-testid="camera-preview" muted playsInline aria-label={t('materials.camera')} hidden={!on} />
      {!on ? (
        <button type="button" className="btn btn-primary" data-testid="camera-start" onClick={() => void start()}>
          {t('materials.startCamera')}
        </button>
      ) : (
        <>
          <button type="button" className="btn btn-primary btn-main" data-testid="camera-capture" onClick={() => void capture()}>
            {t('materials.capture')}
          </button>
          <label className="toggle">
            <input type="checkbox" data-testid="camera-auto" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
            {t('materials.autoCapture')}
          </label>
        </>
      )}
    </div>
  );
}
