// Renderer-side document camera (高拍仪): most are driver-free UVC devices, so getUserMedia sees them.
// Opens the configured device (by deviceId or label substring), watches downscaled frames for a steady
// page (auto-capture) and takes a full-resolution still via ImageCapture where available, else from
// the video frame through a canvas. Returns JPEG bytes; the main process does crop/deskew/OCR.
import { SteadyDetector, rgbaToGrey, type SteadyOptions } from './steady-detector';

export interface DocumentCameraConfig {
  /** Exact deviceId, or a case-insensitive substring of the device label (labels survive replugging). */
  deviceId?: string;
  label?: string;
  /** Requested capture size; cameras give the nearest they support. */
  width?: number;
  height?: number;
  jpegQuality?: number;
}

export class DocumentCameraError extends Error {
  constructor(
    readonly code: 'noCamera' | 'permissionDenied' | 'notStarted' | 'captureFailed',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentCameraError';
  }
}

interface ImageCaptureLike {
  takePhoto(): Promise<Blob>;
}
type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

/** Picks the configured camera from enumerateDevices(); falls back to the first video input. */
export async function findCamera(config: DocumentCameraConfig): Promise<MediaDeviceInfo> {
  const cams = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  const byId = config.deviceId ? cams.find((d) => d.deviceId === config.deviceId) : undefined;
  const byLabel = config.label ? cams.find((d) => d.label.toLowerCase().includes(config.label!.toLowerCase())) : undefined;
  const cam = byId ?? byLabel ?? (config.deviceId || config.label ? undefined : cams[0]);
  if (!cam) throw new DocumentCameraError('noCamera', 'The document camera was not found');
  return cam;
}

export class DocumentCamera {
  private stream: MediaStream | null = null;
  private readonly video: HTMLVideoElement;
  private loop: number | null = null;

  constructor(
    private readonly config: DocumentCameraConfig = {},
    /** Where the live preview shows; a detached element is created if omitted. */
    video?: HTMLVideoElement,
  ) {
    this.video = video ?? document.createElement('video');
    this.video.muted = true;
    this.video.playsInline = true;
  }

  get previewElement(): HTMLVideoElement {
    return this.video;
  }

  async start(): Promise<void> {
    let cam: MediaDeviceInfo | undefined;
    try {
      // Labels are empty until permission is granted once; ask generically first if needed.
      cam = await findCamera(this.config).catch(() => undefined);
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {
          ...(cam?.deviceId ? { deviceId: { exact: cam.deviceId } } : {}),
          width: { ideal: this.config.width ?? 4000 },
          height: { ideal: this.config.height ?? 3000 },
        },
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'NotAllowedError') throw new DocumentCameraError('permissionDenied', 'Camera permission was denied');
      throw new DocumentCameraError('noCamera', 'The document camera could not be opened');
    }
    if (!cam && (this.config.label || this.config.deviceId)) {
      const track = this.stream.getVideoTracks()[0];
      const wanted = this.config.label?.toLowerCase();
      if (!track || (wanted && !track.label.toLowerCase().includes(wanted))) {
        this.stop();
        throw new DocumentCameraError('noCamera', 'The document camera was not found');
      }
    }
    this.video.srcObject = this.stream;
    await this.video.play();
  }

  /** Calls onSteady once each time a page has lain still for a moment; returns a stop function. */
  watchForSteadyPage(onSteady: () => void, options: SteadyOptions & { sampleWidth?: number; intervalMs?: number } = {}): () => void {
    const detector = new SteadyDetector(options);
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const tick = (): void => {
      const { videoWidth: w, videoHeight: h } = this.video;
      if (ctx && w > 0 && h > 0) {
        canvas.width = options.sampleWidth ?? 96;
        canvas.height = Math.max(1, Math.round((canvas.width * h) / w));
        ctx.drawImage(this.video, 0, 0, canvas.width, canvas.height);
        const grey = rgbaToGrey(ctx.getImageData(0, 0, canvas.width, canvas.height).data);
        if (detector.push(grey, performance.now())) onSteady();
      }
    };
    this.loop = window.setInterval(tick, options.intervalMs ?? 200);
    return () => {
      if (this.loop !== null) window.clearInterval(this.loop);
      this.loop = null;
    };
  }

  /** Full-resolution still as JPEG bytes. */
  async capture(): Promise<Uint8Array> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track) throw new DocumentCameraError('notStarted', 'The camera is not started');
    const Ctor = (globalThis as { ImageCapture?: ImageCaptureCtor }).ImageCapture;
    if (Ctor) {
      try {
        const blob = await new Ctor(track).takePhoto();
        if (blob.type === 'image/jpeg') return new Uint8Array(await blob.arrayBuffer());
        return await this.reencode(await createImageBitmap(blob));
      } catch {
        // Fake and some UVC devices do not implement takePhoto: fall back to the video frame.
      }
    }
    return this.reencode(this.video);
  }

  stop(): void {
    if (this.loop !== null) window.clearInterval(this.loop);
    this.loop = null;
    for (const t of this.stream?.getTracks() ?? []) t.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  private async reencode(source: HTMLVideoElement | ImageBitmap): Promise<Uint8Array> {
    const w = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
    const h = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
    if (!w || !h) throw new DocumentCameraError('captureFailed', 'No camera frame is available yet');
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.getContext('2d')!.drawImage(source, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', this.config.jpegQuality ?? 0.92));
    if (!blob) throw new DocumentCameraError('captureFailed', 'The frame could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  }
}
