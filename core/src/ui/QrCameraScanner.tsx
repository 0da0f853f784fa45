// Reads a QR code from a camera in the renderer (jsQR on downscaled frames). For a USB QR scanner that
// types like a keyboard, the screen's focused text field is enough; this is for terminals with a camera.
import { useEffect, useRef } from 'react';
import jsQR from 'jsqr';

export function QrCameraScanner({ onCode, onError, label }: { onCode(text: string): void; onError(message: string): void; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | null = null;
    let done = false;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    void navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        timer = window.setInterval(() => {
          const v = video.current;
          if (!v || !ctx || done || v.videoWidth === 0) return;
          canvas.width = Math.min(640, v.videoWidth);
          canvas.height = Math.round((canvas.width * v.videoHeight) / v.videoWidth);
          ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
          const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(img.data, img.width, img.height);
          if (code?.data) {
            done = true;
            onCode(code.data);
          }
        }, 250);
      })
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
    return () => {
      if (timer !== null) window.clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  return <video ref={video} className="qr-preview" data-testid="qr-preview" muted playsInline aria-label={label} />;
}
