// The counter's document camera (高拍仪): live preview and a still of the original the resident hands over.
// Pages captured here were checked by the clerk in person, so main files them at trust level B.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentCamera } from '@easydo/core/ui/capture/document-camera';
import type { ContractError } from '@easydo/core/contract/errors';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';

/** The browser's own sentence (NotAllowedError…) is for the log, not the clerk: the notice says the camera is not working. */
function cameraError(e: unknown): ContractError {
  return { code: 'device', reason: 'device-fault', params: { device: 'documentCamera' }, message: e instanceof Error ? e.message : String(e) };
}

export function CameraCapture({ onCapture, onClose }: { onCapture: (jpeg: Uint8Array) => void; onClose: () => void }) {
  const { t } = useTranslation('counter');
  const videoRef = useRef<HTMLVideoElement>(null);
  const camRef = useRef<DocumentCamera | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    if (!videoRef.current) return;
    const cam = new DocumentCamera({}, videoRef.current);
    camRef.current = cam;
    cam.start().catch((e: unknown) => setError(cameraError(e)));
    return () => cam.stop();
  }, []);

  const take = async () => {
    try {
      if (camRef.current) onCapture(await camRef.current.capture());
    } catch (e) {
      setError(cameraError(e));
    }
  };

  return (
    <div className="camera-capture" data-testid="camera-capture">
      <video ref={videoRef} className="camera-preview" muted playsInline />
      <ErrorNotice error={error} />
      <button type="button" className="btn btn-primary" data-testid="camera-shoot" onClick={() => void take()}>
        {t('addFromCamera')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
